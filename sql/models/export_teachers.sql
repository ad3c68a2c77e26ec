-- export_teachers: the rows of teachers.csv: each row of teacher_placements that is not left
-- out (who is written, and at which School_id, is decided there), with the staff member's
-- logins.
-- reads: run_options, staff_logins, teacher_placements
drop table if exists export_teachers;
create table export_teachers as
with final as (
    select
        p.school_id,
        p.staff_id,
        p.source_row,
        l.teacher_number,
        p.state_id,
        p.last_name,
        p.middle_name,
        p.first_name,
        p.title,
        l.email,
        l.teacher_username as username,
        nullif(o.teachers_password_text, '') as password
    from teacher_placements p
    join staff_logins l on l.staff_id = p.staff_id
    cross join run_options o
    where p.left_out_because is null
)
select * from final;
create index export_teachers_1 on export_teachers (staff_id);
