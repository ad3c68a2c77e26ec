-- extension_values: each extension field's value (extension_fields) by the extract row of a
-- record (source_row; the Clever views carry it as extension_row): a column source's value
-- (extract_column_values, copied there by the importer), or a user_text source's user text of
-- the person (students: student_user_texts; teachers and staff: staff_user_texts). A record
-- without a value has no row and is written empty; homeroom sections have no extract row.
-- A view: the writer looks one value up per row and field, and it reads only the staging tables,
-- so no file waits for it.
-- reads: extension_fields, extract_column_values, staff, stg_staff_user_texts, stg_student_user_texts, students
drop view if exists extension_values;
create view extension_values as
with final as (
    select f.file, c.source_row, f.name, c.value
    from extension_fields f
    join extract_column_values c on c.file = f.file and c.column_name = lower(f.source_field)
    where f.source_kind = 'column'
    union all
    select f.file, s.rowid, f.name, u.value
    from extension_fields f
    cross join students s
    join stg_student_user_texts u on u.student_id = s.student_id and u.field = f.source_field
    where f.source_kind = 'user_text' and f.file = 'students'
    union all
    select f.file, s.rowid, f.name, u.value
    from extension_fields f
    cross join staff s
    join stg_staff_user_texts u on u.staff_id = s.staff_id and u.field = f.source_field
    where f.source_kind = 'user_text' and f.file in ('teachers', 'staff')
)
select * from final;
