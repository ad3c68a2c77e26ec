-- us_dates: every real calendar date from 1900-01-01 to 2100-12-31 written MM/DD/YYYY, with its
-- YYYY-MM-DD form. The staging views read an MM/DD/YYYY date by looking it up here: one lookup
-- both tells a real date (02/30/2026 is not here) and converts it, for less than rebuilding the
-- text and testing it on millions of enrollment rows. An MM/DD/YYYY date outside these years
-- cannot be read.
drop table if exists us_dates;
create table us_dates (written text primary key, iso text not null) without rowid;
insert into us_dates
with recursive days (iso) as (
    select '1900-01-01'
    union all
    select date(iso, '+1 day') from days where iso < '2100-12-31'
)
select substr(iso, 6, 2) || '/' || substr(iso, 9, 2) || '/' || substr(iso, 1, 4), iso
from days
order by 1;
