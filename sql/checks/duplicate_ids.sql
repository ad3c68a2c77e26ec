-- check_duplicate_ids: IDs Clever requires to be unique; it keeps the first row and reports
-- "not unique". A teacher repeated by teachers.row_per_school is a warning (Clever keeps the
-- first row, the teacher still teaches everywhere).
-- reads: clever_schools, clever_sections, clever_staff, clever_students, clever_teachers
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
    -- A student's rows may differ only in their Contact_* columns: the students with more than
    -- one row are found first (in the order of the index on student_id, without a sort), and
    -- only their rows are compared.
    select 'error', 'students', 'Student_id ' || Student_id, count(*)
    from (
        select distinct s.School_id, s.Student_id, s.Student_number, s.State_id, s.Last_name,
            s.Middle_name, s.First_name, s.Gender, s.Dob, s.Grade, s.Race, s.Hispanic_Latino,
            s.Frl_status, s.Iep_status, s.Student_zip, s.Student_email, s.Username, s.Password
        from (select Student_id from clever_students group by Student_id having count(*) > 1) m
        join clever_students s on s.Student_id is m.Student_id
    )
    group by Student_id having count(*) > 1
),
final as (
    select severity, 'duplicate_id' as code, file, record,
        'appears in ' || copies || ' different rows; Clever keeps only the first' as message
    from duplicates
)
select * from final;
