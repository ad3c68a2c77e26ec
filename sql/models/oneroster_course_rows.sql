-- oneroster_course_rows: courses.csv's rows, one per (School_id, Course_number) of sections.csv
-- (homerooms: course HR). title and subjects from its first class by Section_id (course_names
-- counts the names its classes carry, warned when more than one); its school year the one most
-- of its classes' terms belong to (ties: the highest).
-- reads: oneroster_class_rows, oneroster_sessions
drop table if exists oneroster_course_rows;
create table oneroster_course_rows as
with classes as (
    select c.*, t.school_year as term_school_year
    from oneroster_class_rows c
    left join oneroster_sessions t on t.sourced_id = c.term_id
),
years as (
    select course_id, term_school_year,
        row_number() over (partition by course_id order by count(*) desc, term_school_year desc) as year_rank
    from classes
    group by course_id, term_school_year
),
names as (
    select course_id, count(distinct course_name) as course_names from classes group by course_id
),
firsts as (
    select *, row_number() over (partition by course_id order by sourced_id) as class_rank
    from classes
),
final as (
    select
        f.course_id as sourced_id,
        'SY-' || y.term_school_year as school_year_id,
        f.course_name as title,
        f.course_number as course_code,
        f.school_id as org_id,
        f.subjects,
        n.course_names
    -- CROSS JOIN keeps each course's first class outside: years and names are looked up by it,
    -- never scanned together (docs/benchmark.md, planner).
    from firsts f
    cross join years y on y.course_id = f.course_id and y.year_rank = 1
    cross join names n on n.course_id = f.course_id
    where f.class_rank = 1
)
select * from final;
