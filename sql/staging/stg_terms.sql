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
            when date(start_raw, '+0 days') = start_raw then start_raw
            when length(start_raw) = 10 and substr(start_raw, 3, 1) = '/'
                and strftime('%m/%d/%Y', substr(start_raw, 7, 4) || '-' || substr(start_raw, 1, 2) || '-'
                    || substr(start_raw, 4, 2), '+0 days') = start_raw
            then substr(start_raw, 7, 4) || '-' || substr(start_raw, 1, 2) || '-' || substr(start_raw, 4, 2)
        end as start_date,
        case
            when date(end_raw, '+0 days') = end_raw then end_raw
            when length(end_raw) = 10 and substr(end_raw, 3, 1) = '/'
                and strftime('%m/%d/%Y', substr(end_raw, 7, 4) || '-' || substr(end_raw, 1, 2) || '-'
                    || substr(end_raw, 4, 2), '+0 days') = end_raw
            then substr(end_raw, 7, 4) || '-' || substr(end_raw, 1, 2) || '-' || substr(end_raw, 4, 2)
        end as end_date
    from typed
)
select * from final;
