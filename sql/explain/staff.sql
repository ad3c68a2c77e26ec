-- explain/staff.sql: why staff member ?1 is or is not in staff.csv, from the last run's tables.
with person as (select * from stg_staff where staff_id = ?1),
lines (n, line) as (
    select 1, 'staff ' || ?1 || ' is not in the extract''s staff.csv' where not exists (select 1 from person)
    union all
    select 2, 'staff ' || ?1 || ' is left out: inactive staff are never exported' from person where not is_active
    union all
    select 3, 'staff ' || ?1 || ' is in staff.csv at ' || school_id from export_staff where staff_id = ?1
    union all
    select 4, 'staff ' || ?1 || ' is left out: department ' || coalesce(p.department_code, '(none)')
        || ' is not in staff.departments'
    from person p cross join run_options o
    where p.is_active and coalesce(json_array_length(o.staff_departments), 0) > 0
        and coalesce(p.department_code, '') not in (select trim(value) from json_each(o.staff_departments))
    union all
    select 5, 'staff ' || ?1 || ' is left out: not an administrator and staff.administrators_only is on'
    from person p cross join run_options o where p.is_active and o.staff_administrators_only and not p.is_administrator
    union all
    select 6, 'staff ' || ?1 || ' is left out: holds role ' || r.role || ', listed in staff.exclude_roles'
    from person p cross join run_options o join stg_staff_roles r on r.staff_id = p.staff_id
    where p.is_active and lower(r.role) in (select lower(trim(value)) from json_each(o.staff_exclude_roles))
    union all
    select 7, 'staff ' || ?1 || ' is left out: none of their schools is selected'
    from person p
    where p.is_active and not exists (select 1 from export_staff where staff_id = ?1)
        and exists (select 1 from stg_staff_schools where staff_id = ?1)
)
select line from lines order by n;
