-- check_enrollment_sections: enrollments whose Section_id is not in sections.csv. Clever rejects
-- the row. Each section the enrollments name is looked up once: export_enrollments keeps a
-- section's enrollments together, so its sections come from one pass without a sort; only the
-- enrollments of a missing one are then read again.
-- reads: clever_enrollments, clever_sections
create view check_enrollment_sections as
with enrolled_sections as (
    select distinct School_id, Section_id from clever_enrollments
),
missing as (
    select School_id, Section_id from enrolled_sections s
    where not exists (select 1 from clever_sections c where c.Section_id = s.Section_id)
),
dangling as (
    select 'enrollments' as file, 'Section_id ' || e.Section_id || ', Student_id ' || e.Student_id as record,
        'Section_id is not in sections.csv' as message
    from missing m
    -- IS, not =: an enrollment without a section is reported too.
    join clever_enrollments e on e.School_id is m.School_id and e.Section_id is m.Section_id
),
final as (
    select distinct 'error' as severity, 'dangling_reference' as code, file, record, message from dangling
)
select * from final;
