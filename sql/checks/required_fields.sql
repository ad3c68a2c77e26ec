-- check_required_fields: rows missing a field Clever requires; Clever drops such a row.
-- reads: clever_schools, clever_sections, clever_staff, clever_students, clever_teachers
create view check_required_fields as
with missing as (
    select 'schools' as file, 'School_id ' || coalesce(School_id, '?') as record,
        case when coalesce(School_id, '') = '' then 'School_id' when coalesce(School_name, '') = '' then 'School_name'
            when coalesce(School_number, '') = '' then 'School_number' end as field
    from clever_schools
    union all
    select 'students', 'Student_id ' || coalesce(Student_id, '?'),
        case when coalesce(School_id, '') = '' then 'School_id' when coalesce(Student_id, '') = '' then 'Student_id'
            when coalesce(Last_name, '') = '' then 'Last_name' when coalesce(First_name, '') = '' then 'First_name' end
    from clever_students
    union all
    select 'teachers', 'Teacher_id ' || coalesce(Teacher_id, '?'),
        case when coalesce(School_id, '') = '' then 'School_id' when coalesce(Teacher_id, '') = '' then 'Teacher_id'
            when coalesce(Last_name, '') = '' then 'Last_name' when coalesce(First_name, '') = '' then 'First_name' end
    from clever_teachers
    union all
    select 'sections', 'Section_id ' || coalesce(Section_id, '?'),
        case when coalesce(School_id, '') = '' then 'School_id' when coalesce(Section_id, '') = '' then 'Section_id'
            when coalesce(Teacher_id, '') = '' then 'Teacher_id' end
    from clever_sections
    union all
    select 'staff', 'Staff_id ' || coalesce(Staff_id, '?'),
        case when coalesce(School_id, '') = '' then 'School_id' when coalesce(Staff_id, '') = '' then 'Staff_id'
            when coalesce(Staff_email, '') = '' then 'Staff_email'
            when coalesce(Last_name, '') = '' then 'Last_name' when coalesce(First_name, '') = '' then 'First_name' end
    from clever_staff
),
final as (
    select distinct 'error' as severity, 'required_field_missing' as code, file, record,
        field || ' is empty; Clever drops this row' as message
    from missing
    where field is not null
)
select * from final;
