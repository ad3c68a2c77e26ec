-- check_duplicate_ids: IDs Clever requires to be unique; it keeps the first row and reports
-- "not unique". A teacher repeated by teachers.row_per_school is a warning (Clever keeps the
-- first row, the teacher still teaches everywhere).
create view check_duplicate_ids as
with duplicates as (
    select 'error' as severity, 'schools' as file, 'School_id ' || School_id as record, count(*) as copies
    from clever_schools group by School_id having count(*) > 1
    union all
    select 'error', 'sections', 'Section_id ' || Section_id, count(*)
    from clever_sections group by Section_id having count(*) > 1
    union all
    select 'error', 'staff', 'Staff_id ' || Staff_id || ' at ' || School_id, count(*)
    from clever_staff group by Staff_id, School_id having count(*) > 1
    union all
    select 'warning', 'teachers', 'Teacher_id ' || Teacher_id, count(*)
    from clever_teachers group by Teacher_id having count(*) > 1
    union all
    -- A student's rows may differ only in their Contact_* columns.
    select 'error', 'students', 'Student_id ' || Student_id, count(*)
    from (
        select distinct School_id, Student_id, Student_number, State_id, Last_name, Middle_name,
            First_name, Gender, Dob, Grade, Race, Hispanic_Latino, Frl_status, Iep_status,
            Student_zip, Student_email, Username, Password
        from clever_students
    )
    group by Student_id having count(*) > 1
),
final as (
    select severity, 'duplicate_id' as code, file, record,
        'appears in ' || copies || ' different rows; Clever keeps only the first' as message
    from duplicates
)
select * from final;
