-- stg_guardians: guardians.csv cleaned. name falls back to first_name + last_name; each phone
-- keeps its digits (phone_N_digits) and is valid only at 10 or 11 digits (phone_N).
create view stg_guardians as
with trimmed as (
    select
        trim(student_id) as student_id,
        cast(trim(guardian_number) as integer) as guardian_number,
        coalesce(nullif(trim(name), ''),
            nullif(trim(coalesce(trim(first_name), '') || ' ' || coalesce(trim(last_name), '')), '')
        ) as name,
        trim(relationship) as relationship,
        coalesce(nullif(trim(contact_type), ''), 'Parent/Guardian') as contact_type,
        nullif(trim(phone_1), '') as phone_1_raw,
        nullif(trim(phone_2), '') as phone_2_raw,
        nullif(trim(phone_3), '') as phone_3_raw,
        trim(phone_1_type) as phone_1_type,
        trim(phone_2_type) as phone_2_type,
        trim(phone_3_type) as phone_3_type,
        trim(email) as email,
        upper(trim(custody_issue)) in ('Y', 'YES', '1', 'TRUE') as custody_issue,
        trim(contact_id) as contact_id
    from guardians
),
digits as (
    select *,
        replace(replace(replace(replace(replace(replace(replace(phone_1_raw,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_1_digits,
        replace(replace(replace(replace(replace(replace(replace(phone_2_raw,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_2_digits,
        replace(replace(replace(replace(replace(replace(replace(phone_3_raw,
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_3_digits
    -- limit -1 keeps SQLite from inlining this step into the next, so the digits of each phone
    -- are computed once per row instead of once per use.
    from trimmed
    limit -1
),
final as (
    select *,
        case when length(phone_1_digits) in (10, 11) and phone_1_digits not glob '*[^0-9]*'
            then phone_1_digits end as phone_1,
        case when length(phone_2_digits) in (10, 11) and phone_2_digits not glob '*[^0-9]*'
            then phone_2_digits end as phone_2,
        case when length(phone_3_digits) in (10, 11) and phone_3_digits not glob '*[^0-9]*'
            then phone_3_digits end as phone_3
    from digits
)
select * from final;
