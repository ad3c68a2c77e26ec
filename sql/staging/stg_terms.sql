-- stg_terms: terms.csv with dates as YYYY-MM-DD (YYYY-MM-DD or MM/DD/YYYY digits; anything
-- else is NULL).
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
            when start_raw glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' then start_raw
            when start_raw glob '[01][0-9]/[0-3][0-9]/[0-9][0-9][0-9][0-9]' then
                substr(start_raw, 7, 4) || '-' || substr(start_raw, 1, 2) || '-' || substr(start_raw, 4, 2)
        end as start_date,
        case
            when end_raw glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' then end_raw
            when end_raw glob '[01][0-9]/[0-3][0-9]/[0-9][0-9][0-9][0-9]' then
                substr(end_raw, 7, 4) || '-' || substr(end_raw, 1, 2) || '-' || substr(end_raw, 4, 2)
        end as end_date
    from typed
)
select * from final;
