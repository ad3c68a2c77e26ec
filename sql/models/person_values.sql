-- person_values: every value an option can name as the source of a student's or a staff
-- member's username, password, e-mail or number (docs/options.md), one row per person, source
-- and value: person is student or staff, id their student_id or staff_id. Sources with nothing to
-- give (blank) have no rows, so the value is empty. The staff sources that read the written
-- e-mail (email, email_local_part) are in staff_logins. A new source is one more line here and
-- its name in OptionCatalog.
-- A view: a person's value of one source is looked up by person, id and source, and SQLite reads
-- only that source's line (each line reads one table, so the lookup goes into it). Every value
-- is cast as text so that all lines have one affinity, without which SQLite reads them all.
-- reads: stg_students, stg_student_user_texts, stg_staff, stg_staff_user_texts, staff_initial_names, run_options
drop view if exists person_values;
create view person_values as
with sourced as (
    select 'student' as person, student_id as id, 'student_id' as source, cast(student_id as text) as value from stg_students
    union all select 'student', student_id, 'student_number', cast(student_number as text) from stg_students
    union all select 'student', student_id, 'state_id', cast(state_id as text) from stg_students
    union all select 'student', student_id, 'sis', cast(email as text) from stg_students
    union all select 'student', student_id, 'email_local_part', cast(substr(email, 1, instr(email || '@', '@') - 1) as text) from stg_students
    union all select 'student', student_id, 'birth_date', cast(replace(birth_date_us, '/', '') as text) from stg_students
    union all select 'student', student_id, 'custom', cast((select students_password_text from run_options) as text) from stg_students
    union all select 'student', student_id, 'user_text:' || field, cast(value as text) from stg_student_user_texts
    union all select 'staff', staff_id, 'staff_id', cast(staff_id as text) from stg_staff
    union all select 'staff', staff_id, 'sis', cast(email as text) from stg_staff
    union all select 'staff', staff_id, 'logon', cast(logon as text) from stg_staff
    union all select 'staff', staff_id, 'teacher_number', cast(teacher_number as text) from stg_staff
    union all select 'staff', staff_id, 'state_id', cast(state_id as text) from stg_staff
    union all select 'staff', staff_id, 'first_initial_last_name', cast(first_initial_last_name as text) from staff_initial_names
    union all select 'staff', staff_id, 'custom', cast((select staff_password_text from run_options) as text) from stg_staff
    union all select 'staff', staff_id, 'user_text:' || field, cast(value as text) from stg_staff_user_texts
),
final as (
    select person, id, source, value from sourced
)
select * from final;
