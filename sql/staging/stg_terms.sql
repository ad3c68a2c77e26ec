-- stg_terms: terms.csv with dates as YYYY-MM-DD: a real calendar date written YYYY-MM-DD or
-- MM/DD/YYYY (the rule of stg_enrollments); anything else is NULL.
create view stg_terms as
with typed as (
    select
        school_code,
        term_code,
        name,
        start_date as start_raw,
        end_date as end_raw
    from terms
),
final as (
    select
        school_code, term_code, name, start_raw, end_raw,
        case
            when substr(start_raw, 3, 1) = '/' then (select d.iso from us_dates d where d.written = start_raw)
            when date(start_raw, '+0 days') = start_raw then start_raw
        end as start_date,
        case
            when substr(end_raw, 3, 1) = '/' then (select d.iso from us_dates d where d.written = end_raw)
            when date(end_raw, '+0 days') = end_raw then end_raw
        end as end_date
    from typed
)
select * from final;
