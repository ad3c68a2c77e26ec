-- check_extract_guardian_phones: the guardian phones written as contact phones that could not
-- be read (not 10 or 11 digits once punctuation is dropped): written empty.
-- reads: student_contacts
create view check_extract_guardian_phones as
with emptied as (
    select 'guardians.csv' as file, 'student ' || student_id || ' guardian ' || contact_rank as record,
        'phone "' || contact_phone_raw || '" is not 10 or 11 digits; written empty' as message
    from student_contacts
    where contact_phone_raw is not null and contact_phone is null
),
final as (
    select distinct 'warning' as severity, 'value_unreadable' as code, file, record, message from emptied
)
select * from final;
