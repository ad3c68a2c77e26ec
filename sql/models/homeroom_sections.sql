-- homeroom_sections: with elementary_homerooms, one section per (ELEM school, homeroom) that
-- has exported students. Teacher: the active homeroom teacher most of its students share
-- (ties: lowest staff_id). Term: the school's longest term (ties: lowest term_code). School
-- year: the one most of the school's sections carry (ties: the highest).
-- reads: export_students, run_options, selected_schools, stg_homerooms, stg_sections, stg_staff, stg_terms
drop table if exists homeroom_sections;
create table homeroom_sections as
with members as (
    select h.school_code, h.homeroom, h.student_id, h.staff_id
    -- run_options first (CROSS JOIN keeps it there): with the option off, nothing is read.
    from run_options o
    cross join stg_homerooms h
    join export_students s on s.student_id = h.student_id
    join selected_schools sc on sc.school_code = h.school_code and sc.level = 'ELEM'
    where o.sections_elementary_homerooms
),
teacher_votes as (
    select
        m.school_code,
        m.homeroom,
        m.staff_id,
        row_number() over (
            partition by m.school_code, m.homeroom order by count(*) desc, m.staff_id
        ) as vote_rank
    from members m
    join stg_staff s on s.staff_id = m.staff_id and s.is_active
    group by m.school_code, m.homeroom, m.staff_id
),
longest_terms as (
    select
        school_code,
        term_code,
        row_number() over (
            partition by school_code
            order by julianday(end_date) - julianday(start_date) desc, term_code
        ) as length_rank
    from stg_terms
),
school_years as (
    select
        school_code,
        school_year,
        row_number() over (
            partition by school_code order by count(*) desc, school_year desc
        ) as year_rank
    from stg_sections
    group by school_code, school_year
),
homerooms as (
    select distinct school_code, homeroom from members
),
winners as (
    select school_code, homeroom, staff_id from teacher_votes where vote_rank = 1
),
final as (
    select
        h.school_code,
        h.homeroom,
        y.school_year,
        t.term_code,
        w.staff_id
    from homerooms h
    left join winners w on w.school_code = h.school_code and w.homeroom = h.homeroom
    left join longest_terms t on t.school_code = h.school_code and t.length_rank = 1
    left join school_years y on y.school_code = h.school_code and y.year_rank = 1
)
select * from final;
create index homeroom_sections_1 on homeroom_sections (school_code, homeroom);
