-- section_candidates: the sections that may be exported: in a selected school, of a known
-- course, and not left out by require_user_flag_2 or exclude_courses. Whether a section is
-- written also needs an active enrollment (export_sections).
-- reads: run_option_lists, run_options, selected_schools, stg_courses, stg_sections
drop table if exists section_candidates;
create table section_candidates as
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
        c.is_special_ed,
        sc.level
    from stg_sections s
    join selected_schools sc on sc.school_code = s.school_code
    join stg_courses c on c.school_code = s.school_code and c.course_code = s.course_code
    cross join run_options o
    where (not o.sections_require_user_flag_2 or c.user_flag_2)
        and s.course_code not in (select value from run_option_lists where key = 'sections.exclude_courses')
)
select * from final;
create index section_candidates_1 on section_candidates (school_code, course_code, section);
create index section_candidates_2 on section_candidates (section_key);
