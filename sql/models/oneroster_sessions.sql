-- oneroster_sessions: academicSessions.csv's rows. A term per (school_code, term_code) that an
-- exported section uses (a homeroom: the term homeroom_sections chose), and a school year per
-- year those terms belong to. A term's school year is the school_year most of its exported
-- sections carry (ties: the highest); a school year runs from its terms' earliest start to their
-- latest end, and its schoolYear is the year it ends. Empty unless oneroster.enabled.
-- reads: export_sections, run_options, stg_terms
drop table if exists oneroster_sessions;
create table oneroster_sessions as
with section_years as (
    select s.school_code, s.term_code, s.school_year, count(*) as sections
    -- run_options first (CROSS JOIN keeps it there): with OneRoster off, nothing is read.
    from run_options o
    cross join export_sections s
    where o.oneroster_enabled
    group by s.school_code, s.term_code, s.school_year
),
term_years as (
    select
        school_code, term_code, school_year,
        count(*) over (partition by school_code, term_code) as years,
        row_number() over (partition by school_code, term_code order by sections desc, school_year desc) as year_rank
    from section_years
),
-- max(): one value even when the extract repeats a term (an error the checks report).
terms as (
    select y.school_code, y.term_code, y.school_year, y.years,
        (select max(t.name) from stg_terms t where t.school_code = y.school_code and t.term_code = y.term_code) as title,
        (select max(t.start_date) from stg_terms t where t.school_code = y.school_code and t.term_code = y.term_code) as start_date,
        (select max(t.end_date) from stg_terms t where t.school_code = y.school_code and t.term_code = y.term_code) as end_date
    from term_years y
    where y.year_rank = 1
),
years as (
    select school_year, min(start_date) as start_date, max(end_date) as end_date
    from terms
    group by school_year
),
final as (
    select
        'SY-' || school_year as sourced_id, 'schoolYear' as type, school_year as title,
        start_date, end_date, null as parent_id, substr(end_date, 1, 4) as year_ending,
        null as school_code, null as term_code, school_year, 1 as school_years
    from years
    union all
    select
        t.school_code || '-' || t.term_code, 'term', t.title, t.start_date, t.end_date,
        'SY-' || t.school_year, substr(y.end_date, 1, 4), t.school_code, t.term_code, t.school_year,
        t.years
    from terms t
    join years y on y.school_year = t.school_year
)
select * from final;
create index oneroster_sessions_1 on oneroster_sessions (school_code, term_code);
