-- stg_staff: staff.csv cleaned; flags typed, status defaulted to ACTIVE. source_row is the row's
-- place in staff.csv (its rowid).
-- reads: staff, flag_words
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
        is_teacher,
        is_administrator,
        department_code,
        coalesce(upper(nullif(status, '')), 'ACTIVE') as status
    from staff
),
final as (
    select
        source_row, staff_id, last_name, first_name, middle_name, teacher_number, state_id, email, logon,
        title,
        coalesce((select f.flag from flag_words f where f.word = lower(is_teacher)), 0) as is_teacher,
        coalesce((select f.flag from flag_words f where f.word = lower(is_administrator)), 0) as is_administrator,
        department_code,
        status = 'ACTIVE' as is_active
    from typed
)
select * from final;
