-- The SIS extract files the importer reads, one staging table each (named after the file).
-- required: the run fails when the file is missing; optional files may be absent.
-- key: the columns that identify one row; the import checks checks/ use it to find duplicates.
drop table if exists extract_file;
create table extract_file (
    name text primary key,
    required integer not null,
    key text not null
);
insert into extract_file (name, required, key) values
    ('schools', 1, 'school_code'),
    ('students', 1, 'student_id'),
    ('staff', 1, 'staff_id'),
    ('staff_schools', 1, 'staff_id, school_code'),
    ('courses', 1, 'school_code, course_code'),
    ('sections', 1, 'school_code, course_code, section'),
    ('section_teachers', 1, 'school_code, course_code, section, staff_id'),
    ('terms', 1, 'school_code, term_code'),
    ('enrollments', 1, 'student_id, school_code, course_code, section'),
    ('guardians', 0, 'student_id, guardian_number'),
    ('homerooms', 0, 'student_id'),
    ('staff_roles', 0, 'staff_id, role'),
    ('student_user_texts', 0, 'student_id, field'),
    ('staff_user_texts', 0, 'staff_id, field'),
    ('student_gpas', 0, 'student_id, gpa_type');
