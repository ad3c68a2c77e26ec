-- enrollment_dates: each (start_date, end_date) pair enrollments.csv gives, read once through
-- calendar_dates instead of once per enrollment (a district's millions of enrollments share a
-- few hundred pairs; the importer lists them: enrollment_date_pairs). An empty date is an open
-- end; a date that cannot be read is NULL too, read as an open end, and has_unreadable_date, by
-- which checks/extract_cleaning.sql names its enrollments.
-- reads: enrollment_date_pairs, calendar_dates
drop table if exists enrollment_dates;
create table enrollment_dates (
    dates_row integer primary key,
    start_date text,
    end_date text,
    has_unreadable_date integer
);
insert into enrollment_dates (dates_row, start_date, end_date, has_unreadable_date)
with final as (
    select
        p.dates_row,
        s.iso as start_date,
        f.iso as end_date,
        (p.start_date <> '' and s.iso is null) or (p.end_date <> '' and f.iso is null) as has_unreadable_date
    from enrollment_date_pairs p
    left join calendar_dates s on s.written = p.start_date
    left join calendar_dates f on f.written = p.end_date
)
select * from final;
