-- export_students: the students this run exports (student_placements left nothing against
-- them), one row each, with every students.csv value but the contacts (student_contacts): grade
-- names, FRL and IEP codes, address and GPA columns, the logins (student_logins), and the raw
-- values that could not be read (for the cleaning check).
-- reads: run_option_lists, run_options, stg_students, student_gpas, student_logins, student_placements
drop table if exists export_students;
create table export_students as
with kept as (
    select s.*, p.school_id
    from stg_students s
    join student_placements p on p.source_row = s.source_row
    where p.left_out_because is null
),
final as (
    select
        s.source_row,
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
        s.ell_status,
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
        -- Street, city and state are columns of their own, written only with students.address
        -- (export_columns), and kept only with it; Student_zip is always a column, filled only
        -- with it.
        case when o.students_address then s.zip end as zip,
        case when o.students_address then s.address end as street,
        case when o.students_address then s.city end as city,
        case when o.students_address then s.state end as state,
        -- Looked up only with students.home_language, the one file that writes it.
        case when o.students_home_language then s.home_language end as home_language,
        s.home_language_raw,
        case when o.students_unweighted_gpa <> '' then
            (select max(g.value) from student_gpas g
             where g.student_id = s.student_id and g.gpa_type = o.students_unweighted_gpa)
        end as unweighted_gpa,
        case when o.students_weighted_gpa <> '' then
            (select max(g.value) from student_gpas g
             where g.student_id = s.student_id and g.gpa_type = o.students_weighted_gpa)
        end as weighted_gpa,
        s.graduation_year,
        l.username,
        l.password,
        l.email,
        -- The values as the extract has them, beside the read ones above: check_extract_cleaning
        -- names what could not be read from this table instead of reading the students again.
        s.gender_raw,
        s.race_raw,
        s.hispanic_raw,
        s.ell_raw,
        s.frl_status as frl_status_raw,
        s.birth_date_raw,
        s.zip_raw
    from kept s
    cross join run_options o
    join student_logins l on l.source_row = s.source_row
)
select * from final;
create index export_students_1 on export_students (student_id);
