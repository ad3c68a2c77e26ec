-- positions: the numbers 1 to 255, the character positions of a value. A view keeps some of a
-- value's characters by reading substr(value, n, 1) at each position in order and putting the
-- kept ones back together: stg_phone_numbers (digits), zip_codes (letters and digits) and
-- staff_initial_names (generated usernames).
drop table if exists positions;
create table positions (n integer primary key);
insert into positions
with recursive counted (n) as (select 1 union all select n + 1 from counted where n < 255)
select n from counted;
