-- export_students: the students this run exports (student_placements left nothing against
-- them), one row each, with every students.csv value except the contacts: username, password
-- and e-mail from their sources (docs/options.md, [students]), grade names, FRL and IEP codes,
-- address and GPA columns, and the raw values that could not be read (for the cleaning check).
drop table if exists export_students;
create table export_students as
with kept as (
    select * from student_placements where left_out_because is null
),
credentials as (
    select
        s.*,
        nullif(case
            when o.students_username = 'student_id' then s.student_id
            when o.students_username = 'student_number' then s.student_number
            when o.students_username = 'state_id' then s.state_id
            when o.students_username = 'email_local_part' then
                case when instr(s.email, '@') > 0 then substr(s.email, 1, instr(s.email, '@') - 1)
                    else s.email end
            when o.students_username like 'user_text:%' then
                (select max(u.value) from stg_student_user_texts u
                 where u.student_id = s.student_id and u.field = substr(o.students_username, 11))
        end, '') as username_base,
        nullif(case
            when o.students_password = 'custom' then o.students_password_text
            when o.students_password = 'student_id' then s.student_id
            when o.students_password = 'student_number' then s.student_number
            when o.students_password = 'state_id' then s.state_id
            when o.students_password = 'birth_date' then replace(s.birth_date_us, '/', '')
            when o.students_password like 'user_text:%' then
                (select max(u.value) from stg_student_user_texts u
                 where u.student_id = s.student_id and u.field = substr(o.students_password, 11))
        end, '') as password
    from kept s
    cross join run_options o
),
emails as (
    select
        s.*,
        nullif(case
            when o.students_email = 'sis' then s.email
            when o.students_email = 'username' then s.username_base
            when o.students_email = 'student_id' then s.student_id
            when o.students_email like 'user_text:%' then
                (select max(u.value) from stg_student_user_texts u
                 where u.student_id = s.student_id and u.field = substr(o.students_email, 11))
        end, '') as email_base
    from credentials s
    cross join run_options o
),
final as (
    select
        s.school_id,
        s.student_id,
        s.student_number,
        s.state_id,
        s.last_name,
        s.middle_name,
        s.first_name,
        s.gender,
        s.birth_date_us as dob,
        case
            when s.grade_group = 'prek' and not o.students_prek_grade_name then s.grade_code
            when s.grade_group = 'kindergarten' and not o.students_kindergarten_grade_name then s.grade_code
            else s.grade
        end as grade,
        s.grade_group,
        s.race,
        s.hispanic_latino,
        case
            when o.students_frl_codes then s.frl_code
            when s.frl_code = 'F' then 'Free'
            when s.frl_code = 'R' then 'Reduced'
        end as frl_status,
        case
            when not o.students_iep_yes_no then s.iep_status
            when nullif(s.iep_status, '') is not null and lower(s.iep_status) not in
                (select lower_value from run_option_lists where key = 'students.iep_inactive_values') then 'Y'
            else 'N'
        end as iep_status,
        case when o.students_address then s.zip end as zip,
        case when o.students_address then s.address end as street,
        case when o.students_address then s.city end as city,
        case when o.students_address then s.state end as state,
        case
            when s.email_base is null or instr(s.email_base, '@') > 0
                or coalesce(o.students_email_suffix, '') = '' then s.email_base
            when o.students_email_suffix like '@%' then s.email_base || o.students_email_suffix
            else s.email_base || '@' || o.students_email_suffix
        end as email,
        s.username_base || coalesce(o.students_username_suffix, '') as username,
        s.password,
        s.home_language,
        case when o.students_unweighted_gpa <> '' then
            (select max(g.value) from student_gpas g
             where g.student_id = s.student_id and g.gpa_type = o.students_unweighted_gpa)
        end as unweighted_gpa,
        case when o.students_weighted_gpa <> '' then
            (select max(g.value) from student_gpas g
             where g.student_id = s.student_id and g.gpa_type = o.students_weighted_gpa)
        end as weighted_gpa,
        s.graduation_year,
        -- The values as the extract has them, beside the read ones above: check_extract_cleaning
        -- names what could not be read from this table instead of reading the students again.
        s.gender_raw,
        s.race_raw,
        s.hispanic_raw,
        s.frl_status as frl_status_raw,
        s.birth_date_raw,
        s.zip_raw
    from emails s
    cross join run_options o
)
select * from final;
create index export_students_1 on export_students (student_id);
