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
    from typed
)
select * from final;
