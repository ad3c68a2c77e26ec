-- section_eligibility: every section of the extract, with its school's and course's values, and
-- why it may not be exported (NULL: a candidate, kept by section_candidates): its school is not
-- selected (export.schools), its course is not in courses.csv for its school, or the course is
-- left out by sections.require_user_flag_2 (the course lacks user_flag_2) or
-- sections.exclude_courses. Whether a candidate is written is decided later (section_homes,
-- export_sections); section_placements gives every section's reason.
-- A view: section_candidates and section_placements read it in their one pass over the sections.
-- reads: run_option_lists, run_options, selected_schools, stg_courses, stg_sections
drop view if exists section_eligibility;
create view section_eligibility as
with final as (
    select
        s.source_row as section_key,
        s.school_code,
        s.course_code,
        s.section,
        s.school_year,
        s.term_code,
        s.room,
        s.meeting_days,
        s.print_period,
        s.section_name,
        c.description,
        c.subject,
        c.grade as course_grade,
        c.is_special_ed,
        sc.level,
        case
            when sc.school_code is null
                then 'school ' || s.school_code || ' is not selected (export.schools)'
            when c.course_code is null
                then 'course ' || s.course_code || ' is not in courses.csv for its school'
            when o.sections_require_user_flag_2 and c.user_flag_2 is not true
                then 'course ' || s.course_code || ' lacks user_flag_2 and sections.require_user_flag_2 is on'
            when s.course_code in (select value from run_option_lists where key = 'sections.exclude_courses')
                then 'course ' || s.course_code || ' is listed in sections.exclude_courses'
        end as excluded_because
    from stg_sections s
    cross join run_options o
    left join selected_schools sc on sc.school_code = s.school_code
    left join stg_courses c on c.school_code = s.school_code and c.course_code = s.course_code
)
select * from final;
