-- extension_fields: the extension fields the options name (docs/options.md: schools.ext,
-- students.ext, teachers.ext, sections.ext, staff.ext), one row each: the Clever file, NAME (the
-- column ext.NAME) and its source, user_text:FIELD (the person's user text FIELD) or
-- column:COLUMN (the column COLUMN of the file's extract row, any case). extension_values holds
-- their values, export_columns their columns.
-- reads: export_option
drop view if exists extension_fields;
create view extension_fields as
with named as (
    select substr(o.key, 1, instr(o.key, '.') - 1) as file, j.key as name, j.value as source
    from export_option o, json_each(o.value) j
    where o.key in ('schools.ext', 'students.ext', 'teachers.ext', 'sections.ext', 'staff.ext')
),
final as (
    select
        file,
        name,
        source,
        substr(source, 1, instr(source, ':') - 1) as source_kind,
        substr(source, instr(source, ':') + 1) as source_field
    from named
)
select * from final;
