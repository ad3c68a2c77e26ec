-- clever_teachers: teachers.csv, from export_teachers. Title is written empty, as in the
-- reference product ("not used").
-- reads: export_teachers
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
        null as Title,
        username as Username,
        password as Password
    from export_teachers
)
select * from final;
