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
-- Most phones hold nothing but digits and common punctuation, which is replaced; the rare one
-- with anything else ("973_555_1234", "Cell: 973 555 1234") is read character by character
-- (positions) and its digits kept. Each phone's text is tested once: the view's column is
-- computed anew wherever it is read.
digits as (
    select s.*,
        case when s.raw glob '*[^0-9()+./ -]*' then
            (select group_concat(ch, '') from (select substr(s.raw, p.n, 1) as ch from positions p
                where p.n <= length(s.raw) order by p.n) where ch glob '[0-9]')
        else replace(replace(replace(replace(replace(replace(replace(s.raw,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '')
        end as digits
    from slots s
    where s.raw <> ''
),
final as (
    select owner, source_row, slot, raw, digits,
        -- A subquery, so the digits are worked out once rather than once per mention.
        (select iif(length(d) in (10, 11), d, null) from (select digits as d)) as phone
    from digits
)
select * from final;
