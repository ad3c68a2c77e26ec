-- check_option_values: list options that name a school or department the extract does not have.
-- A typo there (export.schools = ["10"] for "010") would leave that school's people out of
-- every file without a word, so it is an error: fix the option or the extract.
-- reads: run_option_lists, stg_schools, stg_staff
create view check_option_values as
with unknown as (
    select 'export.schools' as key, l.value
    from run_option_lists l
    where l.key = 'export.schools' and l.value not in (select school_code from stg_schools)
    union all
    select 'staff.departments', l.value
    from run_option_lists l
    where l.key = 'staff.departments' and l.value not in (select department_code from stg_staff)
),
final as (
    select 'error' as severity, 'unknown_option_value' as code, 'config' as file,
        key as record,
        '"' || value || '" is not in the extract (' || case key when 'export.schools' then 'schools.csv'
            else 'staff.csv department_code' end || '); nothing would be exported for it' as message
    from unknown
)
select * from final;
