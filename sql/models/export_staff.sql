-- export_staff: the rows of staff.csv, before column naming. All active staff (teachers
-- included), narrowed by staff.departments, administrators_only and exclude_roles (any role
-- matching, case-insensitive). One row per selected school in staff_schools; with all schools
-- selected, staff without any staff_schools row get one row at DEFAULT_DISTRICT_OFFICE.
-- reads: run_option_lists, run_options, selected_schools, staff_logins, stg_staff, stg_staff_roles, stg_staff_schools
drop table if exists export_staff;
create table export_staff as
with kept as (
    select s.*
    from stg_staff s
    cross join run_options o
    where s.is_active
        and (not exists (select 1 from run_option_lists where key = 'staff.departments')
            or s.department_code in (select value from run_option_lists where key = 'staff.departments'))
        and (not o.staff_administrators_only or s.is_administrator)
        and (coalesce(json_array_length(o.staff_exclude_roles), 0) = 0
            or not exists (
                select 1 from stg_staff_roles r
                where r.staff_id = s.staff_id
                    and lower(r.role) in (
                        select lower_value from run_option_lists where key = 'staff.exclude_roles')))
),
school_rows as (
    select ss.staff_id, ss.school_code as school_id
    from stg_staff_schools ss
    join selected_schools sc on sc.school_code = ss.school_code
    where ss.staff_id in (select staff_id from kept)
),
district_office_rows as (
    select k.staff_id, 'DEFAULT_DISTRICT_OFFICE' as school_id
    from kept k
    cross join run_options o
    where coalesce(json_array_length(o.export_schools), 0) = 0
        and k.staff_id not in (select staff_id from stg_staff_schools)
),
final as (
    select
        r.school_id,
        s.staff_id,
        l.email,
        s.first_name,
        s.last_name,
        s.title,
        l.staff_username as username,
        l.staff_password as password,
        nullif(o.staff_role, '') as role,
        s.department_code,
        s.is_administrator
    from (select * from school_rows union all select * from district_office_rows) r
    join stg_staff s on s.staff_id = r.staff_id
    join staff_logins l on l.staff_id = r.staff_id
    cross join run_options o
)
select * from final;
create index export_staff_1 on export_staff (staff_id);
