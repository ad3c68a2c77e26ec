-- run_option_lists: the list options (export.schools, students.iep_inactive_values,
-- staff.departments, staff.exclude_roles, sections.exclude_courses), one row per item, trimmed,
-- with a lower-cased copy for the rules that ignore case. A table, so each list is read once
-- per query instead of once per row.
-- reads: export_option
drop table if exists run_option_lists;
create table run_option_lists as
with final as (
    select o.key, trim(j.value) as value, lower(trim(j.value)) as lower_value
    from export_option o, json_each(o.value) j
    where json_valid(o.value) and json_type(o.value) = 'array'
)
select * from final;
create index run_option_lists_1 on run_option_lists (key, value);
