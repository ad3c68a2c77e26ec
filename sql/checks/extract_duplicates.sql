-- check_extract_duplicates: two rows of an extract file with the same key (extract_file.key).
-- For the files that define people, schools and classes this is an error: which row is right?
-- A guardian listed twice is a warning where it is written (each row becomes a contact), and a
-- student in two homerooms one too (with elementary_homerooms, the student is in both).
-- reads: stg_courses, stg_homerooms, stg_schools, stg_sections, stg_staff, stg_terms, student_contacts, students
create view check_extract_duplicates as
with duplicates as (
    select 'error' as severity, 'schools.csv' as file, 'school ' || school_code as record,
        count(*) as copies
    from stg_schools group by school_code having count(*) > 1
    union all
    select 'error', 'students.csv', 'student ' || student_id, count(*) from students group by student_id having count(*) > 1
    union all
    select 'error', 'staff.csv', 'staff ' || staff_id, count(*) from stg_staff group by staff_id having count(*) > 1
    union all
    select 'error', 'courses.csv', 'course ' || school_code || '-' || course_code, count(*)
    from stg_courses group by school_code, course_code having count(*) > 1
    union all
    select 'error', 'sections.csv', 'section ' || school_code || '-' || course_code || '-' || section, count(*)
    from stg_sections group by school_code, course_code, section having count(*) > 1
    union all
    select 'error', 'terms.csv', 'term ' || school_code || '-' || term_code, count(*)
    from stg_terms group by school_code, term_code having count(*) > 1
    union all
    -- The written contacts (contact_rank is the guardian_number), in the order of their index.
    select 'warning', 'guardians.csv', 'student ' || student_id || ' guardian ' || contact_rank, count(*)
    from student_contacts group by student_id, contact_rank having count(*) > 1
    union all
    select 'warning', 'homerooms.csv', 'student ' || student_id, count(*)
    from stg_homerooms group by student_id having count(*) > 1
),
final as (
    select severity, 'extract_duplicate_key' as code, file, record,
        'appears ' || copies || ' times; keep one row per key' as message
    from duplicates
)
select * from final;
