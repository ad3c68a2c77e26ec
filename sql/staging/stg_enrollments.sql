-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD. An empty date is an open end;
-- an unparseable one is NULL too (and a warning in checks/).
create view stg_enrollments as
with trimmed as (
    select
        trim(student_id) as student_id,
        trim(school_code) as school_code,
        trim(course_code) as course_code,
        trim(section) as section,
        trim(start_date) as start_raw,
        trim(end_date) as end_raw
    from enrollments
),
dated as (
    select *,
        case
            when start_raw glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' then start_raw
            when start_raw glob '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' then
                substr(start_raw, 7, 4) || '-' || substr(start_raw, 1, 2) || '-' || substr(start_raw, 4, 2)
        end as start_iso,
        case
            when end_raw glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' then end_raw
            when end_raw glob '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]' then
                substr(end_raw, 7, 4) || '-' || substr(end_raw, 1, 2) || '-' || substr(end_raw, 4, 2)
        end as end_iso
    from trimmed
),
final as (
    select
        student_id, school_code, course_code, section, start_raw, end_raw,
        case when date(start_iso) = start_iso then start_iso end as start_date,
        case when date(end_iso) = end_iso then end_iso end as end_date
    from dated
)
select * from final;
