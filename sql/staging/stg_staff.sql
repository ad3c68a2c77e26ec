-- stg_staff: staff.csv cleaned; flags typed, status defaulted to ACTIVE. source_row is the row's
-- place in staff.csv (its rowid).
-- reads: staff
create view stg_staff as
with typed as (
    select
        rowid as source_row,
        staff_id,
        last_name,
        first_name,
        middle_name,
        teacher_number,
        state_id,
        email,
        logon,
        title,
        upper(is_teacher) as is_teacher,
        upper(is_administrator) as is_administrator,
        department_code,
        coalesce(upper(nullif(status, '')), 'ACTIVE') as status
    from staff
),
final as (
    select
        source_row, staff_id, last_name, first_name, middle_name, teacher_number, state_id, email, logon,
        title,
        is_teacher in ('Y', 'YES', '1', 'TRUE') as is_teacher,
        is_administrator in ('Y', 'YES', '1', 'TRUE') as is_administrator,
        department_code,
        status = 'ACTIVE' as is_active
    from typed
)
select * from final;
