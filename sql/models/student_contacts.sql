-- student_contacts: the contact rows of each exported student (contact_rank = guardian_number).
-- Which guardians: guardian 1 alone, or every guardian in guardian_number order
-- (all_guardians); never one with a custody issue unless custody_issue_guardians; none at all
-- with hide_contacts. Contact_phone: the first non-empty of phone_1..phone_3; with
-- dedupe_guardian_phones, the first whose digits differ from every earlier contact's phone of
-- the same student, else the first. Written as digits only, when there are 10 or 11;
-- contact_phone_raw keeps the chosen phone as the extract has it, for the checks.
-- Built on the other core while the writer builds the section and enrollment models (no other
-- model reads it), then copied in: see SQLCatalog.modelsBuiltAlongside.
drop table if exists student_contacts;
create table student_contacts as
-- Materialized so each phone's digits are computed once: only the first phone's, unless
-- dedupe_guardian_phones needs all three.
with eligible as materialized (
    select
        g.student_id, g.guardian_number, g.name, g.contact_type, g.relationship, g.email,
        g.contact_id, g.phone_1_raw, g.phone_2_raw, g.phone_3_raw,
        g.phone_1_type, g.phone_2_type, g.phone_3_type,
        case
            when g.phone_1_raw is not null then 1
            when g.phone_2_raw is not null then 2
            when g.phone_3_raw is not null then 3
        end as first_slot,
        iif(o.students_dedupe_guardian_phones, g.phone_1_digits, null) as phone_1_digits,
        iif(o.students_dedupe_guardian_phones, g.phone_2_digits, null) as phone_2_digits,
        iif(o.students_dedupe_guardian_phones, g.phone_3_digits, null) as phone_3_digits,
        iif(o.students_dedupe_guardian_phones, null,
            coalesce(g.phone_1_digits, g.phone_2_digits, g.phone_3_digits)) as first_phone_digits
    from stg_guardians g
    cross join run_options o
    where not o.students_hide_contacts
        and (o.students_custody_issue_guardians or not g.custody_issue)
        and (o.students_all_guardians or g.guardian_number = 1)
        and g.student_id in (select student_id from export_students)
),
-- The digits of each contact's first phone: from the three already cleaned when they were
-- all needed, else cleaned alone. Read twice but not stored again: it only adds a coalesce.
with_first as not materialized (
    select e.*,
        coalesce(e.first_phone_digits, e.phone_1_digits, e.phone_2_digits, e.phone_3_digits) as first_digits
    from eligible e
),
-- Only with dedupe_guardian_phones: each student's contacts numbered 1, 2, 3 ... in order.
ranked as materialized (
    select
        e.student_id, e.guardian_number, e.first_slot, e.first_digits,
        e.phone_1_raw, e.phone_2_raw, e.phone_3_raw,
        e.phone_1_digits, e.phone_2_digits, e.phone_3_digits,
        row_number() over (partition by e.student_id order by e.guardian_number) as n
    from run_options o
    cross join with_first e
    where o.students_dedupe_guardian_phones
),
-- Walks each student's contacts in order, carrying the phone digits already written.
deduped (student_id, guardian_number, n, slot, written) as (
    select student_id, guardian_number, n, first_slot, ',' || coalesce(first_digits, '') || ','
    from ranked
    where n = 1
    union all
    select r.student_id, r.guardian_number, r.n,
        case
            when r.phone_1_raw is not null and instr(d.written, ',' || r.phone_1_digits || ',') = 0 then 1
            when r.phone_2_raw is not null and instr(d.written, ',' || r.phone_2_digits || ',') = 0 then 2
            when r.phone_3_raw is not null and instr(d.written, ',' || r.phone_3_digits || ',') = 0 then 3
            else r.first_slot
        end,
        d.written || coalesce(case
            when r.phone_1_raw is not null and instr(d.written, ',' || r.phone_1_digits || ',') = 0 then r.phone_1_digits
            when r.phone_2_raw is not null and instr(d.written, ',' || r.phone_2_digits || ',') = 0 then r.phone_2_digits
            when r.phone_3_raw is not null and instr(d.written, ',' || r.phone_3_digits || ',') = 0 then r.phone_3_digits
            else r.first_digits
        end, '') || ','
    from deduped d
    join ranked r on r.student_id = d.student_id and r.n = d.n + 1
),
-- The chosen phone of each contact: its raw text, digits and type.
chosen as (
    select
        s.student_id, s.guardian_number, s.name, s.contact_type, s.email, s.relationship,
        s.contact_id,
        case coalesce(d.slot, s.first_slot)
            when 1 then s.phone_1_raw when 2 then s.phone_2_raw when 3 then s.phone_3_raw
        end as phone_raw,
        case d.slot
            when 1 then s.phone_1_digits when 2 then s.phone_2_digits when 3 then s.phone_3_digits
            else s.first_digits
        end as digits,
        case coalesce(d.slot, s.first_slot)
            when 1 then s.phone_1_type when 2 then s.phone_2_type when 3 then s.phone_3_type
        end as phone_type
    from with_first s
    left join deduped d on d.student_id = s.student_id and d.guardian_number = s.guardian_number
),
-- Digits only, as the extract spec says: the common punctuation is already gone (stg_guardians);
-- the rare phone with anything else ("973_555_1234", "Cell: 973 555 1234") is read character by
-- character (positions).
digits_only as (
    select c.*,
        case when c.digits glob '*[^0-9]*' then
            (select group_concat(ch, '') from (select substr(c.digits, p.n, 1) as ch from positions p
                where p.n <= length(c.digits) order by p.n) where ch glob '[0-9]')
        else c.digits end as all_digits
    from chosen c
),
valid as (
    select c.*,
        case when length(c.all_digits) in (10, 11) then c.all_digits end as phone
    from digits_only c
),
final as (
    select
        student_id,
        guardian_number as contact_rank,
        name as contact_name,
        contact_type,
        phone as contact_phone,
        iif(phone is null, null, phone_type) as contact_phone_type,
        email as contact_email,
        relationship as contact_relationship,
        contact_id as contact_sis_id,
        phone_raw as contact_phone_raw
    from valid
)
select * from final;
create index student_contacts_1 on student_contacts (student_id, contact_rank);
