-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD. An empty date is an open end.
-- A date is read when it is a real calendar date written YYYY-MM-DD or MM/DD/YYYY: date(x,
-- '+0 days') gives x back only for a real date (2026-02-30 comes back as 2026-03-02), and an
-- MM/DD/YYYY date is looked up in us_dates. Anything else is NULL, read as an open end, and
-- checks/extract_cleaning.sql names it. Open dates, the most common, are let through first:
-- this runs on millions of rows.
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
            when substr(start_date, 3, 1) = '/' then (select d.iso from us_dates d where d.written = start_date)
            when date(start_date, '+0 days') = start_date then start_date
        end as start_date,
        case
            when end_date = '' then null
            when substr(end_date, 3, 1) = '/' then (select d.iso from us_dates d where d.written = end_date)
            when date(end_date, '+0 days') = end_date then end_date
        end as end_date
    from enrollments
)
select * from final;
