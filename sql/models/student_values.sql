-- student_values: the value each source gives a student, for the sources the [students] options
-- name (value_sources), one row per student and source. One line per source below: a new source is one more line and its name in
-- OptionCatalog. A source with nothing to give (blank) has no line, so its value is empty.
-- A view: student_logins joins it by row, and SQLite reads it in the same pass.
-- reads: stg_students, stg_student_user_texts, value_sources, export_option
drop view if exists student_values;
create view student_values as
with final as (
    select
        s.source_row,
        s.student_id,
        n.source,
        case
            when n.source = 'student_id' then s.student_id
            when n.source = 'student_number' then s.student_number
            when n.source = 'state_id' then s.state_id
            when n.source = 'sis' then s.email
            when n.source = 'email_local_part' then substr(s.email, 1, instr(s.email || '@', '@') - 1)
            when n.source = 'birth_date' then replace(s.birth_date_us, '/', '')
            when n.source = 'custom' then (select value from export_option where key = 'students.password_text')
            when n.source like 'user_text:%' then
                (select u.value from stg_student_user_texts u
                 where u.student_id = s.student_id and u.field = substr(n.source, 11))
        end as value
    from stg_students s
    cross join value_sources n
    where n.person = 'student'
)
select * from final;
