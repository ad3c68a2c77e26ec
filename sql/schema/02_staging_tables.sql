-- Staging tables: one per extract file, every column TEXT, loaded as written but for leading and
-- trailing spaces, which the importer removes (so no view needs trim()).
-- A column marked "not null" must be in the file's header (the importer checks it);
-- the others may be absent and read as NULL. Columns a district adds are appended by the
-- importer and ignored by the views. Each run drops and reloads these tables.
-- The integer columns ending in _row are no file's: the importer fills each with the rowid of
-- the row the file's key columns point at, NULL when there is none (extract_reference in
-- 01_extract_files.sql), or with the number of the row's combination of some columns
-- (extract_combination).
drop table if exists schools;
create table schools (
    school_code text not null, name text not null, school_number text, state_id text,
    nces_id text, address text, city text, state text, zip text, phone text,
    low_grade text, high_grade text, principal_name text, principal_email text,
    level text, is_preregistration text
);
drop table if exists students;
create table students (
    student_id text not null, school_code text not null, student_number text, state_id text,
    last_name text not null, first_name text not null, middle_name text, gender text,
    birth_date text, grade_level text not null, race text, hispanic_latino text,
    ell_status text, frl_status text, iep_status text, address text, city text, state text,
    zip text, email text, home_language text, graduation_year text, status text,
    transcript_school_code text
);
drop table if exists staff;
create table staff (
    staff_id text not null, last_name text not null, first_name text not null,
    middle_name text, teacher_number text, state_id text, email text, logon text, title text,
    is_teacher text, is_administrator text, department_code text, status text
);
drop table if exists staff_schools;
create table staff_schools (staff_id text not null, school_code text not null, is_primary text);
drop table if exists staff_roles;
create table staff_roles (staff_id text not null, role text not null);
drop table if exists courses;
create table courses (
    school_code text not null, course_code text not null, description text not null,
    subject text, user_flag_2 text, is_special_ed text, grade_level text
);
drop table if exists sections;
create table sections (
    school_code text not null, course_code text not null, section text not null,
    school_year text not null, term_code text not null, room text, meeting_days text,
    print_period text, section_name text
);
drop table if exists section_teachers;
create table section_teachers (
    school_code text not null, course_code text not null, section text not null,
    staff_id text not null, position text not null, shared text
);
drop table if exists terms;
create table terms (
    school_code text not null, term_code text not null, name text not null,
    start_date text not null, end_date text not null
);
drop table if exists enrollments;
create table enrollments (
    student_id text not null, school_code text not null, course_code text not null,
    section text not null, start_date text, end_date text,
    section_row integer, dates_row integer, student_id_row integer
);
-- Each (start_date, end_date) pair of enrollments.csv once, as written (the importer fills it:
-- extract_combination in 01_extract_files.sql); enrollment_dates.sql reads them.
drop table if exists enrollment_date_pairs;
create table enrollment_date_pairs (dates_row integer primary key, start_date text, end_date text);
-- Each student_id of enrollments.csv once (extract_combination): the reference check looks each
-- student up once instead of once an enrollment.
drop table if exists enrollment_student_ids;
create table enrollment_student_ids (student_id_row integer primary key, student_id text);
drop table if exists guardians;
create table guardians (
    student_id text not null, guardian_number text not null, name text, first_name text,
    last_name text, relationship text, contact_type text, phone_1 text, phone_2 text,
    phone_3 text, phone_1_type text, phone_2_type text, phone_3_type text, email text,
    custody_issue text, contact_id text
);
drop table if exists homerooms;
create table homerooms (
    student_id text not null, school_code text not null, homeroom text not null, staff_id text
);
drop table if exists student_user_texts;
create table student_user_texts (student_id text not null, field text not null, value text not null);
drop table if exists staff_user_texts;
create table staff_user_texts (staff_id text not null, field text not null, value text not null);
drop table if exists student_gpas;
create table student_gpas (student_id text not null, gpa_type text not null, value text not null);

-- The extract columns that extension fields name ("column:COLUMN" in schools.ext, students.ext,
-- teachers.ext, staff.ext, sections.ext), one row per non-empty value: the importer copies them
-- here by name, so the views read any column, a contract one or one a district added, as rows.
-- file is the Clever file whose option names the column (teachers and staff read staff.csv);
-- source_row is the row's place in its extract file (the staging table's rowid).
drop table if exists extract_column_values;
create table extract_column_values (
    file text not null, source_row integer not null, column_name text not null, value text not null
);

-- What the importer changed in a value, or found worth a warning (control characters and
-- byte-order marks removed, a value a spreadsheet would run as a formula), by file, line and
-- column; check_extract_values reports it. A row without a line counts the ones not listed.
drop table if exists extract_warnings;
create table extract_warnings (file text not null, line integer, column_name text, message text not null);
