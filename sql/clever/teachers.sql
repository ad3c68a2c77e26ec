-- clever_teachers: teachers.csv, from export_teachers. Title is written empty, as in the
-- reference product ("not used"), unless export.extra_columns names it.
-- reads: export_teachers, extra_columns
create view clever_teachers as
with final as (
    select
        school_id as School_id,
        staff_id as Teacher_id,
        teacher_number as Teacher_number,
        state_id as State_teacher_id,
        last_name as Last_name,
        middle_name as Middle_name,
        first_name as First_name,
        email as Teacher_email,
        iif('teachers.Title' in (select name from extra_columns), title, null) as Title,
        username as Username,
        password as Password,
        -- Not written: the record's extract row, by which the writer looks up its extension fields.
        source_row as extension_row
    from export_teachers
)
select * from final;
