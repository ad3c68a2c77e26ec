-- export_enrollments: the rows of enrollments.csv. Active enrollments of exported students in exported
-- sections (an inclusion section's students under its home section, once each), and the
-- members of exported homeroom sections.
drop table if exists export_enrollments;
create table export_enrollments as
-- active_enrollments holds each pair once.
with course_enrollments as (
    select s.school_code, s.section_id, e.student_id
    from active_enrollments e
    join export_sections s on s.section_key = e.home_key
),
homeroom_enrollments as (
    select distinct s.school_code, s.section_id, h.student_id
    from stg_homerooms h
    join export_students st on st.student_id = h.student_id
    join export_sections s
        on s.is_homeroom = 1 and s.school_code = h.school_code and s.section = h.homeroom
),
-- Homeroom sections have IDs of their own (HR-...), so the two parts never share a row.
final as (
    select school_code, section_id, student_id from course_enrollments
    union all
    select school_code, section_id, student_id from homeroom_enrollments
)
select * from final;
