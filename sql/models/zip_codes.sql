-- zip_codes: every ZIP code the extract writes (schools.zip, students.zip), once per spelling,
-- cleaned as sis-extract.md says: letters and digits only, written when 5 or 9 characters long,
-- else NULL. stg_schools and stg_students look their ZIP up here by the text as written: the
-- rule is written once for the whole extract, and worked out once per spelling (a district
-- writes a few thousand) rather than once per student.
-- reads: schools, students, positions
drop table if exists zip_codes;
create table zip_codes (raw text primary key, zip text) without rowid;
insert into zip_codes
with written (raw) as (
    select zip from schools where zip <> ''
    union select zip from students where zip <> ''
),
-- Most ZIP codes hold nothing but letters, digits, "-" and spaces, which are replaced; the rare
-- one with anything else ("07039.1234") is read character by character (positions).
kept as (
    select w.raw,
        case when w.raw glob '*[^0-9A-Za-z -]*' then
            (select group_concat(ch, '') from (select substr(w.raw, p.n, 1) as ch from positions p
                where p.n <= length(w.raw) order by p.n) where ch glob '[0-9A-Za-z]')
        else replace(replace(w.raw, '-', ''), ' ', '')
        end as kept
    from written w
),
final as (
    select raw, case when length(kept) in (5, 9) then kept end as zip
    from kept
)
select * from final;
