-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD. An empty date is an open end.
-- A date is read when it is a real calendar date written YYYY-MM-DD or MM/DD/YYYY: date(x,
-- '+0 days') gives x back only for a real date (2026-02-30 comes back as 2026-03-02). Anything
-- else is NULL, read as an open end, and checks/extract_cleaning.sql names it. Open dates, the
-- most common, are let through first: this runs on millions of rows. The MM/DD/YYYY value is
-- rebuilt twice (to test it, then as the result): that costs less than a materialized step.
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
            when date(start_date, '+0 days') = start_date then start_date
            when length(start_date) = 10 and substr(start_date, 3, 1) = '/'
                and strftime('%m/%d/%Y', substr(start_date, 7, 4) || '-' || substr(start_date, 1, 2) || '-'
                    || substr(start_date, 4, 2), '+0 days') = start_date
            then substr(start_date, 7, 4) || '-' || substr(start_date, 1, 2) || '-' || substr(start_date, 4, 2)
        end as start_date,
        case
            when end_date = '' then null
            when date(end_date, '+0 days') = end_date then end_date
            when length(end_date) = 10 and substr(end_date, 3, 1) = '/'
                and strftime('%m/%d/%Y', substr(end_date, 7, 4) || '-' || substr(end_date, 1, 2) || '-'
                    || substr(end_date, 4, 2), '+0 days') = end_date
            then substr(end_date, 7, 4) || '-' || substr(end_date, 1, 2) || '-' || substr(end_date, 4, 2)
        end as end_date
    from enrollments
)
select * from final;
