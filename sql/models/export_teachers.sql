-- export_teachers: the rows of teachers.csv. Active staff of the selected schools with
-- is_teacher = Y (any staff with include_non_teaching), plus anyone written as a teacher of an
-- exported section (Teacher_id, and Teacher_2_id..Teacher_4_id in four-column mode).
-- School_id: the primary school when selected, else the lowest selected school; with
-- row_per_school one row per selected school. Someone with no selected school who teaches an
-- exported section gets the school of the first such section (by Section_id).
-- reads: export_sections, run_options, selected_schools, staff_logins, stg_staff, stg_staff_schools
drop table if exists export_teachers;
create table export_teachers as
with sections as materialized (
    select school_code, section_id, teacher_1, teacher_2, teacher_3, teacher_4
    from export_sections
),
slots as (
    select school_code, section_id, teacher_1 as staff_id, 1 as slot from sections
    union all select school_code, section_id, teacher_2, 2 from sections
    union all select school_code, section_id, teacher_3, 3 from sections
    union all select school_code, section_id, teacher_4, 4 from sections
),
written_teachers as materialized (
    select s.school_code, s.section_id, s.staff_id
    from slots s
    cross join run_options o
    where s.staff_id is not null and (s.slot = 1 or o.sections_teacher_columns = 4)
),
first_sections as (
    select staff_id, school_code,
        row_number() over (partition by staff_id order by section_id) as section_rank
    from written_teachers
),
selected_staff_schools as (
    select
        ss.staff_id,
        ss.school_code,
        row_number() over (
            partition by ss.staff_id order by ss.is_primary desc, ss.school_code
        ) as school_rank
    from stg_staff_schools ss
    join selected_schools sc on sc.school_code = ss.school_code
),
candidates as (
    select s.*
    from stg_staff s
    cross join run_options o
    where s.is_active
        and (s.is_teacher or o.teachers_include_non_teaching or s.staff_id in (select staff_id from written_teachers))
        and (s.staff_id in (select staff_id from selected_staff_schools)
            or s.staff_id in (select staff_id from written_teachers))
),
placed as (
    select ss.staff_id, ss.school_code as school_id
    from selected_staff_schools ss
    cross join run_options o
    where ss.staff_id in (select staff_id from candidates)
        and (ss.school_rank = 1 or o.teachers_row_per_school)
    union all
    select f.staff_id, f.school_code
    from first_sections f
    where f.section_rank = 1
        and f.staff_id in (select staff_id from candidates)
        and f.staff_id not in (select staff_id from selected_staff_schools)
),
final as (
    select
        p.school_id,
        s.staff_id,
        l.teacher_number,
        s.state_id,
        s.last_name,
        s.middle_name,
        s.first_name,
        l.email,
        l.teacher_username as username,
        nullif(o.teachers_password_text, '') as password
    from placed p
    join stg_staff s on s.staff_id = p.staff_id
    join staff_logins l on l.staff_id = p.staff_id
    cross join run_options o
)
select * from final;
create index export_teachers_1 on export_teachers (staff_id);
