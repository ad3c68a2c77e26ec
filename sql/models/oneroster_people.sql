-- oneroster_people: users.csv's people, one row each (sourced_id is unique across them all).
--   Students: one per student of students.csv (export_students), with its CEDS grade.
--   Staff: one per staff_id of teachers.csv or staff.csv (admins.csv holds staff.csv's
--     administrators), never one per school: orgSourcedIds are the School_ids of their rows
--     (DEFAULT_DISTRICT_OFFICE is the district); username, email and password from their
--     teachers.csv row, else their staff.csv row; names from stg_staff; identifier the
--     teachers.number source. Role, the first rule that applies: teaches an exported class;
--     is_administrator; is_teacher; a staff_roles role in staff_role_map (administrator before
--     teacher before aide); in teachers.csv; else oneroster.other_staff_role ('omit': kept here
--     for the checks, not written).
--   Guardians (oneroster.guardians): the contacts students.csv carries (student_contacts), one
--     user per contact_id ('G-' + contact_id, else 'G-' + student_id + '-' + guardian_number),
--     its values from its first row by (student_id, guardian_number); role from
--     guardian_role_map (default guardian); username its e-mail.
--   agent_ids link students and guardians both ways. A username left empty by its source is the
--   sourced_id (username_fell_back, warned). Empty unless oneroster.enabled.
-- reads: export_staff, export_students, export_teachers, guardian_role_map, run_options, staff_logins, staff_role_map, stg_guardians, stg_staff, stg_staff_roles, stg_students, student_contacts, written_teachers
drop table if exists oneroster_people;
create table oneroster_people as
with contacts as (
    select
        c.student_id,
        c.contact_rank as guardian_number,
        case when g.contact_id <> '' then 'G-' || g.contact_id
            else 'G-' || c.student_id || '-' || c.contact_rank end as sourced_id,
        c.contact_phone,
        g.contact_id, g.given_name, g.family_name, g.is_one_word, g.email, g.relationship_raw,
        s.school_id
    from run_options o
    cross join student_contacts c
    join stg_guardians g on g.student_id = c.student_id and g.guardian_number = c.contact_rank
    join export_students s on s.student_id = c.student_id
    where o.oneroster_enabled and o.oneroster_guardians
),
-- Distinct values in byte order, for the list columns below.
student_agents as (
    select student_id, group_concat(sourced_id, ',') as agent_ids
    from (select distinct student_id, sourced_id from contacts order by student_id, sourced_id)
    group by student_id
),
-- Each guardian's students, and its first and last school: one pass in sourced_id order.
guardian_lists as (
    select sourced_id, group_concat(student_id, ',') as agent_ids,
        min(school_id) as first_school, max(school_id) as last_school
    from (select distinct sourced_id, student_id, school_id from contacts order by sourced_id, student_id)
    group by sourced_id
),
-- The school lists of the guardians whose students go to more than one school.
several_schools as (
    select sourced_id, group_concat(school_id, ',') as org_ids
    from (
        select distinct c.sourced_id, c.school_id
        from contacts c
        where c.sourced_id in (select sourced_id from guardian_lists where first_school <> last_school)
        order by 1, 2
    )
    group by sourced_id
),
guardians as (
    select
        c.sourced_id, 'guardian' as kind,
        iif(l.first_school = l.last_school, l.first_school,
            (select m.org_ids from several_schools m where m.sourced_id = c.sourced_id)) as org_ids,
        coalesce((select m.oneroster_role from guardian_role_map m where m.sis_relationship = lower(c.relationship_raw)),
            'guardian') as role,
        c.email as username, c.given_name, c.family_name, null as middle_name,
        c.contact_id as identifier, c.email, c.contact_phone as phone, l.agent_ids,
        null as grades, null as grade_code, null as password, c.is_one_word
    from (
        select *, row_number() over (partition by sourced_id order by student_id, guardian_number) as row_rank
        from contacts
    ) c
    -- CROSS JOIN keeps each guardian outside: its lists are looked up, never scanned for every
    -- guardian (docs/benchmark.md, planner).
    cross join guardian_lists l on l.sourced_id = c.sourced_id
    where c.row_rank = 1
),
students as (
    select
        s.student_id as sourced_id, 'student' as kind, s.school_id as org_ids, 'student' as role,
        s.username, s.first_name as given_name, s.last_name as family_name, s.middle_name,
        s.student_number as identifier, s.email, null as phone, a.agent_ids,
        g.ceds_grade as grades, g.grade_code, s.password, 0 as is_one_word
    from run_options o
    cross join export_students s
    left join stg_students g on g.source_row = s.source_row
    left join student_agents a on a.student_id = s.student_id
    where o.oneroster_enabled
),
staff_rows as (
    select staff_id, school_id, 1 as in_teachers, username, email, password from export_teachers
    union all
    select staff_id, school_id, 0, username, email, password from export_staff
),
staff_ids as (
    select r.staff_id, max(r.in_teachers) as in_teachers
    from run_options o
    cross join staff_rows r
    where o.oneroster_enabled
    group by r.staff_id
),
staff_schools as (
    select staff_id, group_concat(org_id, ',') as org_ids
    from (
        select distinct r.staff_id,
            case r.school_id when 'DEFAULT_DISTRICT_OFFICE' then o.oneroster_district_id else r.school_id end as org_id
        from run_options o
        cross join staff_rows r
        where o.oneroster_enabled
        order by 1, 2
    )
    group by staff_id
),
-- Materialized: joined by staff_id, not searched by its rank for every staff row (docs/benchmark.md, planner).
staff_logins_chosen as materialized (
    select staff_id, username, email, password
    from (
        select r.*, row_number() over (partition by r.staff_id order by r.in_teachers desc, r.school_id) as row_rank
        from run_options o
        cross join staff_rows r
        where o.oneroster_enabled
    )
    where row_rank = 1
),
-- One row per key even when the extract repeats one (an error the checks report).
staff_people as (
    select s.staff_id, max(s.first_name) as first_name, max(s.last_name) as last_name,
        max(s.middle_name) as middle_name, max(s.is_teacher) as is_teacher,
        max(s.is_administrator) as is_administrator
    from run_options o
    cross join stg_staff s
    where o.oneroster_enabled
    group by s.staff_id
),
staff as (
    select
        i.staff_id as sourced_id, 'staff' as kind, s.org_ids,
        case
            when i.staff_id in (select t.staff_id from written_teachers t) then 'teacher'
            when p.is_administrator then 'administrator'
            when p.is_teacher then 'teacher'
            when exists (
                select 1 from stg_staff_roles r join staff_role_map m on m.sis_role = lower(r.role)
                where r.staff_id = i.staff_id)
            then (
                select m.oneroster_role from stg_staff_roles r join staff_role_map m on m.sis_role = lower(r.role)
                where r.staff_id = i.staff_id order by m.rank limit 1)
            when i.in_teachers then 'teacher'
            else o.oneroster_other_staff_role
        end as role,
        l.username, p.first_name as given_name, p.last_name as family_name, p.middle_name,
        g.teacher_number as identifier, l.email, null as phone, null as agent_ids,
        null as grades, null as grade_code, l.password, 0 as is_one_word
    from run_options o
    cross join staff_ids i
    join staff_schools s on s.staff_id = i.staff_id
    join staff_logins_chosen l on l.staff_id = i.staff_id
    left join staff_people p on p.staff_id = i.staff_id
    left join staff_logins g on g.staff_id = i.staff_id
),
everyone as (
    select * from students
    union all
    select * from staff
    union all
    select * from guardians
),
final as (
    select
        sourced_id, kind, org_ids, role,
        coalesce(nullif(username, ''), sourced_id) as username,
        coalesce(username, '') = '' as username_fell_back,
        given_name, family_name, middle_name, identifier, email, phone, agent_ids, grades,
        grade_code, password, is_one_word
    from everyone
)
select * from final;
create index oneroster_people_1 on oneroster_people (sourced_id);
