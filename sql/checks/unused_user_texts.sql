-- check_unused_user_texts: an option naming user_text:FIELD (or a school override field) that
-- no row of the user-text files has: probably a typo, and every value comes out empty.
create view check_unused_user_texts as
with named as (
    select 'students.username' as option, student_username as source, 'student' as kind from run_options
    union all select 'students.password', student_password, 'student' from run_options
    union all select 'students.email', student_email, 'student' from run_options
    union all select 'students.school_override_user_text', 'user_text:' || school_override_user_text, 'student'
        from run_options where school_override_user_text <> ''
    union all select 'teachers.username', teacher_username, 'staff' from run_options
    union all select 'teachers.email', teacher_email, 'staff' from run_options
    union all select 'staff.username', staff_username, 'staff' from run_options
    union all select 'staff.password', staff_password, 'staff' from run_options
),
final as (
    select 'warning' as severity, 'user_text_unused' as code, 'config' as file, n.option as record,
        'no row of ' || n.kind || '_user_texts.csv has field "' || substr(n.source, 11) || '"; every value is empty' as message
    from named n
    where n.source like 'user_text:%'
        and not exists (
            select 1 from stg_student_user_texts u where n.kind = 'student' and u.field = substr(n.source, 11))
        and not exists (
            select 1 from stg_staff_user_texts u where n.kind = 'staff' and u.field = substr(n.source, 11))
)
select * from final;
