-- student_logins: each exported student's Username, Password and Student_email, each from the
-- source its option names (docs/options.md: students.username, students.password,
-- students.email): student_values, and email_addresses for the e-mail. students.email =
-- "username" takes the username's source; students.username_suffix is appended to a username.
-- A model of its own, beside export_students: it can be built on the other core while the
-- enrollments are built.
-- reads: export_students, student_values, email_addresses, run_options
drop table if exists student_logins;
create table student_logins as
-- Every student has a row for each source an option names, so the joins keep every student.
with final as (
    select
        s.student_id,
        nullif(u.value, '') || coalesce(o.students_username_suffix, '') as username,
        nullif(p.value, '') as password,
        e.email
    from export_students s
    cross join run_options o
    join student_values u on u.source_row = s.source_row and u.source = o.students_username
    join student_values p on p.source_row = s.source_row and p.source = o.students_password
    join email_addresses e
        on e.person = 'student' and e.source_row = s.source_row
        and e.source = iif(o.students_email = 'username', o.students_username, o.students_email)
)
select * from final;
create index student_logins_1 on student_logins (student_id);
