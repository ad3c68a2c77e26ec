-- oneroster_enrollments: enrollments.csv: a student row per row of Clever's enrollments.csv, and
-- a teacher row per teacher sections.csv names for the class (written_teachers: Teacher_id, then
-- Teacher_2_id … as teacher_columns has them), its Teacher_id primary. beginDate
-- and endDate are empty: the term carries the dates.
-- reads: export_enrollments, run_options, written_teachers
create view oneroster_enrollments as
with final as (
    select
        e.section_id || '.' || e.student_id as sort_key,
        e.section_id || '.' || e.student_id as sourcedId,
        null as status,
        null as dateLastModified,
        e.section_id as classSourcedId,
        e.school_code as schoolSourcedId,
        e.student_id as userSourcedId,
        'student' as role,
        null as "primary",
        null as beginDate,
        null as endDate
    from run_options o
    cross join export_enrollments e
    where o.oneroster_enabled
    union all
    select
        t.section_id || '.' || t.staff_id, t.section_id || '.' || t.staff_id, null, null,
        t.section_id, t.school_code, t.staff_id, 'teacher', iif(t.slot = 1, 'true', 'false'), null, null
    from run_options o
    cross join written_teachers t
    where o.oneroster_enabled
)
select * from final;
