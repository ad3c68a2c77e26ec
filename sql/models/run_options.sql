-- run_options: the run's options (table export_option) as one row with a column per key, so
-- the views can cross join it. A column is named after its key, with '_' for '.':
-- students.username is students_username. Keys: docs/options.md; a test holds this list to
-- OptionCatalog.
-- reads: export_option
drop table if exists run_options;
create table run_options as
with final as (
    select
        max(case key when 'export.as_of' then value end) as export_as_of,
        max(case key when 'export.schools' then value end) as export_schools,
        max(case key when 'export.extra_columns' then value end) as export_extra_columns,
        max(case key when 'students.username' then value end) as students_username,
        max(case key when 'students.username_suffix' then value end) as students_username_suffix,
        max(case key when 'students.password' then value end) as students_password,
        max(case key when 'students.password_text' then value end) as students_password_text,
        max(case key when 'students.email' then value end) as students_email,
        max(case key when 'students.email_suffix' then value end) as students_email_suffix,
        max(case key when 'students.prek_grade_name' then value end) as students_prek_grade_name,
        max(case key when 'students.kindergarten_grade_name' then value end) as students_kindergarten_grade_name,
        max(case key when 'students.exclude_prek' then value end) as students_exclude_prek,
        max(case key when 'students.exclude_kindergarten' then value end) as students_exclude_kindergarten,
        max(case key when 'students.frl_codes' then value end) as students_frl_codes,
        max(case key when 'students.iep_yes_no' then value end) as students_iep_yes_no,
        max(case key when 'students.iep_inactive_values' then value end) as students_iep_inactive_values,
        max(case key when 'students.school_override_user_text' then value end) as students_school_override_user_text,
        max(case key when 'students.hide_contacts' then value end) as students_hide_contacts,
        max(case key when 'students.preg_transcript_school' then value end) as students_preg_transcript_school,
        max(case key when 'students.home_language' then value end) as students_home_language,
        max(case key when 'students.unweighted_gpa' then value end) as students_unweighted_gpa,
        max(case key when 'students.weighted_gpa' then value end) as students_weighted_gpa,
        max(case key when 'students.all_guardians' then value end) as students_all_guardians,
        max(case key when 'students.custody_issue_guardians' then value end) as students_custody_issue_guardians,
        max(case key when 'students.dedupe_guardian_phones' then value end) as students_dedupe_guardian_phones,
        max(case key when 'students.address' then value end) as students_address,
        max(case key when 'students.contact_details' then value end) as students_contact_details,
        max(case key when 'teachers.username' then value end) as teachers_username,
        max(case key when 'teachers.email' then value end) as teachers_email,
        max(case key when 'teachers.email_suffix' then value end) as teachers_email_suffix,
        max(case key when 'teachers.number' then value end) as teachers_number,
        max(case key when 'teachers.password_text' then value end) as teachers_password_text,
        max(case key when 'teachers.include_non_teaching' then value end) as teachers_include_non_teaching,
        max(case key when 'teachers.row_per_school' then value end) as teachers_row_per_school,
        max(case key when 'staff.username' then value end) as staff_username,
        max(case key when 'staff.password' then value end) as staff_password,
        max(case key when 'staff.password_text' then value end) as staff_password_text,
        max(case key when 'staff.departments' then value end) as staff_departments,
        max(case key when 'staff.administrators_only' then value end) as staff_administrators_only,
        max(case key when 'staff.exclude_roles' then value end) as staff_exclude_roles,
        max(case key when 'staff.role' then value end) as staff_role,
        max(case key when 'staff.stl_roles' then value end) as staff_stl_roles,
        max(case key when 'staff.stl_departments' then value end) as staff_stl_departments,
        max(case key when 'staff.stl_staff_ids' then value end) as staff_stl_staff_ids,
        max(case key when 'staff.exclude_teachers' then value end) as staff_exclude_teachers,
        max(case key when 'sections.prepend_school_year' then value end) as sections_prepend_school_year,
        max(case key when 'sections.prepend_teacher_name' then value end) as sections_prepend_teacher_name,
        max(case key when 'sections.require_user_flag_2' then value end) as sections_require_user_flag_2,
        max(case key when 'sections.exclude_courses' then value end) as sections_exclude_courses,
        max(case key when 'sections.elementary_homerooms' then value end) as sections_elementary_homerooms,
        max(case key when 'sections.append_homeroom_teacher' then value end) as sections_append_homeroom_teacher,
        max(case key when 'sections.append_period' then value end) as sections_append_period,
        max(case key when 'sections.combine_inclusion' then value end) as sections_combine_inclusion,
        max(case key when 'sections.teacher_columns' then value end) as sections_teacher_columns,
        max(case key when 'sections.split_shared_teachers' then value end) as sections_split_shared_teachers,
        max(case key when 'sections.prepend_teacher_name_to_name' then value end) as sections_prepend_teacher_name_to_name,
        max(case key when 'sections.lead_days' then value end) as sections_lead_days
    from export_option
)
select * from final;
