-- export_enrollments: the rows of enrollments.csv. Active enrollments of exported students in exported
-- sections (an inclusion section's students under its home section), and the members of
-- exported homeroom sections; each (school, section, student) once.
-- Keyed by the file's columns without a rowid: the writer reads the rows in key order, which is
-- the file's order, instead of sorting millions of them. The course part is read in that order
-- already (export_sections is stored in school_code, section_id order, and active_enrollments
-- lists each section's students in order), so the table is filled front to back.
-- reads: active_enrollments, export_sections, run_options, stg_homerooms, student_placements
drop table if exists export_enrollments;
create table export_enrollments (
    school_code text not null,
    section_id text not null,
    student_id text not null,
    primary key (school_code, section_id, student_id)
) without rowid;
insert or ignore into export_enrollments (school_code, section_id, student_id)
with final as (
    select s.school_code, s.section_id, e.student_id, s.rowid as section_row
    from export_sections s
    join active_enrollments e on e.home_key = s.section_key
)
select school_code, section_id, student_id from final order by section_row, student_id;
-- Homeroom sections have IDs of their own (HR-...), so they never share a row with the above.
insert or ignore into export_enrollments (school_code, section_id, student_id)
with final as (
    select s.school_code, s.section_id, h.student_id
    -- CROSS JOIN fixes the order: run_options first, so that with the option off nothing is
    -- read; then each homeroom row's section, by the index on its key (course_code 'HR').
    from run_options o
    cross join stg_homerooms h
    cross join student_placements st on st.student_id = h.student_id and st.left_out_because is null
    cross join export_sections s
        on s.school_code = h.school_code and s.course_code = 'HR' and s.section = h.homeroom
        and s.is_homeroom = 1
    where o.sections_elementary_homerooms
)
select * from final;
