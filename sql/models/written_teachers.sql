-- written_teachers: every teacher sections.csv writes, by section: the Teacher_id of each
-- exported section (slot 1), and with sections.teacher_columns = N its teachers of slots 2 to N
-- (section_teacher_slots), each in its column's slot. Homeroom sections have their homeroom
-- teacher alone. teacher_placements, a check and explain read it.
-- reads: export_sections, section_teacher_slots, run_options
drop view if exists written_teachers;
create view written_teachers as
with final as (
    select x.school_code, x.section_id, t.slot, t.staff_id
    from export_sections x
    cross join run_options o
    join section_teacher_slots t
        on t.school_code = x.school_code and t.course_code = x.course_code and t.section = x.section
    where x.is_homeroom = 0 and t.slot <= o.sections_teacher_columns
    union all
    select school_code, section_id, 1, teacher_1
    from export_sections
    where is_homeroom = 1 and teacher_1 is not null
)
select * from final;
