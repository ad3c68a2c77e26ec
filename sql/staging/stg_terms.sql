-- stg_terms: terms.csv with dates read through calendar_dates: start_date and end_date as
-- YYYY-MM-DD (NULL when unreadable), term_start and term_end as Clever writes them (MM/DD/YYYY).
-- reads: terms, calendar_dates
create view stg_terms as
with final as (
    select
        t.school_code,
        t.term_code,
        t.name,
        t.start_date as start_raw,
        t.end_date as end_raw,
        s.iso as start_date,
        f.iso as end_date,
        s.us as term_start,
        f.us as term_end
    from terms t
    left join calendar_dates s on s.written = t.start_date
    left join calendar_dates f on f.written = t.end_date
)
select * from final;
