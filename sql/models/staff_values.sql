-- staff_values: the value each source gives a staff member, for the sources the staff options
-- name (value_sources), one row per staff member and source. One line per source below: a new source
-- is one more line and its name in OptionCatalog. The two sources that read the e-mail as written
-- (email, email_local_part) come after it, in staff_logins.
-- A view: staff_logins joins it by row, and SQLite reads it in the same pass.
-- reads: stg_staff, stg_staff_user_texts, staff_initial_names, value_sources, export_option
drop view if exists staff_values;
create view staff_values as
with final as (
    select
        s.source_row,
        s.staff_id,
        n.source,
        case
            when n.source = 'staff_id' then s.staff_id
            when n.source = 'sis' then s.email
            when n.source = 'logon' then s.logon
            when n.source = 'teacher_number' then s.teacher_number
            when n.source = 'state_id' then s.state_id
            when n.source = 'first_initial_last_name' then
                (select i.first_initial_last_name from staff_initial_names i where i.staff_id = s.staff_id)
            when n.source = 'custom' then (select value from export_option where key = 'staff.password_text')
            when n.source like 'user_text:%' then
                (select u.value from stg_staff_user_texts u
                 where u.staff_id = s.staff_id and u.field = substr(n.source, 11))
        end as value
    from stg_staff s
    cross join value_sources n
    where n.person = 'staff'
)
select * from final;
