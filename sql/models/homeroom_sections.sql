-- homeroom_sections: with elementary_homerooms, one section per (ELEM school, homeroom) that
-- has exported students, and its teacher: both from homeroom_teacher_votes. Term: the school's
-- longest term (ties: lowest term_code). School year: the one most of the school's sections
-- carry (ties: the highest).
-- reads: homeroom_teacher_votes, stg_sections, stg_terms
drop table if exists homeroom_sections;
create table homeroom_sections as
-- Each homeroom with exported students, and its teacher (homeroom_teacher_votes). +home_key:
-- read by a scan, not an index, so SQLite expects many and indexes the joins below, not scans.
with homerooms as (
    select school_code, homeroom, staff_id from homeroom_teacher_votes
    where +home_key is null and vote_rank = 1
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
final as (
    select
        h.school_code,
        h.homeroom,
        y.school_year,
        t.term_code,
        h.staff_id
    from homerooms h
    left join longest_terms t on t.school_code = h.school_code and t.length_rank = 1
    left join school_years y on y.school_code = h.school_code and y.year_rank = 1
)
select * from final;
create index homeroom_sections_1 on homeroom_sections (school_code, homeroom);
