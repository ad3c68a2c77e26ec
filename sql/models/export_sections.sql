-- export_sections: every section written to sections.csv, with its Clever values.
--   Course sections: a home section (section_homes) with at least one active enrollment.
--   Homeroom sections: homeroom_sections (is_homeroom = 1).
-- section_key: the home section's section_candidates.section_key (NULL for homerooms).
-- term_code, school_year, room: the section's (a homeroom's: homeroom_sections' term and year,
--   and its code as the room).
-- Section_id: [school_year-][teacher of record's last name-]school_code-course_code-section
--   (homerooms: HR-school_code-homeroom).
-- Name: section_name, else the course description (homerooms: "Homeroom " + homeroom); then
--   prepend_teacher_name_to_name, then append_homeroom_teacher (ELEM) or append_period (MIDDLE).
-- reads: active_enrollments, homeroom_sections, homeroom_teacher_votes, run_options, section_candidates, section_teacher_slots, stg_staff, stg_terms
drop table if exists export_sections;
create table export_sections as
with written_homes as (
    select distinct home_key from active_enrollments
),
teachers as (
    select
        school_code, course_code, section,
        max(case slot when 1 then staff_id end) as teacher_1,
        max(case slot when 2 then staff_id end) as teacher_2,
        max(case slot when 3 then staff_id end) as teacher_3,
        max(case slot when 4 then staff_id end) as teacher_4,
        max(case slot when 5 then staff_id end) as teacher_5,
        max(case slot when 6 then staff_id end) as teacher_6,
        max(case slot when 7 then staff_id end) as teacher_7,
        max(case slot when 8 then staff_id end) as teacher_8,
        max(case slot when 9 then staff_id end) as teacher_9,
        max(case slot when 10 then staff_id end) as teacher_10,
        count(*) as teacher_count
    from section_teacher_slots
    group by school_code, course_code, section
),
course_sections as (
    select
        0 as is_homeroom,
        c.section_key,
        c.school_code,
        c.course_code,
        c.section,
        c.school_year,
        c.term_code,
        c.room,
        c.level,
        c.print_period,
        c.school_code || '-' || c.course_code || '-' || c.section as base_id,
        coalesce(c.section_name, c.description) as base_name,
        c.description as course_name,
        c.description as course_description,
        c.course_grade,
        c.course_code as course_number,
        c.subject,
        t.teacher_1, t.teacher_2, t.teacher_3, t.teacher_4, t.teacher_5, t.teacher_6, t.teacher_7,
        t.teacher_8, t.teacher_9, t.teacher_10,
        coalesce(t.teacher_count, 0) as teacher_count
    from written_homes w
    join section_candidates c on c.section_key = w.home_key
    left join teachers t
        on t.school_code = c.school_code and t.course_code = c.course_code and t.section = c.section
),
homerooms as (
    select
        1 as is_homeroom,
        null as section_key,
        h.school_code,
        'HR' as course_code,
        h.homeroom as section,
        h.school_year,
        h.term_code,
        h.homeroom as room,
        'ELEM' as level,
        null as print_period,
        'HR-' || h.school_code || '-' || h.homeroom as base_id,
        'Homeroom ' || h.homeroom as base_name,
        'Homeroom' as course_name,
        'Homeroom' as course_description,
        null as course_grade,
        'HR' as course_number,
        'Homeroom/advisory' as subject,
        h.staff_id as teacher_1, null as teacher_2, null as teacher_3, null as teacher_4, null as teacher_5,
        null as teacher_6, null as teacher_7, null as teacher_8, null as teacher_9, null as teacher_10,
        h.staff_id is not null as teacher_count
    from homeroom_sections h
),
all_sections as (
    select * from course_sections
    union all
    select * from homerooms
),
-- One row per key even when the extract repeats one (an error the checks report), so a
-- section is never written twice.
last_names as (
    select staff_id, max(last_name) as last_name from stg_staff group by staff_id
),
terms as (
    select school_code, term_code, max(name) as name, max(term_start) as term_start,
        max(term_end) as term_end
    from stg_terms
    group by school_code, term_code
),
named as (
    select
        a.*,
        r.last_name as record_last_name,
        case when a.is_homeroom then r.last_name else vs.last_name end as homeroom_last_name,
        t.name as term_name,
        t.term_start,
        t.term_end
    from all_sections a
    left join last_names r on r.staff_id = a.teacher_1
    left join homeroom_teacher_votes v on v.home_key = a.section_key and v.vote_rank = 1
    left join last_names vs on vs.staff_id = v.staff_id
    left join terms t on t.school_code = a.school_code and t.term_code = a.term_code
),
final as (
    select
        n.is_homeroom,
        n.section_key,
        n.school_code,
        n.course_code,
        n.section,
        case when o.sections_prepend_school_year and n.school_year <> '' then n.school_year || '-' else '' end
            || case when o.sections_prepend_teacher_name and n.record_last_name <> ''
                then n.record_last_name || '-' else '' end
            || n.base_id as section_id,
        case when o.sections_prepend_teacher_name_to_name and n.record_last_name <> ''
                then n.record_last_name || ' - ' else '' end
            || n.base_name
            || case
                when n.level = 'ELEM' and o.sections_append_homeroom_teacher and n.homeroom_last_name <> ''
                    then ' - ' || n.homeroom_last_name
                when n.level = 'MIDDLE' and o.sections_append_period and n.print_period <> ''
                    then ' - Period ' || n.print_period
                else ''
            end as name,
        n.course_name,
        n.course_number,
        n.subject,
        n.term_name,
        n.term_start,
        n.term_end,
        n.teacher_1, n.teacher_2, n.teacher_3, n.teacher_4, n.teacher_5, n.teacher_6, n.teacher_7,
        n.teacher_8, n.teacher_9, n.teacher_10, n.teacher_count,
        n.print_period,
        n.section as section_number,
        n.course_grade,
        n.course_description,
        -- For OneRoster's classes and terms.
        n.term_code,
        n.school_year,
        n.room
    from named n
    cross join run_options o
)
-- Stored in enrollments.csv's order (school_code, section_id): export_enrollments reads the
-- sections by rowid and so gets its rows in the file's order without sorting them.
select * from final order by school_code, section_id;
create index export_sections_1 on export_sections (school_code, course_code, section);
create index export_sections_2 on export_sections (section_id);
