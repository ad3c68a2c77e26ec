-- staff_logins: per active staff member, the e-mail, usernames, password and number that
-- teachers.csv, staff.csv and admins.csv write, each from the source its option names
-- (docs/options.md): Teacher_email from teachers.email (email_addresses); teachers.username,
-- staff.username, staff.password and teachers.number from staff_values, except the two sources
-- that read that e-mail as written: email, and email_local_part (its part before '@').
-- reads: stg_staff, staff_values, email_addresses, run_options
drop table if exists staff_logins;
create table staff_logins as
-- Every staff member has a row for each source an option names, so the joins keep everyone.
with written as (
    select
        s.staff_id,
        e.email,
        substr(e.email, 1, instr(e.email || '@', '@') - 1) as email_local_part,
        tu.value as teacher_username_value,
        su.value as staff_username_value,
        sp.value as staff_password_value,
        tn.value as teacher_number,
        o.teachers_username, o.staff_username, o.staff_password
    from stg_staff s
    cross join run_options o
    join email_addresses e on e.person = 'staff' and e.source_row = s.source_row and e.source = o.teachers_email
    join staff_values tu on tu.source_row = s.source_row and tu.source = o.teachers_username
    join staff_values su on su.source_row = s.source_row and su.source = o.staff_username
    join staff_values sp on sp.source_row = s.source_row and sp.source = o.staff_password
    join staff_values tn on tn.source_row = s.source_row and tn.source = o.teachers_number
    where s.is_active
),
final as (
    select
        staff_id,
        email,
        nullif(case teachers_username
            when 'email' then email when 'email_local_part' then email_local_part else teacher_username_value
        end, '') as teacher_username,
        nullif(case staff_username
            when 'email' then email when 'email_local_part' then email_local_part else staff_username_value
        end, '') as staff_username,
        nullif(case staff_password when 'email' then email else staff_password_value end, '') as staff_password,
        nullif(teacher_number, '') as teacher_number
    from written
)
select * from final;
create index staff_logins_1 on staff_logins (staff_id);
