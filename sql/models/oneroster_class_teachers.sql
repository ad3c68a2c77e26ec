-- oneroster_class_teachers: the teachers sections.csv names for each class, by slot: Teacher_id
-- (slot 1, OneRoster's primary teacher), then Teacher_2_id … Teacher_N_id for
-- sections.teacher_columns = N. Clever's rules for shared teachers and for more teachers than
-- columns have already acted in export_sections. Empty unless oneroster.enabled.
-- reads: export_sections, run_options
drop table if exists oneroster_class_teachers;
create table oneroster_class_teachers as
with slots (slot) as (
    values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)
),
final as (
    select
        s.section_id,
        s.school_code,
        n.slot,
        case n.slot
            when 1 then s.teacher_1 when 2 then s.teacher_2 when 3 then s.teacher_3
            when 4 then s.teacher_4 when 5 then s.teacher_5 when 6 then s.teacher_6
            when 7 then s.teacher_7 when 8 then s.teacher_8 when 9 then s.teacher_9
            when 10 then s.teacher_10
        end as staff_id
    from run_options o
    cross join export_sections s
    join slots n on n.slot <= o.sections_teacher_columns
    where o.oneroster_enabled
)
select * from final where staff_id is not null;
create index oneroster_class_teachers_1 on oneroster_class_teachers (staff_id);
