-- check_extract_cleaning: values of the extract's schools, enrollments, guardians, teachers and
-- terms that the staging views had to drop because they could not be read: school ZIP codes and
-- phones of the wrong length, unreadable dates, custody flags that are neither Y nor N (read as a
-- custody issue) and teacher positions that are not numbers. Only the extract's tables are read,
-- so it runs while the first models are built; the exported students' values are checked by
-- check_student_cleaning and the guardians' phones by check_extract_guardian_phones, which wait
-- for the models that read them.
-- reads: flag_words, guardians, section_teachers, selected_schools, stg_enrollments, stg_terms
create view check_extract_cleaning as
-- Enrollments with a date stg_enrollments could not read.
with enrollment_dates as (
    select student_id, school_code, course_code, section
    from stg_enrollments
    where has_unreadable_date
),
emptied as (
    select 'schools.csv' as file, 'school ' || school_code as record,
        'zip "' || zip_raw || '" is not 5 or 9 letters and digits; written empty' as message
    from selected_schools where zip_raw <> '' and zip is null
    union all
    select 'schools.csv', 'school ' || school_code, 'phone "' || phone_raw || '" is not 10 or 11 digits; written empty'
    from selected_schools where phone_raw <> '' and phone is null
    union all
    select 'enrollments.csv', 'student ' || student_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'a date is not a YYYY-MM-DD or MM/DD/YYYY date; read as open'
    from enrollment_dates
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
