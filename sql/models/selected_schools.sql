-- selected_schools: the schools this run exports (export.schools; an empty list means all).
-- reads: run_option_lists, stg_schools
drop table if exists selected_schools;
create table selected_schools as
with final as (
    select s.*
    from stg_schools s
    where not exists (select 1 from run_option_lists where key = 'export.schools')
        or s.school_code in (select value from run_option_lists where key = 'export.schools')
)
select * from final;
create index selected_schools_1 on selected_schools (school_code);
