-- stg_phone_numbers: every phone of the extract (schools.phone, guardians.phone_1..phone_3),
-- cleaned as sis-extract.md says: digits only, written when 10 or 11 digits long, else empty.
-- One row per phone that is not empty: owner (school, guardian) and source_row (the row of its
-- file), slot (1 for a school, 1-3 for a guardian), raw as written, digits (every digit of it, in
-- order) and phone (digits when 10 or 11 of them, else NULL). stg_schools and stg_guardians look
-- their phones up here, by row: the rule is written once for the whole extract.
-- reads: schools, guardians, positions
create view stg_phone_numbers as
with slots as (
    select 'school' as owner, rowid as source_row, 1 as slot, phone as raw from schools
    union all select 'guardian', rowid, 1, phone_1 from guardians
    union all select 'guardian', rowid, 2, phone_2 from guardians
    union all select 'guardian', rowid, 3, phone_3 from guardians
),
-- The common punctuation is replaced first, which is all most phones need.
compact as (
    select *,
        replace(replace(replace(replace(replace(replace(replace(raw,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as compact
    from slots
    where raw <> ''
),
-- The rare phone with anything else ("973_555_1234", "Cell: 973 555 1234") is read character by
-- character (positions) and its digits kept.
digits as (
    select c.*,
        case when c.compact glob '*[^0-9]*' then
            (select group_concat(ch, '') from (select substr(c.compact, p.n, 1) as ch from positions p
                where p.n <= length(c.compact) order by p.n) where ch glob '[0-9]')
        else c.compact end as digits
    from compact c
),
final as (
    select owner, source_row, slot, raw, digits,
        case when length(digits) in (10, 11) then digits end as phone
    from digits
)
select * from final;
