-- oneroster_class_rows: classes.csv's rows, one per row of sections.csv (export_sections, after
-- every section rule). grades: the distinct CEDS grades of its enrolled students, in the CEDS
-- list's order; classType homeroom for homerooms and Homeroom/advisory sections; subjects
-- the Clever subject (none for 'other'); its one term is school_code-term_code; its course
-- school_code-course_number. Empty unless oneroster.enabled.
-- reads: ceds_grades, export_enrollments, export_sections, oneroster_people, run_options
drop table if exists oneroster_class_rows;
create table oneroster_class_rows as
with class_grades as (
    select section_id, group_concat(grades, ',') as grades
    from (
        select distinct e.section_id, u.grades, c.position
        from run_options o
        cross join export_enrollments e
        -- CROSS JOIN keeps the enrollments outside: a lookup of each one's student, never a scan of
        -- every enrollment for each student (docs/benchmark.md, planner).
        cross join oneroster_people u on u.sourced_id = e.student_id and u.kind = 'student'
        join ceds_grades c on c.ceds_grade = u.grades
        where o.oneroster_enabled
        -- group_concat keeps the order its input comes in.
        order by e.section_id, c.position
    )
    group by section_id
),
final as (
    select
        s.section_id as sourced_id,
        s.name as title,
        g.grades,
        s.school_code || '-' || s.course_number as course_id,
        s.section as class_code,
        case when s.is_homeroom or s.subject = 'Homeroom/advisory' then 'homeroom' else 'scheduled' end as class_type,
        s.room as location,
        s.school_code as school_id,
        s.school_code || '-' || s.term_code as term_id,
        case when lower(s.subject) = 'other' then null else s.subject end as subjects,
        s.print_period as periods,
        -- For courses.csv.
        s.course_number,
        s.course_name,
        s.school_year
    from run_options o
    cross join export_sections s
    left join class_grades g on g.section_id = s.section_id
    where o.oneroster_enabled
)
select * from final;
create index oneroster_class_rows_1 on oneroster_class_rows (sourced_id);
