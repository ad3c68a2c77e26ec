-- email_addresses: the e-mail a student or staff member would be written with for each source
-- their e-mail option may name (students.email: student_values; teachers.email: staff_values):
-- the source's value, with the suffix (students.email_suffix, teachers.email_suffix) appended to
-- a value that has no '@', after an '@' when the suffix does not start with one.
-- A view: student_logins and staff_logins look it up by person and row, as they do the values.
-- reads: student_values, staff_values, run_options
drop view if exists email_addresses;
create view email_addresses as
with sourced as (
    select
        'student' as person, source_row, source, nullif(value, '') as value,
        (select students_email_suffix from run_options) as suffix
    from student_values
    union all
    select
        'staff', source_row, source, nullif(value, ''),
        (select teachers_email_suffix from run_options)
    from staff_values
),
final as (
    select
        person,
        source_row,
        source,
        -- An empty value is NULL (sourced), and stays so.
        value || iif(
            instr(value, '@') > 0, '',
            case when coalesce(suffix, '') = '' then '' when suffix like '@%' then suffix else '@' || suffix end)
            as email
    from sourced
)
select * from final;
