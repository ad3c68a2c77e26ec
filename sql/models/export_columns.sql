-- export_columns: which columns of each clever_<file> view are written, in order. A column
-- with an option key is written only when that option is on (docs/options.md): a flag that is
-- true, a text that is not empty, a number of at least at_least (Teacher_N_id: teacher_columns
-- of N or more), a list that names the column as file.Column (export.extra_columns). A test holds
-- every key here to OptionCatalog. The extension fields (extension_fields) come last, as
-- ext.NAME sorted by NAME; the writer looks their values up in extension_values by the row's
-- extension_row (a column of the clever view that is not written).
-- reads: export_option, extension_fields, run_option_lists
drop table if exists export_columns;
create table export_columns as
with columns (file, position, column_name, option_key, at_least) as (
    values
    ('schools', 1, 'School_id', null, null), ('schools', 2, 'School_name', null, null),
    ('schools', 3, 'School_number', null, null), ('schools', 4, 'State_id', null, null),
    ('schools', 5, 'Nces_id', null, null), ('schools', 6, 'School_address', null, null),
    ('schools', 7, 'School_city', null, null), ('schools', 8, 'School_state', null, null),
    ('schools', 9, 'School_zip', null, null), ('schools', 10, 'School_phone', null, null),
    ('schools', 11, 'Low_grade', null, null), ('schools', 12, 'High_grade', null, null),
    ('schools', 13, 'Principal', null, null), ('schools', 14, 'Principal_email', null, null),

    ('students', 1, 'School_id', null, null), ('students', 2, 'Student_id', null, null),
    ('students', 3, 'Student_number', null, null), ('students', 4, 'State_id', null, null),
    ('students', 5, 'Last_name', null, null), ('students', 6, 'Middle_name', null, null),
    ('students', 7, 'First_name', null, null), ('students', 8, 'Gender', null, null),
    ('students', 9, 'Dob', null, null), ('students', 10, 'Grade', null, null),
    ('students', 11, 'Race', null, null), ('students', 12, 'Hispanic_Latino', null, null),
    ('students', 13, 'Ell_status', null, null), ('students', 14, 'Frl_status', null, null),
    ('students', 15, 'Iep_status', null, null), ('students', 16, 'Student_zip', null, null),
    ('students', 17, 'Student_email', null, null), ('students', 18, 'Contact_name', null, null),
    ('students', 19, 'Contact_type', null, null), ('students', 20, 'Contact_phone', null, null),
    ('students', 21, 'Contact_email', null, null), ('students', 22, 'Username', null, null),
    ('students', 23, 'Password', null, null),
    ('students', 24, 'Student_street', 'students.address', null),
    ('students', 25, 'Student_city', 'students.address', null),
    ('students', 26, 'Student_state', 'students.address', null),
    ('students', 27, 'Home_language', 'students.home_language', null),
    ('students', 28, 'Unweighted_gpa', 'students.unweighted_gpa', null),
    ('students', 29, 'Weighted_gpa', 'students.weighted_gpa', null),
    ('students', 30, 'Contact_relationship', 'students.contact_details', null),
    ('students', 31, 'Contact_phone_type', 'students.contact_details', null),
    ('students', 32, 'Contact_sis_id', 'students.contact_details', null),
    ('students', 33, 'Graduation_year', 'export.extra_columns', null),

    ('teachers', 1, 'School_id', null, null), ('teachers', 2, 'Teacher_id', null, null),
    ('teachers', 3, 'Teacher_number', null, null), ('teachers', 4, 'State_teacher_id', null, null),
    ('teachers', 5, 'Last_name', null, null), ('teachers', 6, 'Middle_name', null, null),
    ('teachers', 7, 'First_name', null, null), ('teachers', 8, 'Teacher_email', null, null),
    ('teachers', 9, 'Title', null, null), ('teachers', 10, 'Username', null, null),
    ('teachers', 11, 'Password', null, null),

    ('sections', 1, 'School_id', null, null),
    ('sections', 2, 'Section_id', null, null),
    ('sections', 3, 'Teacher_id', null, null),
    ('sections', 4, 'Teacher_2_id', 'sections.teacher_columns', 2),
    ('sections', 5, 'Teacher_3_id', 'sections.teacher_columns', 3),
    ('sections', 6, 'Teacher_4_id', 'sections.teacher_columns', 4),
    ('sections', 7, 'Teacher_5_id', 'sections.teacher_columns', 5),
    ('sections', 8, 'Teacher_6_id', 'sections.teacher_columns', 6),
    ('sections', 9, 'Teacher_7_id', 'sections.teacher_columns', 7),
    ('sections', 10, 'Teacher_8_id', 'sections.teacher_columns', 8),
    ('sections', 11, 'Teacher_9_id', 'sections.teacher_columns', 9),
    ('sections', 12, 'Teacher_10_id', 'sections.teacher_columns', 10),
    ('sections', 13, 'Name', null, null),
    ('sections', 14, 'Course_name', null, null),
    ('sections', 15, 'Course_number', null, null),
    ('sections', 16, 'Subject', null, null),
    ('sections', 17, 'Term_name', null, null),
    ('sections', 18, 'Term_start', null, null),
    ('sections', 19, 'Term_end', null, null),
    ('sections', 20, 'Section_number', 'export.extra_columns', null),
    ('sections', 21, 'Period', 'export.extra_columns', null),
    ('sections', 22, 'Grade', 'export.extra_columns', null),
    ('sections', 23, 'Course_description', 'export.extra_columns', null),

    ('enrollments', 1, 'School_id', null, null), ('enrollments', 2, 'Section_id', null, null),
    ('enrollments', 3, 'Student_id', null, null),

    ('staff', 1, 'School_id', null, null), ('staff', 2, 'Staff_id', null, null),
    ('staff', 3, 'Staff_email', null, null), ('staff', 4, 'First_name', null, null),
    ('staff', 5, 'Last_name', null, null), ('staff', 6, 'Title', null, null),
    ('staff', 7, 'Username', null, null), ('staff', 8, 'Password', null, null),
    ('staff', 9, 'Role', null, null),
    ('staff', 10, 'Department', 'export.extra_columns', null),

    ('admins', 1, 'School_id', null, null), ('admins', 2, 'Staff_id', null, null),
    ('admins', 3, 'Admin_email', null, null), ('admins', 4, 'First_name', null, null),
    ('admins', 5, 'Last_name', null, null)
),
final as (
    select c.file, c.position, c.column_name, null as extension
    from columns c
    left join export_option o on o.key = c.option_key
    where c.option_key is null
        or case
            when typeof(o.value) = 'integer' then o.value >= coalesce(c.at_least, 1)
            when json_valid(o.value) and json_type(o.value) = 'array' then exists (
                select 1 from run_option_lists l
                where l.key = c.option_key and l.value = c.file || '.' || c.column_name)
            when typeof(o.value) = 'text' then o.value <> ''
            else 0
        end
    union all
    select file, 100 + row_number() over (partition by file order by name), 'ext.' || name, name
    from extension_fields
)
select * from final;
create index export_columns_1 on export_columns (file, position);
