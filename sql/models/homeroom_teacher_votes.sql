-- homeroom_teacher_votes: the homeroom teacher most of a group's students share (ties: the
-- lowest staff_id), the one with vote_rank 1, among the active staff their homeroom rows name;
-- a group none of whose teachers is active has one row, staff_id NULL. The groups: with
-- elementary_homerooms, each ELEM homeroom (school_code, homeroom) with exported students, by
-- the teacher of their row in it (homeroom_sections makes a section of each); with
-- append_homeroom_teacher, each section's actively enrolled students (home_key), by the teacher
-- of any homeroom they are in (export_sections). home_key is NULL for a homeroom's votes.
-- reads: active_enrollments, export_students, run_options, selected_schools, stg_homerooms, stg_staff
drop table if exists homeroom_teacher_votes;
create table homeroom_teacher_votes as
with members as (
    select null as home_key, h.school_code, h.homeroom, h.student_id, h.staff_id
    -- run_options first (CROSS JOIN keeps it there): with the option off, nothing is read.
    from run_options o
    cross join stg_homerooms h
    join export_students s on s.student_id = h.student_id
    join selected_schools sc on sc.school_code = h.school_code and sc.level = 'ELEM'
    where o.sections_elementary_homerooms
    union all
    select e.home_key, null, null, e.student_id, h.staff_id
    from run_options o
    cross join active_enrollments e
    join stg_homerooms h on h.student_id = e.student_id
    where o.sections_append_homeroom_teacher
),
-- A teacher who is not active counts as none.
voters as (
    select m.home_key, m.school_code, m.homeroom, m.student_id,
        (select max(s.staff_id) from stg_staff s where s.staff_id = m.staff_id and s.is_active) as staff_id
    from members m
),
final as (
    select
        -- Typed, so that export_sections' join on it can use its index (docs/benchmark.md, planner).
        cast(home_key as integer) as home_key,
        school_code,
        homeroom,
        staff_id,
        row_number() over (
            partition by home_key, school_code, homeroom
            order by staff_id is null, count(distinct student_id) desc, staff_id
        ) as vote_rank
    from voters
    group by home_key, school_code, homeroom, staff_id
)
select * from final;
create index homeroom_teacher_votes_1 on homeroom_teacher_votes (home_key, vote_rank);
