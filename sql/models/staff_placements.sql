-- staff_placements: every staff member of the extract, the School_id of each row they would get
-- in staff.csv, and why they are left out (NULL: written). export_staff writes the rows
-- left_out_because leaves NULL; `clever-export explain staff` reads the reason.
--   Written: active staff (teachers included), narrowed by staff.departments (when non-empty,
--   only those departments), staff.administrators_only (is_administrator = Y) and
--   staff.exclude_roles (holding any of them, in any case, leaves one out) and
--   staff.exclude_teachers (anyone teachers.csv has).
--   School_id: one row per selected school in staff_schools. With all schools selected, someone
--   with no staff_schools row gets one row at DEFAULT_DISTRICT_OFFICE. Anyone else without a
--   selected school gets one row with no School_id.
-- A view: export_staff reads it once; explain looks one staff member up.
-- reads: run_option_lists, run_options, selected_schools, stg_staff, stg_staff_roles, stg_staff_schools, teacher_placements
drop view if exists staff_placements;
create view staff_placements as
with staff_schools as materialized (
    select ss.staff_id, ss.school_code, sc.school_code is not null as is_selected
    from stg_staff_schools ss
    left join selected_schools sc on sc.school_code = ss.school_code
),
-- Staff without a selected school, and whether they have any school at all.
unselected as (
    select s.*, s.staff_id in (select staff_id from staff_schools) as has_school
    from stg_staff s
    where s.staff_id not in (select staff_id from staff_schools where is_selected)
),
placed as (
    select s.*, 1 as has_school, ss.school_code as school_id
    from staff_schools ss
    join stg_staff s on s.staff_id = ss.staff_id
    where ss.is_selected
    union all
    select
        u.*,
        case when not u.has_school and coalesce(json_array_length(o.export_schools), 0) = 0
            then 'DEFAULT_DISTRICT_OFFICE' end
    from unselected u
    cross join run_options o
),
roles as (
    select
        p.*,
        -- Looked up only when the list is non-empty: with none, no role is read.
        case when coalesce(json_array_length(o.staff_exclude_roles), 0) > 0 then (
            select min(r.role) from stg_staff_roles r
            where r.staff_id = p.staff_id
                and lower(r.role) in (select lower_value from run_option_lists where key = 'staff.exclude_roles'))
        end as excluded_role
    from placed p
    cross join run_options o
),
final as (
    select
        r.*,
        case
            when not r.is_active then 'inactive staff are never exported'
            when exists (select 1 from run_option_lists where key = 'staff.departments')
                and not exists (
                    select 1 from run_option_lists
                    where key = 'staff.departments' and value = r.department_code)
                then 'department ' || coalesce(r.department_code, '(none)') || ' is not in staff.departments'
            when o.staff_administrators_only and r.is_administrator is not true
                then 'not an administrator and staff.administrators_only is on'
            when r.excluded_role is not null
                then 'holds role ' || r.excluded_role || ', listed in staff.exclude_roles'
            when o.staff_exclude_teachers
                and r.staff_id in (select staff_id from teacher_placements where left_out_because is null)
                then 'is in teachers.csv and staff.exclude_teachers is on'
            when r.school_id is null and r.has_school
                then 'none of their schools is selected (export.schools)'
            when r.school_id is null
                then 'no school in staff_schools.csv, and DEFAULT_DISTRICT_OFFICE is written only with all schools selected (export.schools)'
        end as left_out_because
    from roles r
    cross join run_options o
)
select * from final;
