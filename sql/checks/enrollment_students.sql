-- check_enrollment_students: enrollments whose Student_id is not in students.csv. Clever rejects
-- the row.
-- reads: clever_enrollments, clever_students
create view check_enrollment_students as
with dangling as (
    select 'enrollments' as file, 'Section_id ' || Section_id || ', Student_id ' || Student_id as record,
        'Student_id is not in students.csv' as message
    from clever_enrollments
    -- Distinct: students.csv has a row per contact, and with distinct SQLite lists the IDs
    -- without reading the contacts.
    where Student_id not in (select distinct Student_id from clever_students)
),
final as (
    select distinct 'error' as severity, 'dangling_reference' as code, file, record, message from dangling
)
select * from final;
