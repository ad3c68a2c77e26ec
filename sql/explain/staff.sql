-- explain/staff.sql: why staff member ?1 is or is not in staff.csv, from the last run's
-- staff_placements.
with placement as (select * from staff_placements where staff_id = ?1),
lines (n, line) as (
    select 1, 'staff ' || ?1 || ' is not in the extract''s staff.csv' where not exists (select 1 from placement)
    union all
    -- One line per reason: a person has a row per selected school, all left out alike.
    select distinct 2, 'staff ' || ?1 || ' is left out: ' || left_out_because
    from placement where left_out_because is not null
    union all
    select 3, 'staff ' || ?1 || ' is in staff.csv at ' || school_id from export_staff where staff_id = ?1
)
select line from lines order by n, line;
