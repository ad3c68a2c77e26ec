-- check_enrollment_sections: enrollments whose Section_id is not in sections.csv. Clever rejects
-- the row. Each enrollment is looked up by the index on the sections' IDs; this runs beside
-- enrollment_students, on the other core.
create view check_enrollment_sections as
with dangling as (
    select 'enrollments' as file, 'Section_id ' || e.Section_id || ', Student_id ' || e.Student_id as record,
        'Section_id is not in sections.csv' as message
    from clever_enrollments e
    where not exists (select 1 from clever_sections s where s.Section_id = e.Section_id)
),
final as (
    select distinct 'error' as severity, 'dangling_reference' as code, file, record, message from dangling
)
select * from final;
