-- active_enrollments: the active enrollments of exported students, by home section (home_key,
-- see section_homes): its start date (if any) is on or before as_of + lead_days and its end
-- date (if any) on or after as_of. Enrollments in a merged inclusion section count for its
-- home section. A student may appear twice in a section (an inclusion section merged into it,
-- a repeated extract row): export_enrollments writes each pair once.
drop table if exists active_enrollments;
create table active_enrollments as
with final as (
    select
        h.home_key,
        e.student_id
    -- CROSS JOIN fixes the order: the options row, then one pass over the enrollments with
    -- index lookups into the smaller tables.
    from run_options o
    cross join stg_enrollments e
    cross join section_homes h
        on h.school_code = e.school_code and h.course_code = e.course_code
        and h.section = e.section
    cross join export_students s on s.student_id = e.student_id
    -- An open start sorts before every date, an open end after.
    where coalesce(e.start_date, '') <= o.last_start_date
        and coalesce(e.end_date, '9999') >= o.as_of
)
select * from final;
-- An integer key: cheap to sort, and it lists each section's students in order, once each.
create index active_enrollments_1 on active_enrollments (home_key, student_id);
