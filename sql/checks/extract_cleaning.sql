-- check_extract_cleaning: values the staging views had to drop because they could not be
-- read: unknown gender or race, unparseable dates, phones and ZIP codes of the wrong length.
-- Only exported people are named.
create view check_extract_cleaning as
with students as (
    select s.* from stg_students s where s.student_id in (select student_id from export_students)
),
emptied as (
    select 'students.csv' as file, 'student ' || student_id as record,
        'gender "' || gender_raw || '" is not M, F or X; written empty' as message
    from students where gender_raw <> '' and gender is null
    union all
    select 'students.csv', 'student ' || student_id,
        'race "' || race_raw || '" is not in race_map (sql/schema/03_mappings.sql); written empty'
    from students where race_raw <> '' and race is null
    union all
    select 'students.csv', 'student ' || student_id,
        'birth_date "' || birth_date_raw || '" is not YYYY-MM-DD or MM/DD/YYYY; written empty'
    from students where birth_date_raw <> '' and date(birth_date) is not birth_date
    union all
    select 'students.csv', 'student ' || student_id,
        'zip "' || zip_raw || '" is not 5 or 9 letters and digits; written empty'
    from students, run_options o where o.student_address and zip_raw <> '' and zip is null
    union all
    select 'guardians.csv', 'student ' || student_id || ' guardian ' || guardian_number,
        'phone "' || raw || '" is not 10 or 11 digits; written empty'
    from (
        select student_id, guardian_number, phone_1_raw as raw, phone_1 as clean from stg_guardians
        union all select student_id, guardian_number, phone_2_raw, phone_2 from stg_guardians
        union all select student_id, guardian_number, phone_3_raw, phone_3 from stg_guardians
    )
    where raw is not null and clean is null
        and student_id in (select student_id from export_students)
    union all
    select 'schools.csv', 'school ' || school_code, 'zip "' || zip_raw || '" is not 5 or 9 letters and digits; written empty'
    from selected_schools where zip_raw <> '' and zip is null
    union all
    select 'schools.csv', 'school ' || school_code, 'phone "' || phone_raw || '" is not 10 or 11 digits; written empty'
    from selected_schools where phone_raw <> '' and phone is null
    union all
    select 'enrollments.csv', 'student ' || student_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'a date is not YYYY-MM-DD or MM/DD/YYYY; read as open'
    from stg_enrollments
    where (start_raw <> '' and date(start_date) is not start_date)
        or (end_raw <> '' and date(end_date) is not end_date)
    union all
    select 'terms.csv', 'term ' || school_code || '-' || term_code, 'a date is not YYYY-MM-DD or MM/DD/YYYY'
    from stg_terms where date(start_date) is not start_date or date(end_date) is not end_date
),
final as (
    select distinct 'warning' as severity, 'value_unreadable' as code, file, record, message from emptied
)
select * from final;
