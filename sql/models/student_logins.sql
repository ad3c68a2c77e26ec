-- student_logins: each student's Username, Password and Student_email, each from the source its
-- option names (docs/options.md: students.username, students.password, students.email):
-- student_values, and email_addresses for the e-mail. students.email = "username" takes the
-- username's source; students.username_suffix is appended to a username.
-- A view by the student's row (source_row): export_students reads it in its own pass.
-- reads: stg_students, student_values, email_addresses, run_options
drop view if exists student_logins;
create view student_logins as
-- Every student has a row for each source an option names, so the joins keep every student.
with final as (
    select
        s.source_row,
        nullif(u.value, '') || coalesce(o.students_username_suffix, '') as username,
        nullif(p.value, '') as password,
        e.email
    from stg_students s
    cross join run_options o
    join student_values u on u.source_row = s.source_row and u.source = o.students_username
    join student_values p on p.source_row = s.source_row and p.source = o.students_password
    -- Joined: SQLite flattens email_addresses' UNION ALL into this pass (0.35 s less at 1M than
    -- a lookup per student); a count() over this view would list every e-mail first.
    join email_addresses e on e.person = 'student' and e.source_row = s.source_row
        and e.source = iif(o.students_email = 'username', o.students_username, o.students_email)
)
select * from final;
