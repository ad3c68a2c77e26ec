-- stg_schools: schools.csv cleaned. Values trimmed; ZIP keeps letters and digits and counts
-- only at 5 or 9 characters; phone keeps digits and counts only at 10 or 11; level defaults
-- to OTHER. The *_raw columns keep what the SIS wrote, for the checks.
create view stg_schools as
with trimmed as (
    select
        trim(school_code) as school_code,
        trim(name) as name,
        nullif(trim(school_number), '') as school_number,
        trim(state_id) as state_id,
        trim(nces_id) as nces_id,
        trim(address) as address,
        trim(city) as city,
        trim(state) as state,
        trim(zip) as zip_raw,
        replace(replace(trim(zip), '-', ''), ' ', '') as zip_compact,
        trim(phone) as phone_raw,
        replace(replace(replace(replace(replace(replace(replace(trim(phone),
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_digits,
        trim(principal_name) as principal_name,
        trim(principal_email) as principal_email,
        upper(nullif(trim(level), '')) as level,
        upper(trim(is_preregistration)) as is_preregistration
    from schools
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
        case when length(zip_compact) in (5, 9) and zip_compact not glob '*[^0-9A-Za-z]*'
            then zip_compact end as zip,
        phone_raw,
        case when length(phone_digits) in (10, 11) and phone_digits not glob '*[^0-9]*'
            then phone_digits end as phone,
        principal_name,
        principal_email,
        coalesce(level, 'OTHER') as level,
        is_preregistration in ('Y', 'YES', '1', 'TRUE') as is_preregistration
    from trimmed
)
select * from final;
