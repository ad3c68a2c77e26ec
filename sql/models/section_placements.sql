-- section_placements: every section of the extract, the Section_id it is written as, and why it
-- is not written (NULL: written). In order: the reason section_eligibility gives (school not
-- selected, course not in courses.csv for its school, course left out by
-- sections.require_user_flag_2 or sections.exclude_courses); merged into another section by
-- sections.combine_inclusion (section_homes; home_course_code and home_section name the home);
-- no active enrollment of an exported student (a home section export_sections does not write).
-- `clever-export explain section` reads it; nothing the files are built from does.
-- A view: it costs a run nothing, and explain reads the one section it asks about.
-- reads: export_sections, section_eligibility, section_homes
drop view if exists section_placements;
create view section_placements as
with final as (
    select
        e.section_key,
        e.school_code,
        e.course_code,
        e.section,
        h.home_course_code,
        h.home_section,
        x.section_id,
        case
            when e.excluded_because is not null then e.excluded_because
            when h.merge_order > 0
                then 'merged into ' || h.school_code || '-' || h.home_course_code || '-' || h.home_section
                    || ' (sections.combine_inclusion); its students and teachers go there'
            when x.section_id is null then 'no active enrollment of an exported student'
        end as left_out_because
    from section_eligibility e
    left join section_homes h
        on h.school_code = e.school_code and h.course_code = e.course_code
        and h.section = e.section and h.section_key = e.section_key
    left join export_sections x
        on x.school_code = e.school_code and x.course_code = e.course_code
        and x.section = e.section and x.section_key = e.section_key
)
select * from final;
