-- calendar_dates: how the extract's dates are read (sis-extract.md): every real calendar day
-- from 1900-01-01 to 2100-12-31, once as YYYY-MM-DD and once as MM/DD/YYYY, with its ISO form
-- (iso, for comparing) and Clever's form (us, MM/DD/YYYY). A staging view reads a date by looking
-- it up here; a value that is not here (02/30/2026, 2026-13-01, 15.10.2026, a year past 2100) is
-- not a date and reads as NULL. To accept another spelling, add its rows here.
-- reads:
drop table if exists calendar_dates;
create table calendar_dates (written text primary key, iso text not null, us text not null) without rowid;
insert into calendar_dates
with recursive days (iso) as (
    select '1900-01-01'
    union all
    select date(iso, '+1 day') from days where iso < '2100-12-31'
),
spelled as (
    select iso, substr(iso, 6, 2) || '/' || substr(iso, 9, 2) || '/' || substr(iso, 1, 4) as us from days
),
final as (
    select iso as written, iso, us from spelled
    union all
    select us, iso, us from spelled
)
select * from final order by written;
