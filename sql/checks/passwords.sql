-- check_passwords: passwords anyone could guess: taken from IDs or birth dates, or one
-- custom text shared by everyone. Clever accepts them; the warning is for the district.
-- reads: run_options
create view check_passwords as
with guessable as (
    select 'students' as file, 'students.password' as option, students_password as source
    from run_options
    where students_password in ('student_id', 'student_number', 'state_id', 'birth_date', 'custom')
    union all
    select 'staff', 'staff.password', staff_password
    from run_options
    where staff_password in ('staff_id', 'email', 'first_initial_last_name', 'custom')
    union all
    select 'teachers', 'teachers.password_text', 'custom'
    from run_options
    where teachers_password_text <> ''
),
final as (
    select 'warning' as severity, 'guessable_password' as code, file, option as record,
        case source when 'custom' then 'every row gets the same password'
            else 'passwords are the ' || replace(source, '_', ' ') || ', which others can find out' end
            || '; prefer Clever''s own login or a user_text:FIELD holding real passwords' as message
    from guessable
)
select * from final;
