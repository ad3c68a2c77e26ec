-- stg_zip_codes: every ZIP code of the extract (schools.zip, students.zip), cleaned as
-- sis-extract.md says: letters and digits only, written when 5 or 9 characters long, else empty.
-- One row per ZIP that is not empty: owner (school, student) and source_row (the row of its
-- file), raw as written and zip (NULL when not 5 or 9 characters). stg_schools and stg_students
-- look their ZIP up here, by row: the rule is written once for the whole extract.
-- reads: schools, students, positions
create view stg_zip_codes as
with written as (
    select 'school' as owner, rowid as source_row, zip as raw from schools
    union all select 'student', rowid, zip from students
),
-- Most ZIP codes hold nothing but letters, digits, "-" and spaces, which are replaced; the rare
-- one with anything else ("07039.1234") is read character by character (positions).
kept as (
    select w.*,
        case when w.raw glob '*[^0-9A-Za-z -]*' then
            (select group_concat(ch, '') from (select substr(w.raw, p.n, 1) as ch from positions p
                where p.n <= length(w.raw) order by p.n) where ch glob '[0-9A-Za-z]')
        else replace(replace(w.raw, '-', ''), ' ', '')
        end as kept
    from written w
    where w.raw <> ''
),
final as (
    select owner, source_row, raw, case when length(kept) in (5, 9) then kept end as zip
    from kept
)
select * from final;
