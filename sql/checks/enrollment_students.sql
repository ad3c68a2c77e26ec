-- check_enrollment_students: enrollments whose Student_id is not in students.csv. Clever rejects
-- the row. students.csv has a row per contact, so its IDs are listed once first and each
-- enrollment is looked up in that list.
-- reads: clever_enrollments, clever_students
create view check_enrollment_students as
with dangling as (
    select 'enrollments' as file, 'Section_id ' || Section_id || ', Student_id ' || Student_id as record,
        'Student_id is not in students.csv' as message
    from clever_enrollments
    where Student_id not in (select Student_id from clever_students)
),
final as (
    select distinct 'error' as severity, 'dangling_reference' as code, file, record, message from dangling
)
select * from final;
