-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD. An empty date is an open end.
-- Dates are read by their shape, YYYY-MM-DD or MM/DD/YYYY (a cheap test: this runs on millions
-- of rows); anything else is NULL, and checks/extract_cleaning.sql names every date that is not
-- a real YYYY-MM-DD date after this step.
create view stg_enrollments as
with trimmed as (
    select
        trim(student_id) as student_id,
        trim(school_code) as school_code,
        trim(course_code) as course_code,
        trim(section) as section,
        trim(start_date) as start_raw,
        trim(end_date) as end_raw
    -- limit -1 keeps SQLite from inlining this step into the next, so each value is trimmed
    -- once per row instead of once per use.
    from enrollments
    limit -1
),
final as (
    select
        student_id, school_code, course_code, section, start_raw, end_raw,
        case
            when substr(start_raw, 5, 1) = '-' then start_raw
            when substr(start_raw, 3, 1) = '/' then
                substr(start_raw, 7, 4) || '-' || substr(start_raw, 1, 2) || '-' || substr(start_raw, 4, 2)
        end as start_date,
        case
            when substr(end_raw, 5, 1) = '-' then end_raw
            when substr(end_raw, 3, 1) = '/' then
                substr(end_raw, 7, 4) || '-' || substr(end_raw, 1, 2) || '-' || substr(end_raw, 4, 2)
        end as end_date
    from trimmed
)
select * from final;
