-- explain/teacher.sql: why staff member ?1 is or is not in teachers.csv, from the last run's
-- tables, then what the last run's checks said of the teacher.
with person as (select * from stg_staff where staff_id = ?1),
lines (n, line) as (
    select 1, 'staff ' || ?1 || ' is not in the extract''s staff.csv' where not exists (select 1 from person)
    union all
    select 2, 'staff ' || ?1 || ' is left out: inactive staff are never exported' from person where not is_active
    union all
    select 3, 'staff ' || ?1 || ' is exported in teachers.csv with School_id ' || School_id
    from clever_teachers where Teacher_id = ?1
    union all
    select 4, '  teaches ' || section_id || ' (teacher ' || slot || ')'
    from (
        select section_id, 1 as slot, teacher_1 as staff_id from export_sections
        union all select section_id, 2, teacher_2 from export_sections
        union all select section_id, 3, teacher_3 from export_sections
        union all select section_id, 4, teacher_4 from export_sections
    ) where staff_id = ?1
    union all
    select 5, 'staff ' || ?1 || ' is left out: is_teacher is not Y (teachers.include_non_teaching is off) and teaches no exported section'
    from person p cross join run_options o
    where p.is_active and not p.is_teacher and not o.teachers_include_non_teaching
        and not exists (select 1 from clever_teachers where Teacher_id = ?1)
    union all
    select 6, 'staff ' || ?1 || ' is left out: no school of theirs is selected and they teach no exported section'
    from person p
    where p.is_active and not exists (select 1 from clever_teachers where Teacher_id = ?1)
        and not exists (
            select 1 from stg_staff_schools ss join selected_schools s on s.school_code = ss.school_code
            where ss.staff_id = ?1)
    union all
    -- What the last run's checks said of it: exported is not enough if Clever drops the row.
    select 7, '  ' || f.severity || ': ' || f.file || ': ' || f.message
    from run_finding f
    where f.run_id = (select max(run_id) from run) and (f.record in ('Teacher_id ' || ?1, 'staff ' || ?1) or f.record like 'staff ' || ?1 || ' %')
)
select line from lines order by n;
