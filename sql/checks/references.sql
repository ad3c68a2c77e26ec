-- check_references: IDs a row points at that are not in the same upload: a section without
-- its school or teacher, a student, teacher or staff member without their school. Clever
-- rejects the row. The enrollments' references have checks of their own (enrollment_sections,
-- enrollment_students), which run side by side once enrollments.csv is built.
-- reads: clever_schools, clever_sections, clever_staff, clever_students, clever_teachers, written_teachers
create view check_references as
with schools as (select School_id from clever_schools),
dangling as (
    select 'sections' as file, 'Section_id ' || Section_id as record,
        'School_id ' || School_id || ' is not in schools.csv' as message
    from clever_sections where School_id not in (select School_id from schools)
    union all
    -- The teachers sections.csv writes (written_teachers: as many columns as it has).
    select 'sections', 'Section_id ' || w.section_id, 'teacher ' || w.staff_id || ' is not in teachers.csv'
    from written_teachers w
    where w.staff_id not in (select Teacher_id from clever_teachers)
    union all
    select 'students', 'Student_id ' || Student_id, 'School_id ' || School_id || ' is not in schools.csv'
    from clever_students where School_id not in (select School_id from schools)
    union all
    select 'teachers', 'Teacher_id ' || Teacher_id, 'School_id ' || School_id || ' is not in schools.csv'
    from clever_teachers where School_id not in (select School_id from schools)
    union all
    select 'staff', 'Staff_id ' || Staff_id, 'School_id ' || School_id || ' is not in schools.csv'
    from clever_staff
    where School_id <> 'DEFAULT_DISTRICT_OFFICE' and School_id not in (select School_id from schools)
),
final as (
    select distinct 'error' as severity, 'dangling_reference' as code, file, record, message from dangling
)
select * from final;
