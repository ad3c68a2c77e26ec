-- email_addresses: the e-mail a student or staff member would be written with for each source
-- (person_values) their e-mail option may name (students.email, teachers.email): the source's
-- value, with the suffix (students.email_suffix, teachers.email_suffix) appended to a value that
-- has no '@', after an '@' when the suffix does not start with one.
-- A view: an address is looked up by person, id and source, like person_values.
-- reads: person_values, run_options
drop view if exists email_addresses;
create view email_addresses as
with suffixed as (
    select
        person,
        id,
        source,
        nullif(value, '') as value,
        case person
            when 'student' then (select students_email_suffix from run_options)
            else (select teachers_email_suffix from run_options)
        end as suffix
    from person_values
),
final as (
    select
        person,
        id,
        source,
        case
            when value is null or instr(value, '@') > 0 or coalesce(suffix, '') = '' then value
            when suffix like '@%' then value || suffix
            else value || '@' || suffix
        end as email
    from suffixed
)
select * from final;
