-- student_contacts: the contact rows of each exported student (contact_rank = guardian_number).
-- Which guardians: guardian 1 alone, or every guardian in guardian_number order
-- (all_guardians); never one with a custody issue unless custody_issue_guardians; none at all
-- with hide_contacts. Contact_phone: the first non-empty of phone_1..phone_3; with
-- dedupe_guardian_phones, the first whose digits differ from those of every earlier contact's
-- phone of the same student, else the first. Phones are cleaned in stg_phone_numbers (written
-- when 10 or 11 digits); contact_phone_raw keeps the chosen phone as written, for the checks.
-- The exported students are those student_placements leaves nothing against: read there, not
-- from export_students, the contacts are built on the other core while export_students is.
-- reads: stg_guardians, stg_phone_numbers, student_placements, run_options
drop table if exists student_contacts;
create table student_contacts as
-- Materialized: the dedupe walk below reads it once per contact.
with eligible as materialized (
    select
        g.source_row, g.student_id, g.guardian_number, g.name, g.contact_type,
        -- Read only with students.contact_details, the one option that writes it.
        iif(o.students_contact_details, g.relationship, null) as relationship,
        iif(o.students_contact_details and not g.relationship_is_mapped, g.relationship_raw, null)
            as relationship_unmapped,
        g.email, g.contact_id, g.phone_1_raw, g.phone_2_raw, g.phone_3_raw,
        g.phone_1_type, g.phone_2_type, g.phone_3_type,
        case
            when g.phone_1_raw is not null then 1
            when g.phone_2_raw is not null then 2
            when g.phone_3_raw is not null then 3
        end as first_slot
    from stg_guardians g
    cross join run_options o
    where not o.students_hide_contacts
        and (o.students_custody_issue_guardians or not g.custody_issue)
        and (o.students_all_guardians or g.guardian_number = 1)
        and g.student_id in (select student_id from student_placements where left_out_because is null)
),
-- Only with dedupe_guardian_phones: each student's contacts numbered 1, 2, 3 ... in order, with
-- the digits of each of their phones.
ranked as materialized (
    select
        e.student_id, e.guardian_number, e.first_slot,
        (select p.digits from stg_phone_numbers p
         where p.owner = 'guardian' and p.source_row = e.source_row and p.slot = 1) as digits_1,
        (select p.digits from stg_phone_numbers p
         where p.owner = 'guardian' and p.source_row = e.source_row and p.slot = 2) as digits_2,
        (select p.digits from stg_phone_numbers p
         where p.owner = 'guardian' and p.source_row = e.source_row and p.slot = 3) as digits_3,
        row_number() over (partition by e.student_id order by e.guardian_number) as n
    from run_options o
    cross join eligible e
    where o.students_dedupe_guardian_phones
),
-- Walks each student's contacts in order, carrying the digits already written (",d1,d2,").
deduped (student_id, guardian_number, n, slot, written) as (
    select student_id, guardian_number, n, first_slot,
        ',' || coalesce(case first_slot when 1 then digits_1 when 2 then digits_2 when 3 then digits_3 end, '') || ','
    from ranked
    where n = 1
    union all
    select r.student_id, r.guardian_number, r.n,
        case
            when r.digits_1 is not null and instr(d.written, ',' || r.digits_1 || ',') = 0 then 1
            when r.digits_2 is not null and instr(d.written, ',' || r.digits_2 || ',') = 0 then 2
            when r.digits_3 is not null and instr(d.written, ',' || r.digits_3 || ',') = 0 then 3
            else r.first_slot
        end,
        d.written || coalesce(case
            when r.digits_1 is not null and instr(d.written, ',' || r.digits_1 || ',') = 0 then r.digits_1
            when r.digits_2 is not null and instr(d.written, ',' || r.digits_2 || ',') = 0 then r.digits_2
            when r.digits_3 is not null and instr(d.written, ',' || r.digits_3 || ',') = 0 then r.digits_3
            else case r.first_slot when 1 then r.digits_1 when 2 then r.digits_2 when 3 then r.digits_3 end
        end, '') || ','
    from deduped d
    join ranked r on r.student_id = d.student_id and r.n = d.n + 1
),
chosen as (
    select e.*, coalesce(d.slot, e.first_slot) as slot
    from eligible e
    left join deduped d on d.student_id = e.student_id and d.guardian_number = e.guardian_number
),
-- A lookup per contact, by row and slot: a join would read the compound view whole.
phoned as (
    select c.*,
        (select p.phone from stg_phone_numbers p
         where p.owner = 'guardian' and p.source_row = c.source_row and p.slot = c.slot) as phone
    from chosen c
),
final as (
    select
        student_id,
        guardian_number as contact_rank,
        name as contact_name,
        contact_type,
        phone as contact_phone,
        -- The type of the phone chosen; clever_students writes it only beside a phone.
        case slot when 1 then phone_1_type when 2 then phone_2_type when 3 then phone_3_type end
            as contact_phone_type,
        email as contact_email,
        relationship as contact_relationship,
        relationship_unmapped as contact_relationship_unmapped,
        contact_id as contact_sis_id,
        case slot when 1 then phone_1_raw when 2 then phone_2_raw when 3 then phone_3_raw end
            as contact_phone_raw
    from phoned
)
select * from final;
create index student_contacts_1 on student_contacts (student_id, contact_rank);
