-- explain/section.sql: why section ?1 (school_code-course_code-section) is or is not in
-- sections.csv, from the last run's section_placements, then what the last run's checks said of
-- the section.
with placement as (
    select * from section_placements where school_code || '-' || course_code || '-' || section = ?1
),
lines (n, line) as (
    select 1, 'section ' || ?1 || ' is not in the extract''s sections.csv'
    where not exists (select 1 from placement)
    union all
    select 2, 'section ' || ?1 || ' is left out: ' || left_out_because
    from placement where left_out_because is not null
    union all
    select 7, 'section ' || ?1 || ' is exported as Section_id ' || x.section_id || ', Name ' || x.name
        || ', Teacher_id ' || coalesce(x.teacher_1, '(none)') || ', '
        || (select count(*) from clever_enrollments e where e.Section_id = x.section_id) || ' students'
    from placement p
    join export_sections x
        on x.school_code = p.school_code and x.course_code = p.course_code and x.section = p.section
        and x.section_key = p.section_key
    where p.left_out_because is null
    union all
    -- What the last run's checks said of it: exported is not enough if Clever drops the row.
    select 8, '  ' || f.severity || ': ' || f.file || ': ' || f.message
    from run_finding f
    where f.run_id = (select max(run_id) from run) and (f.record like '%' || ?1)
)
select line from lines order by n;
