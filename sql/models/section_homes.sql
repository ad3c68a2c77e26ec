-- section_homes: where each candidate section's students and teachers go. A section is its own
-- home, except an inclusion section merged by combine_inclusion: a section of a special-ed
-- course whose course description (trimmed, any case), term, meeting_days, room and
-- print_period (all non-empty) equal those of a regular section of the same school. It goes
-- to its lowest-keyed match (course_code, then section); merge_order numbers it among the
-- sections merged into that home (0 = the home itself). section_key and home_key are the
-- section's and its home's section_candidates.section_key.
-- reads: run_options, section_candidates
drop table if exists section_homes;
create table section_homes as
with matches as (
    select
        i.school_code,
        i.course_code,
        i.section,
        r.course_code as home_course_code,
        r.section as home_section,
        r.section_key as home_key,
        row_number() over (
            partition by i.school_code, i.course_code, i.section
            order by r.course_code, r.section
        ) as match_rank
    -- run_options first (CROSS JOIN keeps it there): with the option off, nothing is read.
    from run_options o
    cross join section_candidates i
    join section_candidates r
        on r.school_code = i.school_code
        and r.term_code = i.term_code
        and lower(r.description) = lower(i.description)
        and r.meeting_days = i.meeting_days
        and r.room = i.room
        and r.print_period = i.print_period
    where o.sections_combine_inclusion and i.is_special_ed and not r.is_special_ed
),
homes as (
    select
        c.section_key,
        c.school_code,
        c.course_code,
        c.section,
        coalesce(m.home_key, c.section_key) as home_key,
        coalesce(m.home_course_code, c.course_code) as home_course_code,
        coalesce(m.home_section, c.section) as home_section
    from section_candidates c
    left join matches m
        on m.school_code = c.school_code and m.course_code = c.course_code
        and m.section = c.section and m.match_rank = 1
),
final as (
    select
        h.*,
        case when h.course_code = h.home_course_code and h.section = h.home_section then 0
            else dense_rank() over (
                partition by h.school_code, h.home_course_code, h.home_section
                order by h.course_code, h.section)
        end as merge_order
    from homes h
)
select * from final;
-- By the section's key, for section_teacher_slots and section_placements; by section_key with
-- home_key for active_enrollments, whose search for each enrollment then never reads the table.
create index section_homes_1 on section_homes (school_code, course_code, section);
create index section_homes_2 on section_homes (section_key, home_key);
