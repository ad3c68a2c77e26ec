-- explain/section.sql: why section ?1 (school_code-course_code-section) is or is not in
-- sections.csv, from the last run's tables, then what the last run's checks said of the section.
with source as (
    select * from stg_sections where school_code || '-' || course_code || '-' || section = ?1
),
candidate as (
    select c.* from section_candidates c join source s using (school_code, course_code, section)
),
home as (
    select h.* from section_homes h join source s using (school_code, course_code, section)
),
lines (n, line) as (
    select 1, 'section ' || ?1 || ' is not in the extract''s sections.csv'
    where not exists (select 1 from source)
    union all
    select 2, 'section ' || ?1 || ' is left out: school ' || s.school_code || ' is not selected (export.schools)'
    from source s where s.school_code not in (select school_code from selected_schools)
    union all
    select 3, 'section ' || ?1 || ' is left out: course ' || s.course_code || ' is not in courses.csv for its school'
    from source s where not exists (
        select 1 from stg_courses c where c.school_code = s.school_code and c.course_code = s.course_code)
    union all
    select 4, 'section ' || ?1 || ' is left out: its course is excluded (sections.require_user_flag_2 or sections.exclude_courses)'
    from source s
    where not exists (select 1 from candidate)
        and s.school_code in (select school_code from selected_schools)
        and exists (select 1 from stg_courses c where c.school_code = s.school_code and c.course_code = s.course_code)
    union all
    select 5, 'section ' || ?1 || ' is merged into ' || school_code || '-' || home_course_code || '-' || home_section
        || ' (sections.combine_inclusion); its students and teachers go there'
    from home where merge_order > 0
    union all
    select 6, 'section ' || ?1 || ' is left out: no active enrollment of an exported student'
    from home h
    where h.merge_order = 0 and not exists (
        select 1 from export_sections x
        where x.is_homeroom = 0 and x.school_code = h.school_code and x.course_code = h.course_code
            and x.section = h.section)
    union all
    select 7, 'section ' || ?1 || ' is exported as Section_id ' || x.section_id || ', Name ' || x.name
        || ', Teacher_id ' || coalesce(x.teacher_1, '(none)') || ', '
        || (select count(*) from clever_enrollments e where e.Section_id = x.section_id) || ' students'
    from export_sections x join home h
        on x.is_homeroom = 0 and x.school_code = h.school_code and x.course_code = h.course_code
        and x.section = h.section
    where h.merge_order = 0
    union all
    -- What the last run's checks said of it: exported is not enough if Clever drops the row.
    select 8, '  ' || f.severity || ': ' || f.file || ': ' || f.message
    from run_finding f
    where f.run_id = (select max(run_id) from run) and (f.record like '%' || ?1)
)
select line from lines order by n;
