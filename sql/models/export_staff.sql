-- export_staff: the rows of staff.csv, before column naming: each row of staff_placements that
-- is not left out (who is written, and at which School_id, is decided there), with the staff
-- member's logins and Role: staff.role for everyone, or, when any of staff.stl_roles,
-- stl_departments and stl_staff_ids is set, only for staff holding one of those roles (any case),
-- of one of those departments, or with one of those IDs.
-- reads: run_option_lists, run_options, staff_logins, staff_placements, stg_staff_roles
drop table if exists export_staff;
create table export_staff as
with final as (
    select
        p.school_id,
        p.staff_id,
        p.source_row,
        l.email,
        p.first_name,
        p.last_name,
        p.title,
        l.staff_username as username,
        l.staff_password as password,
        case
            when nullif(o.staff_role, '') is null then null
            when not exists (
                select 1 from run_option_lists
                where key in ('staff.stl_roles', 'staff.stl_departments', 'staff.stl_staff_ids'))
                then o.staff_role
            when p.staff_id in (select value from run_option_lists where key = 'staff.stl_staff_ids')
                or p.department_code in (select value from run_option_lists where key = 'staff.stl_departments')
                or exists (
                    select 1 from stg_staff_roles r
                    where r.staff_id = p.staff_id
                        and lower(r.role) in (select lower_value from run_option_lists where key = 'staff.stl_roles'))
                then o.staff_role
        end as role,
        p.department_code,
        p.is_administrator
    from staff_placements p
    join staff_logins l on l.staff_id = p.staff_id
    cross join run_options o
    where p.left_out_because is null
)
select * from final;
create index export_staff_1 on export_staff (staff_id);
