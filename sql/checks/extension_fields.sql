-- check_extension_fields: an extension field (schools.ext, students.ext, teachers.ext,
-- sections.ext, staff.ext) that no written record has a value for: a column the extract file
-- lacks or a user-text field nobody has is probably a typo, and the column comes out empty.
-- reads: extension_fields, extension_values
create view check_extension_fields as
with final as (
    select 'warning' as severity, 'extension_field_empty' as code, 'config' as file,
        f.file || '.ext.' || f.name as record,
        'no row of ' || f.file || '.csv has a value from ' || f.source || '; ext.' || f.name || ' is written empty'
            as message
    from extension_fields f
    where not exists (select 1 from extension_values v where v.file = f.file and v.name = f.name)
)
select * from final;
