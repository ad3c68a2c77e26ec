-- clever_teachers: teachers.csv. Active staff of the selected schools with is_teacher = Y (any
-- staff with include_non_teaching), plus anyone written as a teacher of an exported section.
-- School_id: the primary school when selected, else the lowest selected school; with
-- row_per_school one row per selected school. Someone with no selected school who teaches an
-- exported section gets the school of the first such section (by Section_id).
create view clever_teachers as
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
    where s.staff_id is not null and (s.slot = 1 or o.teacher_columns = 4)
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
        and (s.is_teacher or o.include_non_teaching or s.staff_id in (select staff_id from written_teachers))
        and (s.staff_id in (select staff_id from selected_staff_schools)
            or s.staff_id in (select staff_id from written_teachers))
),
placed as (
    select c.staff_id, coalesce(ss.school_code, f.school_code) as school_id
    from candidates c
    cross join run_options o
    left join selected_staff_schools ss
        on ss.staff_id = c.staff_id and (ss.school_rank = 1 or o.teacher_row_per_school)
    left join first_sections f on f.staff_id = c.staff_id and f.section_rank = 1
),
final as (
    select
        p.school_id as School_id,
        s.staff_id as Teacher_id,
        l.teacher_number as Teacher_number,
        s.state_id as State_teacher_id,
        s.last_name as Last_name,
        s.middle_name as Middle_name,
        s.first_name as First_name,
        l.email as Teacher_email,
        null as Title,
        l.teacher_username as Username,
        nullif(o.teacher_password_text, '') as Password
    from placed p
    join stg_staff s on s.staff_id = p.staff_id
    join staff_logins l on l.staff_id = p.staff_id
    cross join run_options o
)
select * from final;
