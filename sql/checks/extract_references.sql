-- check_extract_references: extract rows the views leave out because what they point at is not
-- in the extract. Without this check they would vanish silently.
-- reads: enrollment_student_ids, extract_reference, guardians, staff_schools, stg_courses, stg_enrollments, stg_homerooms, stg_schools, stg_section_teachers, stg_sections, stg_staff, stg_terms, student_placements, students
create view check_extract_references as
-- Enrollments whose student or section is missing. The importer listed the enrollments'
-- students once each (enrollment_student_ids) and counted the rows whose section it did not
-- find (extract_reference.unmatched_rows; their section_row is NULL): each student is looked up
-- once, and the enrollments are read only when something is missing. The few rows found are
-- then told apart below.
with unknown_students as (
    select student_id_row from enrollment_student_ids
    where student_id not in (select student_id from students)
),
-- One row when an enrollment points at nothing, else none. Materialized and read first: SQLite
-- then reads no enrollment when it is empty (a WHERE with an EXISTS is tested on every row).
anything_missing as materialized (
    select 1 where exists (select 1 from unknown_students)
        or exists (select 1 from extract_reference
            where file = 'enrollments' and row_column = 'section_row' and unmatched_rows > 0)
),
enrollment_problems as materialized (
    select e.student_id, e.school_code, e.course_code, e.section, e.section_row
    from anything_missing
    cross join stg_enrollments e
    where e.section_row is null or e.student_id_row in (select student_id_row from unknown_students)
),
-- Each (staff, school) pair of staff_schools.csv once, as stg_staff_schools lists them, but from
-- the raw table: the view also ranks each person's schools (a window), which this check does
-- not need and which cost four times the reading of the keys.
staff_school_keys as (select distinct staff_id, school_code from staff_schools),
dangling as (
    select 'enrollments.csv' as file,
        'student ' || student_id || ' in ' || school_code || '-' || course_code || '-' || section as record,
        'student_id is not in students.csv' as message
    from enrollment_problems where student_id not in (select student_id from students)
    union all
    select 'enrollments.csv',
        'student ' || student_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'the section is not in sections.csv'
    from enrollment_problems where section_row is null
    union all
    select 'sections.csv', s.school_code || '-' || s.course_code || '-' || s.section,
        'course ' || s.course_code || ' is not in courses.csv for school ' || s.school_code
    from stg_sections s
    where not exists (
        select 1 from stg_courses c where c.school_code = s.school_code and c.course_code = s.course_code)
    union all
    select 'sections.csv', s.school_code || '-' || s.course_code || '-' || s.section,
        'term ' || s.term_code || ' is not in terms.csv for school ' || s.school_code
    from stg_sections s
    where not exists (
        select 1 from stg_terms t where t.school_code = s.school_code and t.term_code = s.term_code)
    union all
    select 'staff_schools.csv', 'staff ' || staff_id || ' at ' || school_code,
        'school ' || school_code || ' is not in schools.csv'
    from staff_school_keys
    where school_code not in (select school_code from stg_schools)
    union all
    select 'staff_schools.csv', 'staff ' || staff_id || ' at ' || school_code,
        'staff_id is not in staff.csv'
    from staff_school_keys
    where staff_id not in (select staff_id from stg_staff)
    union all
    select 'section_teachers.csv', 'staff ' || staff_id || ' in ' || school_code || '-' || course_code || '-' || section,
        'staff_id is not in staff.csv'
    from stg_section_teachers
    where staff_id not in (select staff_id from stg_staff)
    union all
    -- The School_id the student would get, after the transcript school and the user-text
    -- override (student_placements): a student left out for it is named here.
    select 'students.csv', 'student ' || student_id, 'School_id ' || school_id || ' is not in schools.csv'
    from student_placements
    where status = 'ACTIVE' and school_id not in (select school_code from stg_schools)
    union all
    select 'guardians.csv', 'student ' || student_id || ' guardian ' || guardian_number,
        'student_id is not in students.csv'
    -- Raw tables where only keys are needed: the importer trimmed them, and the raw students
    -- table has an index on student_id.
    from guardians
    where student_id not in (select student_id from students)
    union all
    select 'homerooms.csv', 'student ' || student_id, 'student_id is not in students.csv'
    from stg_homerooms
    where student_id not in (select student_id from students)
),
final as (
    select 'warning' as severity, 'extract_dangling_reference' as code, file, record,
        message || '; the row is left out' as message
    from dangling
)
select * from final;
