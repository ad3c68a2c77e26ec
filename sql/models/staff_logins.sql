-- staff_logins: per active staff member, the e-mail, usernames, password and number that
-- teachers.csv, staff.csv and admins.csv write, each from the source its option names
-- (docs/options.md): Teacher_email from teachers.email (email_addresses); teachers.username,
-- staff.username, staff.password and teachers.number from person_values, except the two
-- sources that read that e-mail as written: email, and email_local_part (its part before '@').
-- reads: email_addresses, person_values, run_options, stg_staff
drop table if exists staff_logins;
create table staff_logins as
with written as (
    select
        s.staff_id,
        (select e.email from email_addresses e
         where e.person = 'staff' and e.id = s.staff_id and e.source = o.teachers_email) as email
    from stg_staff s
    cross join run_options o
    where s.is_active
),
-- The option values, with the written e-mail's two sources read here.
login_sources as (
    select w.*, o.teachers_username, o.staff_username, o.staff_password, o.teachers_number,
        substr(w.email, 1, instr(w.email || '@', '@') - 1) as email_local_part
    from written w
    cross join run_options o
),
final as (
    select
        l.staff_id,
        l.email,
        nullif(case l.teachers_username
            when 'email' then l.email when 'email_local_part' then l.email_local_part
            else (select v.value from person_values v
                  where v.person = 'staff' and v.id = l.staff_id and v.source = l.teachers_username)
        end, '') as teacher_username,
        nullif(case l.staff_username
            when 'email' then l.email when 'email_local_part' then l.email_local_part
            else (select v.value from person_values v
                  where v.person = 'staff' and v.id = l.staff_id and v.source = l.staff_username)
        end, '') as staff_username,
        nullif(case l.staff_password
            when 'email' then l.email
            else (select v.value from person_values v
                  where v.person = 'staff' and v.id = l.staff_id and v.source = l.staff_password)
        end, '') as staff_password,
        nullif((select v.value from person_values v
            where v.person = 'staff' and v.id = l.staff_id and v.source = l.teachers_number), '') as teacher_number
    from login_sources l
)
select * from final;
create index staff_logins_1 on staff_logins (staff_id);
