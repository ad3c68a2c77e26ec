-- check_extract_cleaning: values the staging views had to drop because they could not be
-- read: unknown gender, race, Hispanic flag or FRL status, unreadable dates, phones and ZIP
-- codes of the wrong length, custody flags that are neither Y nor N (read as a custody issue)
-- and teacher positions that are not numbers.
-- Only exported students are named, read from export_students, which carries their raw values
-- beside the read ones; the guardians' phones have a check of their own
-- (extract_guardian_phones), which waits for the contacts to be built. The students with a
-- problem are read once (a materialized CTE), then unpivoted into one line per problem. Each
-- test asks first whether the read value is missing, which it seldom is.
-- reads: enrollment_dates, export_students, flag_words, guardians, run_option_lists, run_options, section_teachers, selected_schools, stg_enrollments, stg_terms
create view check_extract_cleaning as
with student_problems as materialized (
    select * from (
        select
            s.student_id,
            case when s.gender is null and s.gender_raw <> ''
                then 'gender "' || s.gender_raw || '" is not M, F or X; written empty' end as gender,
            case when s.race is null and s.race_raw <> ''
                then 'race "' || s.race_raw || '" is not in race_map (sql/schema/03_mappings.sql); written empty' end as race,
            case when s.hispanic_latino is null and s.hispanic_raw <> ''
                then 'hispanic_latino "' || s.hispanic_raw || '" is not Y or N; written empty' end as hispanic,
            -- ell_status is written only when export.extra_columns names students.Ell_status.
            case when s.ell_status is null and s.ell_raw <> ''
                    and 'students.Ell_status' in (select value from run_option_lists where key = 'export.extra_columns')
                then 'ell_status "' || s.ell_raw || '" is not Y or N; written empty' end as ell,
            case when lower(s.frl_status_raw) not in ('', 'free', 'reduced', 'paid', 'full')
                then 'frl_status "' || s.frl_status_raw
                    || '" is not Free, Reduced, Paid or Full; read as no discount' end as frl,
            case when s.dob is null and s.birth_date_raw <> ''
                then 'birth_date "' || s.birth_date_raw || '" is not a YYYY-MM-DD or MM/DD/YYYY date; written empty' end as birth,
            -- zip is read only with students.address on.
            case when o.students_address and s.zip is null and s.zip_raw <> ''
                then 'zip "' || s.zip_raw || '" is not 5 or 9 letters and digits; written empty' end as zip,
            -- home_language is read only with students.home_language on.
            case when o.students_home_language and s.home_language is null and s.home_language_raw <> ''
                then 'home_language "' || s.home_language_raw
                    || '" is not in home_language_map (sql/schema/03_mappings.sql); written empty' end as language
        from export_students s
        cross join run_options o
    )
    where coalesce(gender, race, hispanic, ell, frl, birth, zip, language) is not null
),
-- Enrollments with a date enrollment_dates could not read. One row when a pair of its few is
-- unreadable, else none; materialized and read first, so that SQLite reads no enrollment when
-- every pair is readable (a WHERE with an EXISTS is tested on every row).
any_unreadable_date as materialized (
    select 1 where exists (select 1 from enrollment_dates where has_unreadable_date)
),
unreadable_dates as (
    select e.student_id, e.school_code, e.course_code, e.section
    from any_unreadable_date
    cross join stg_enrollments e
    where e.has_unreadable_date
),
emptied as (
    select 'students.csv' as file, 'student ' || student_id as record, gender as message
    from student_problems where gender is not null
    union all
    select 'students.csv', 'student ' || student_id, race from student_problems where race is not null
    union all
    select 'students.csv', 'student ' || student_id, hispanic from student_problems where hispanic is not null
    union all
    select 'students.csv', 'student ' || student_id, ell from student_problems where ell is not null
    union all
    select 'students.csv', 'student ' || student_id, frl from student_problems where frl is not null
    union all
    select 'students.csv', 'student ' || student_id, birth from student_problems where birth is not null
    union all
    select 'students.csv', 'student ' || student_id, zip from student_problems where zip is not null
    union all
    select 'students.csv', 'student ' || student_id, language from student_problems where language is not null
    union all
    select 'schools.csv', 'school ' || school_code, 'zip "' || zip_raw || '" is not 5 or 9 letters and digits; written empty'
    from selected_schools where zip_raw <> '' and zip is null
    union all
    select 'schools.csv', 'school ' || school_code, 'phone "' || phone_raw || '" is not 10 or 11 digits; written empty'
    from selected_schools where phone_raw <> '' and phone is null
    union all
    select 'enrollments.csv', 'student ' || student_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'a date is not a YYYY-MM-DD or MM/DD/YYYY date; read as open'
    from unreadable_dates
    union all
    select 'guardians.csv', 'student ' || student_id || ' guardian ' || guardian_number,
        'custody_issue "' || custody_issue || '" is not Y or N; read as a custody issue'
    from guardians
    -- The common values first, as they are: a lookup on two million rows costs.
    where custody_issue not in ('', 'Y', 'N')
        and lower(custody_issue) not in (select word from flag_words)
    union all
    select 'section_teachers.csv', 'staff ' || staff_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'position "' || position
            || '" is not a whole number 1 or more; the teacher comes after the numbered ones'
    from section_teachers
    where position glob '*[^0-9]*' or cast(position as integer) < 1
    union all
    select 'terms.csv', 'term ' || school_code || '-' || term_code, 'a date is not a YYYY-MM-DD or MM/DD/YYYY date'
    from stg_terms
    where start_date is null or end_date is null
),
final as (
    select distinct 'warning' as severity, 'value_unreadable' as code, file, record, message from emptied
)
select * from final;
