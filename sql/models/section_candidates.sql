-- section_candidates: the sections that may be exported: those section_eligibility leaves no
-- reason to exclude (in a selected school, of a known course, not left out by
-- require_user_flag_2 or exclude_courses). Whether a section is written also needs an active
-- enrollment (export_sections).
-- reads: section_eligibility
drop table if exists section_candidates;
create table section_candidates as
with final as (
    select
        section_key,
        school_code,
        course_code,
        section,
        school_year,
        term_code,
        room,
        meeting_days,
        print_period,
        section_name,
        description,
        subject,
        course_grade,
        is_special_ed,
        level
    from section_eligibility
    where excluded_because is null
)
select * from final;
create index section_candidates_1 on section_candidates (school_code, course_code, section);
create index section_candidates_2 on section_candidates (section_key);
