-- explain/teacher.sql: why staff member ?1 is or is not in teachers.csv, from the last run's
-- teacher_placements, then what the last run's checks said of the teacher.
with placement as (select * from teacher_placements where staff_id = ?1),
lines (n, line) as (
    select 1, 'staff ' || ?1 || ' is not in the extract''s staff.csv' where not exists (select 1 from placement)
    union all
    -- One line per reason: with row_per_school a person has a row per school, all left out alike.
    select distinct 2, 'staff ' || ?1 || ' is left out: ' || left_out_because
    from placement where left_out_because is not null
    union all
    select 3, 'staff ' || ?1 || ' is exported in teachers.csv with School_id ' || School_id
    from clever_teachers where Teacher_id = ?1
    union all
    select 4, '  teaches ' || section_id || ' (teacher ' || slot || ')'
    from written_teachers where staff_id = ?1
    union all
    -- What the last run's checks said of it: exported is not enough if Clever drops the row.
    select 7, '  ' || f.severity || ': ' || f.file || ': ' || f.message
    from run_finding f
    where f.run_id = (select max(run_id) from run) and (f.record in ('Teacher_id ' || ?1, 'staff ' || ?1) or f.record like 'staff ' || ?1 || ' %')
)
select line from lines order by n;
