-- check_tech_leads: who gets Role STL (School Tech Lead), which lets a person manage the
-- district's Clever for their schools. Two warnings, each naming how many people: everyone in
-- staff.csv gets it (no staff.stl_* list narrows staff.role), and people in teachers.csv get it.
-- reads: export_staff, export_teachers, run_option_lists
create view check_tech_leads as
with leads as (
    select distinct staff_id from export_staff where role is not null
),
counted as (
    select
        count(*) as people,
        count(*) filter (where staff_id in (select staff_id from export_teachers)) as teachers,
        not exists (
            select 1 from run_option_lists
            where key in ('staff.stl_roles', 'staff.stl_departments', 'staff.stl_staff_ids')) as for_everyone
    from leads
),
final as (
    select 'warning' as severity, 'tech_lead_for_everyone' as code, 'staff' as file, 'staff.role' as record,
        'all ' || people || ' people in staff.csv get Role STL and can manage Clever for their schools; '
            || 'name the tech leads with staff.stl_roles, stl_departments or stl_staff_ids' as message
    from counted
    where for_everyone and people > 0
    union all
    select 'warning', 'tech_lead_teaches', 'staff', 'staff.role',
        teachers || ' of the people with Role STL are in teachers.csv; a teacher who manages Clever is rarely meant'
    from counted
    where teachers > 0
)
select * from final;
