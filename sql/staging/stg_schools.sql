-- stg_schools: schools.csv cleaned. ZIP keeps letters and digits and counts
-- only at 5 or 9 characters; phone keeps digits and counts only at 10 or 11; level defaults
-- to OTHER. The *_raw columns keep what the SIS wrote, for the checks.
create view stg_schools as
with typed as (
    select
        school_code,
        name,
        nullif(school_number, '') as school_number,
        state_id,
        nces_id,
        address,
        city,
        state,
        zip as zip_raw,
        replace(replace(zip, '-', ''), ' ', '') as zip_compact,
        phone as phone_raw,
        replace(replace(replace(replace(replace(replace(replace(phone,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_digits,
        principal_name,
        principal_email,
        upper(nullif(level, '')) as level,
        upper(is_preregistration) as is_preregistration
    from schools
),
-- Letters and digits only (ZIP), digits only (phone), as the extract spec says: the common
-- punctuation is replaced above, and the rare value with anything else is read character by
-- character (positions; student_contacts does the same for the guardians' phones).
kept as (
    select t.*,
        case when t.zip_compact glob '*[^0-9A-Za-z]*' then
            (select group_concat(ch, '') from (select substr(t.zip_compact, p.n, 1) as ch from positions p
                where p.n <= length(t.zip_compact) order by p.n) where ch glob '[0-9A-Za-z]')
        else t.zip_compact end as zip_kept,
        case when t.phone_digits glob '*[^0-9]*' then
            (select group_concat(ch, '') from (select substr(t.phone_digits, p.n, 1) as ch from positions p
                where p.n <= length(t.phone_digits) order by p.n) where ch glob '[0-9]')
        else t.phone_digits end as phone_kept
    from typed t
),
final as (
    select
        school_code,
        name,
        coalesce(school_number, school_code) as school_number,
        state_id,
        nces_id,
        address,
        city,
        state,
        zip_raw,
        case when length(zip_kept) in (5, 9) then zip_kept end as zip,
        phone_raw,
        case when length(phone_kept) in (10, 11) then phone_kept end as phone,
        principal_name,
        principal_email,
        coalesce(level, 'OTHER') as level,
        is_preregistration in ('Y', 'YES', '1', 'TRUE') as is_preregistration
    from kept
)
select * from final;
