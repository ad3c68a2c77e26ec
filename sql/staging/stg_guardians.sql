-- stg_guardians: guardians.csv cleaned. name falls back to first_name + last_name; contact_type
-- defaults to Parent/Guardian; relationship is Clever's word for it (contact_relationship_map);
-- each phone keeps its raw text (phone_N_raw, NULL when empty): its cleaned digits are in
-- stg_phone_numbers (owner guardian, by source_row and slot).
-- source_row is the row's place in guardians.csv (its rowid).
-- reads: contact_relationship_map, flag_words, guardians
create view stg_guardians as
with final as (
    select
        rowid as source_row,
        student_id,
        cast(guardian_number as integer) as guardian_number,
        coalesce(nullif(name, ''),
            nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '')
        ) as name,
        relationship as relationship_raw,
        -- Clever's word (contact_relationship_map); Other when it has none, which is warned.
        case when relationship <> '' then coalesce(
            (select m.clever_relationship from contact_relationship_map m where m.sis_relationship = lower(relationship)),
            'Other') end as relationship,
        lower(relationship) in (select m.sis_relationship from contact_relationship_map m) as relationship_is_mapped,
        coalesce(nullif(contact_type, ''), 'Parent/Guardian') as contact_type,
        nullif(phone_1, '') as phone_1_raw,
        nullif(phone_2, '') as phone_2_raw,
        nullif(phone_3, '') as phone_3_raw,
        phone_1_type,
        phone_2_type,
        phone_3_type,
        email,
        -- Read to fail safe: any value but an empty one or a "no" (flag_words) is a custody
        -- issue, so a flag the SIS wrote in words keeps the guardian out (extract_cleaning warns).
        case when coalesce(custody_issue, '') = '' then 0
            else coalesce((select f.flag from flag_words f where f.word = lower(custody_issue)), 1)
        end as custody_issue,
        contact_id
    from guardians
)
select * from final;
