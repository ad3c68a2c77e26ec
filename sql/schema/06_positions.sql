-- positions: the numbers 1 to 255, the character positions of a value. A view keeps some of a
-- value's characters (the digits of a phone, the letters and digits of a ZIP code) by reading
-- substr(value, n, 1) at each position in order and putting the kept ones back together.
-- SQL has no functions of its own, so that reading is written where each value is read; to change
-- what is kept, edit each: stg_students (ZIP), stg_schools (ZIP, phone), student_contacts (the
-- guardians' phones) and staff_logins (generated usernames).
drop table if exists positions;
create table positions (n integer primary key);
insert into positions
with recursive counted (n) as (select 1 union all select n + 1 from counted where n < 255)
select n from counted;
