-- stg_guardians: guardians.csv cleaned. name falls back to first_name + last_name; given_name
-- and family_name (OneRoster) are first_name and last_name when both are set, else the name split
-- at its first comma ("Garcia, Maria": family name first), else at its last space; a one-word name
-- goes into both (is_one_word, warned). contact_type
-- defaults to Parent/Guardian; relationship is Clever's word for it (contact_relationship_map);
-- each phone keeps its raw text (phone_N_raw, NULL when empty): its cleaned digits are in
-- stg_phone_numbers (owner guardian, by source_row and slot).
-- source_row is the row's place in guardians.csv (its rowid).
-- reads: contact_relationship_map, flag_words, guardians
create view stg_guardians as
with named as (
    select
        rowid as source_row,
        *,
        coalesce(nullif(name, ''),
            nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '')
        ) as full_name,
        coalesce(first_name, '') <> '' and coalesce(last_name, '') <> '' as has_both_names
    from guardians
),
final as (
    select
        source_row,
        student_id,
        cast(guardian_number as integer) as guardian_number,
        full_name as name,
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
        contact_id,
        case
            when has_both_names then first_name
            when instr(full_name, ',') > 0 then trim(substr(full_name, instr(full_name, ',') + 1))
            when instr(full_name, ' ') > 0 then trim(rtrim(full_name, replace(full_name, ' ', '')))
            else full_name
        end as given_name,
        case
            when has_both_names then last_name
            when instr(full_name, ',') > 0 then trim(substr(full_name, 1, instr(full_name, ',') - 1))
            -- rtrim with every letter the name has takes its last word off.
            when instr(full_name, ' ') > 0 then substr(full_name, length(rtrim(full_name, replace(full_name, ' ', ''))) + 1)
            else full_name
        end as family_name,
        not has_both_names and instr(coalesce(full_name, ''), ',') = 0
            and instr(coalesce(full_name, ''), ' ') = 0 as is_one_word
    from named
)
select * from final;
