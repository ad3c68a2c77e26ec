-- export_students: the students this run exports (student_placements left nothing against
-- them), one row each, with every students.csv value except the contacts: username, password
-- and e-mail from their sources (docs/options.md, [students]), grade names, FRL and IEP codes,
-- address and GPA columns, and the raw values that could not be read (for the cleaning check).
-- reads: email_addresses, student_values, run_option_lists, run_options, student_gpas, student_placements
drop table if exists export_students;
create table export_students as
with kept as (
    select * from student_placements where left_out_because is null
),
-- Username and password from their sources (student_values), the e-mail from email_addresses;
-- students.email = "username" takes the username's source. Every student has a row for each
-- source an option names, so the joins keep every student.
sourced as (
    select s.*, nullif(u.value, '') as username_base, nullif(p.value, '') as password, e.email as written_email
    from kept s
    cross join run_options o
    join student_values u on u.source_row = s.source_row and u.source = o.students_username
    join student_values p on p.source_row = s.source_row and p.source = o.students_password
    join email_addresses e
        on e.person = 'student' and e.source_row = s.source_row
        and e.source = iif(o.students_email = 'username', o.students_username, o.students_email)
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
        s.written_email as email,
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
    from sourced s
    cross join run_options o
)
select * from final;
create index export_students_1 on export_students (student_id);
