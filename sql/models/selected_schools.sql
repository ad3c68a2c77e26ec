-- selected_schools: the schools this run exports (export.schools; an empty list means all).
drop table if exists selected_schools;
create table selected_schools as
with final as (
    select s.*
    from stg_schools s
    cross join run_options o
    where coalesce(json_array_length(o.schools), 0) = 0
        or s.school_code in (select value from json_each(o.schools))
)
select * from final;
create index selected_schools_1 on selected_schools (school_code);
