-- export_staff: the rows of staff.csv, before column naming: each row of staff_placements that
-- is not left out (who is written, and at which School_id, is decided there), with the staff
-- member's logins and staff.role.
-- reads: run_options, staff_logins, staff_placements
drop table if exists export_staff;
create table export_staff as
with final as (
    select
        p.school_id,
        p.staff_id,
        l.email,
        p.first_name,
        p.last_name,
        p.title,
        l.staff_username as username,
        l.staff_password as password,
        nullif(o.staff_role, '') as role,
        p.department_code,
        p.is_administrator
    from staff_placements p
    join staff_logins l on l.staff_id = p.staff_id
    cross join run_options o
    where p.left_out_because is null
)
select * from final;
create index export_staff_1 on export_staff (staff_id);
