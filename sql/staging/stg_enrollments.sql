-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD. An empty date is an open end.
-- Dates are read by their shape, YYYY-MM-DD or MM/DD/YYYY (a cheap test: this runs on millions
-- of rows, and open dates, the most common, are let through first); anything else is NULL, and
-- checks/extract_cleaning.sql names every date that is not a real YYYY-MM-DD date after this step.
create view stg_enrollments as
with final as (
    select
        student_id,
        school_code,
        course_code,
        section,
        start_date as start_raw,
        end_date as end_raw,
        case
            when start_date = '' then null
            when substr(start_date, 5, 1) = '-' then start_date
            when substr(start_date, 3, 1) = '/' then
                substr(start_date, 7, 4) || '-' || substr(start_date, 1, 2) || '-' || substr(start_date, 4, 2)
        end as start_date,
        case
            when end_date = '' then null
            when substr(end_date, 5, 1) = '-' then end_date
            when substr(end_date, 3, 1) = '/' then
                substr(end_date, 7, 4) || '-' || substr(end_date, 1, 2) || '-' || substr(end_date, 4, 2)
        end as end_date
    from enrollments
)
select * from final;
