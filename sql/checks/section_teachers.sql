-- check_section_teachers: with sections.teacher_columns = N of 2 or more, sections with more
-- than N teachers (the rest are not written). A section without any teacher is a
-- required_field_missing error.
-- reads: export_sections, run_options
create view check_section_teachers as
with final as (
    select 'warning' as severity, 'too_many_teachers' as code, 'sections' as file,
        'Section_id ' || s.section_id as record,
        'has ' || s.teacher_count || ' teachers; only the first ' || o.sections_teacher_columns
            || ' are written' as message
    from export_sections s
    cross join run_options o
    where o.sections_teacher_columns > 1 and s.teacher_count > o.sections_teacher_columns
)
select * from final;
