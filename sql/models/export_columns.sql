-- export_columns: which columns of each clever_<file> view are written, in order. A column
-- with a condition is written only when that option is on (docs/options.md).
drop table if exists export_columns;
create table export_columns as
with columns (file, position, column_name, needs) as (
    values
    ('schools', 1, 'School_id', null), ('schools', 2, 'School_name', null),
    ('schools', 3, 'School_number', null), ('schools', 4, 'State_id', null),
    ('schools', 5, 'Nces_id', null), ('schools', 6, 'School_address', null),
    ('schools', 7, 'School_city', null), ('schools', 8, 'School_state', null),
    ('schools', 9, 'School_zip', null), ('schools', 10, 'School_phone', null),
    ('schools', 11, 'Low_grade', null), ('schools', 12, 'High_grade', null),
    ('schools', 13, 'Principal', null), ('schools', 14, 'Principal_email', null),

    ('students', 1, 'School_id', null), ('students', 2, 'Student_id', null),
    ('students', 3, 'Student_number', null), ('students', 4, 'State_id', null),
    ('students', 5, 'Last_name', null), ('students', 6, 'Middle_name', null),
    ('students', 7, 'First_name', null), ('students', 8, 'Gender', null),
    ('students', 9, 'Dob', null), ('students', 10, 'Grade', null),
    ('students', 11, 'Race', null), ('students', 12, 'Hispanic_Latino', null),
    ('students', 13, 'Ell_status', null), ('students', 14, 'Frl_status', null),
    ('students', 15, 'Iep_status', null), ('students', 16, 'Student_zip', null),
    ('students', 17, 'Student_email', null), ('students', 18, 'Contact_name', null),
    ('students', 19, 'Contact_type', null), ('students', 20, 'Contact_phone', null),
    ('students', 21, 'Contact_email', null), ('students', 22, 'Username', null),
    ('students', 23, 'Password', null),
    ('students', 24, 'Student_street', 'students.address'),
    ('students', 25, 'Student_city', 'students.address'),
    ('students', 26, 'Student_state', 'students.address'),
    ('students', 27, 'Home_language', 'students.home_language'),
    ('students', 28, 'Unweighted_gpa', 'students.unweighted_gpa'),
    ('students', 29, 'Weighted_gpa', 'students.weighted_gpa'),
    ('students', 30, 'Contact_relationship', 'students.contact_details'),
    ('students', 31, 'Contact_phone_type', 'students.contact_details'),
    ('students', 32, 'Contact_sis_id', 'students.contact_details'),
    ('students', 33, 'Graduation_year', 'export.extra_columns'),

    ('teachers', 1, 'School_id', null), ('teachers', 2, 'Teacher_id', null),
    ('teachers', 3, 'Teacher_number', null), ('teachers', 4, 'State_teacher_id', null),
    ('teachers', 5, 'Last_name', null), ('teachers', 6, 'Middle_name', null),
    ('teachers', 7, 'First_name', null), ('teachers', 8, 'Teacher_email', null),
    ('teachers', 9, 'Title', null), ('teachers', 10, 'Username', null),
    ('teachers', 11, 'Password', null),

    ('sections', 1, 'School_id', null), ('sections', 2, 'Section_id', null),
    ('sections', 3, 'Teacher_id', null),
    ('sections', 4, 'Teacher_2_id', 'sections.teacher_columns'),
    ('sections', 5, 'Teacher_3_id', 'sections.teacher_columns'),
    ('sections', 6, 'Teacher_4_id', 'sections.teacher_columns'),
    ('sections', 7, 'Name', null), ('sections', 8, 'Course_name', null),
    ('sections', 9, 'Course_number', null), ('sections', 10, 'Subject', null),
    ('sections', 11, 'Term_name', null), ('sections', 12, 'Term_start', null),
    ('sections', 13, 'Term_end', null),
    ('sections', 14, 'Section_number', 'export.extra_columns'),
    ('sections', 15, 'Period', 'export.extra_columns'),

    ('enrollments', 1, 'School_id', null), ('enrollments', 2, 'Section_id', null),
    ('enrollments', 3, 'Student_id', null),

    ('staff', 1, 'School_id', null), ('staff', 2, 'Staff_id', null),
    ('staff', 3, 'Staff_email', null), ('staff', 4, 'First_name', null),
    ('staff', 5, 'Last_name', null), ('staff', 6, 'Title', null),
    ('staff', 7, 'Username', null), ('staff', 8, 'Password', null),
    ('staff', 9, 'Role', null),
    ('staff', 10, 'Department', 'export.extra_columns'),

    ('admins', 1, 'School_id', null), ('admins', 2, 'Staff_id', null),
    ('admins', 3, 'Admin_email', null), ('admins', 4, 'First_name', null),
    ('admins', 5, 'Last_name', null)
),
final as (
    select c.file, c.position, c.column_name
    from columns c
    cross join run_options o
    where c.needs is null
        or (c.needs = 'students.address' and o.student_address)
        or (c.needs = 'students.home_language' and o.home_language)
        or (c.needs = 'students.unweighted_gpa' and o.unweighted_gpa <> '')
        or (c.needs = 'students.weighted_gpa' and o.weighted_gpa <> '')
        or (c.needs = 'students.contact_details' and o.contact_details)
        or (c.needs = 'sections.teacher_columns' and o.teacher_columns = 4)
        or (c.needs = 'export.extra_columns' and o.extra_columns)
)
select * from final;
create index export_columns_1 on export_columns (file, position);
