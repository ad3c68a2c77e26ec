-- stg_staff: staff.csv cleaned; flags typed, status defaulted to ACTIVE.
create view stg_staff as
with trimmed as (
    select
        trim(staff_id) as staff_id,
        trim(last_name) as last_name,
        trim(first_name) as first_name,
        trim(middle_name) as middle_name,
        trim(teacher_number) as teacher_number,
        trim(state_id) as state_id,
        trim(email) as email,
        trim(logon) as logon,
        trim(title) as title,
        upper(trim(is_teacher)) as is_teacher,
        upper(trim(is_administrator)) as is_administrator,
        trim(department_code) as department_code,
        coalesce(upper(nullif(trim(status), '')), 'ACTIVE') as status
    from staff
),
final as (
    select
        staff_id, last_name, first_name, middle_name, teacher_number, state_id, email, logon,
        title,
        is_teacher in ('Y', 'YES', '1', 'TRUE') as is_teacher,
        is_administrator in ('Y', 'YES', '1', 'TRUE') as is_administrator,
        department_code,
        status = 'ACTIVE' as is_active
    from trimmed
)
select * from final;
