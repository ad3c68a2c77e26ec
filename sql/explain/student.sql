-- explain/student.sql: why student ?1 is or is not in students.csv, from the last run's tables,
-- then what the last run's checks said of the student.
with placement as (select * from student_placements where student_id = ?1),
lines (n, line) as (
    select 1, 'student ' || ?1 || ' is not in the extract''s students.csv'
    where not exists (select 1 from placement)
    union all
    select 2, 'student ' || ?1 || ' is left out: ' || left_out_because
    from placement where left_out_because is not null
    union all
    select 3, 'student ' || ?1 || ' is exported with School_id ' || s.school_id || ', Grade ' || coalesce(s.grade, '')
        || ', Username ' || coalesce(s.username, '(empty)')
    from export_students s where s.student_id = ?1
    union all
    select 4, '  contact ' || contact_rank || ': ' || coalesce(contact_name, '(no name)') || ', phone '
        || coalesce(contact_phone, '(none)')
    from student_contacts where student_id = ?1
    union all
    select 5, '  no contact row: guardian 1 is missing, has a custody issue, or contacts are hidden'
    where exists (select 1 from export_students where student_id = ?1)
        and not exists (select 1 from student_contacts where student_id = ?1)
    union all
    select 6, '  enrolled in ' || Section_id from clever_enrollments where Student_id = ?1
    union all
    select 7, '  enrollment in ' || e.school_code || '-' || e.course_code || '-' || e.section || ' is not active on '
        || e.as_of || ' (start ' || coalesce(e.start_date, 'open') || ', end ' || coalesce(e.end_date, 'open') || ')'
    from enrollment_activity e
    where e.student_id = ?1 and not e.is_active
        and exists (select 1 from export_students where student_id = ?1)
    union all
    -- What the last run's checks said of it: exported is not enough if Clever drops the row.
    select 8, '  ' || f.severity || ': ' || f.file || ': ' || f.message
    from run_finding f
    where f.run_id = (select max(run_id) from run) and (f.record in ('Student_id ' || ?1, 'student ' || ?1) or f.record like 'student ' || ?1 || ' %')
)
select line from lines order by n, line;
