-- value_sources: the value sources the options name, for each kind of person: students.username,
-- students.password and students.email for students (student_values); teachers.email,
-- teachers.number, teachers.username, staff.username and staff.password for staff
-- (staff_values). Each source once a person, so that two options naming one source give a
-- person one value row, not two.
-- A table: the values views are read inside per-row lookups, where SQLite would compute a CTE
-- again for every row.
-- reads: export_option
drop table if exists value_sources;
create table value_sources as
with named as (
    select iif(key like 'students.%', 'student', 'staff') as person, value as source
    from export_option
    where key in (
        'students.username', 'students.password', 'students.email',
        'teachers.email', 'teachers.number', 'teachers.username', 'staff.username', 'staff.password')
),
final as (
    select distinct person, source from named
)
select * from final;
