-- stg_guardians: guardians.csv cleaned. name falls back to first_name + last_name; each phone
-- keeps its raw text (phone_N_raw, NULL when empty) and its digits (phone_N_digits: the raw text
-- without ( ) - . + / and spaces). Whether a phone is valid (10 or 11 digits) is decided by
-- student_contacts for the one phone it writes: cleaning costs, and most phones are never written.
create view stg_guardians as
with final as (
    select
        student_id,
        cast(guardian_number as integer) as guardian_number,
        coalesce(nullif(name, ''),
            nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '')
        ) as name,
        relationship,
        coalesce(nullif(contact_type, ''), 'Parent/Guardian') as contact_type,
        nullif(phone_1, '') as phone_1_raw,
        nullif(phone_2, '') as phone_2_raw,
        nullif(phone_3, '') as phone_3_raw,
        replace(replace(replace(replace(replace(replace(replace(nullif(phone_1, ''),
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_1_digits,
        replace(replace(replace(replace(replace(replace(replace(nullif(phone_2, ''),
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_2_digits,
        replace(replace(replace(replace(replace(replace(replace(nullif(phone_3, ''),
            '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''), '/', '') as phone_3_digits,
        phone_1_type,
        phone_2_type,
        phone_3_type,
        email,
        -- Read to fail safe: any value but an empty one or a "no" (N, NO, 0, FALSE) is a custody
        -- issue, so a flag the SIS wrote in words keeps the guardian out (extract_cleaning warns).
        coalesce(upper(custody_issue), '') not in ('', 'N', 'NO', '0', 'FALSE') as custody_issue,
        contact_id
    from guardians
)
select * from final;
