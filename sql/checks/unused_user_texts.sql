-- check_unused_user_texts: an option naming user_text:FIELD (or a school override field) that
-- no row of the user-text files has: probably a typo, and every value comes out empty.
-- reads: export_option, stg_student_user_texts, stg_staff_user_texts
create view check_unused_user_texts as
with named as (
    select
        key as option,
        case when key = 'students.school_override_user_text' then value else substr(value, 11) end as field,
        case when key like 'students.%' then 'student' else 'staff' end as kind
    from export_option
    where value like 'user_text:_%' or (key = 'students.school_override_user_text' and value <> '')
),
final as (
    select 'warning' as severity, 'user_text_unused' as code, 'config' as file, n.option as record,
        'no row of ' || n.kind || '_user_texts.csv has field "' || n.field || '"; every value is empty' as message
    from named n
    where not exists (
            select 1 from stg_student_user_texts u where n.kind = 'student' and u.field = n.field)
        and not exists (
            select 1 from stg_staff_user_texts u where n.kind = 'staff' and u.field = n.field)
)
select * from final;
