-- teacher_placements: every staff member of the extract, the School_id they would get in
-- teachers.csv (a row per school with teachers.row_per_school), and why they are left out
-- (NULL: written). export_teachers writes the rows left_out_because leaves NULL; `clever-export
-- explain teacher` reads the reason.
--   Written: active staff who have is_teacher = Y (any, with teachers.include_non_teaching) or
--   are written as a teacher of an exported section (written_teachers: Teacher_id, and
--   Teacher_2_id..Teacher_N_id with teacher_columns = N), and who have a selected school or teach such a section.
--   School_id: the primary school when selected, else the lowest selected school; with
--   row_per_school one row per selected school. Someone with no selected school gets one row:
--   the school of the first exported section they teach (by Section_id), else none.
-- A table, not a view: explain finds one staff member by its index (docs/benchmark.md, planner).
-- reads: written_teachers, run_options, selected_schools, stg_staff, stg_staff_schools
drop table if exists teacher_placements;
create table teacher_placements as
-- Each teacher of an exported section once, with the school of their first such section (by
-- Section_id: min() returns the other columns of its row, as SQLite documents for a bare column).
with first_sections as materialized (
    select staff_id, school_code, min(section_id) as first_section_id
    from written_teachers
    group by staff_id
),
selected_staff_schools as materialized (
    select
        ss.staff_id,
        ss.school_code,
        row_number() over (
            partition by ss.staff_id order by ss.is_primary desc, ss.school_code
        ) as school_rank
    from stg_staff_schools ss
    join selected_schools sc on sc.school_code = ss.school_code
),
-- Three kinds of row: a selected school's row; the first section's school of a teacher with no
-- selected school; no school at all. IN lists rather than a LEFT JOIN, which SQLite plans as a
-- scan per row (docs/benchmark.md, planner).
placed as (
    select
        s.*,
        ss.school_code as school_id,
        1 as has_selected_school,
        ss.staff_id in (select staff_id from first_sections) as teaches_exported_section
    from selected_staff_schools ss
    join stg_staff s on s.staff_id = ss.staff_id
    cross join run_options o
    where ss.school_rank = 1 or o.teachers_row_per_school
    union all
    select s.*, f.school_code, 0, 1
    from first_sections f
    join stg_staff s on s.staff_id = f.staff_id
    where f.staff_id not in (select staff_id from selected_staff_schools)
    union all
    select s.*, null, 0, 0
    from stg_staff s
    where s.staff_id not in (select staff_id from selected_staff_schools)
        and s.staff_id not in (select staff_id from first_sections)
),
final as (
    select
        p.*,
        case
            when not p.is_active then 'inactive staff are never exported'
            when p.is_teacher is not true and not o.teachers_include_non_teaching
                and not p.teaches_exported_section
                then 'is_teacher is not Y (teachers.include_non_teaching is off) and teaches no exported section'
            when not p.has_selected_school and not p.teaches_exported_section
                then 'no school of theirs is selected (export.schools) and they teach no exported section'
        end as left_out_because
    from placed p
    cross join run_options o
)
select * from final;
create index teacher_placements_1 on teacher_placements (staff_id);
