-- section_teacher_slots: the numbered teachers (slot 1 = Teacher_id) of each home section.
-- Order: the section's own non-shared teachers by position (an unreadable one last); then, with
-- split_shared_teachers, its shared teachers by position; then (teacher_columns of 2 or more) the
-- teachers of inclusion sections merged into it, in merge order. Inactive staff never count; a teacher
-- appears once.
-- reads: run_options, section_homes, stg_section_teachers, stg_staff
drop table if exists section_teacher_slots;
create table section_teacher_slots as
with candidates as (
    select
        h.school_code,
        h.home_course_code as course_code,
        h.home_section as section,
        t.staff_id,
        h.merge_order,
        t.is_shared,
        t.position
    from stg_section_teachers t
    join section_homes h
        on h.school_code = t.school_code and h.course_code = t.course_code
        and h.section = t.section
    join stg_staff s on s.staff_id = t.staff_id and s.is_active
    cross join run_options o
    where (not t.is_shared or o.sections_split_shared_teachers)
        and (h.merge_order = 0 or o.sections_teacher_columns > 1)
),
first_mention as (
    select *,
        row_number() over (
            partition by school_code, course_code, section, staff_id
            order by merge_order, is_shared, position nulls last
        ) as mention
    from candidates
),
final as (
    select
        school_code,
        course_code,
        section,
        staff_id,
        row_number() over (
            partition by school_code, course_code, section
            order by merge_order, is_shared, position nulls last, staff_id
        ) as slot
    from first_mention
    where mention = 1
)
select * from final;
create index section_teacher_slots_1 on section_teacher_slots (school_code, course_code, section, slot);
