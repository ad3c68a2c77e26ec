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

-- Where one extract file points at rows of another by their key (extract_file.key): as the
-- importer loads `file`, it finds for each row the row of `target` whose key equals `columns`
-- (the same bytes, as SQL's = compares them; of two such rows the first) and writes its rowid
-- into row_column (NULL: none), so the views test and join on integers instead of searching an
-- index for every row. A file loads on the same core as the files it points at, after them;
-- references that lead back to where they start are refused. unmatched_rows: filled by the
-- importer, the rows of `file` that found no row (NULL until the file is loaded).
drop table if exists extract_reference;
create table extract_reference (
    file text not null references extract_file,
    columns text not null,
    target text not null references extract_file,
    row_column text not null,
    unmatched_rows integer,
    primary key (file, row_column)
);
-- Only the enrollments' sections: an extract lists a section's enrollments together, so the
-- importer compares most rows' section with the last one's. Their students come in no order,
-- and searching a million students in memory for each row slowed the import more than the
-- views gained (docs/benchmark.md).
insert into extract_reference (file, columns, target, row_column) values
    ('enrollments', 'school_code, course_code, section', 'sections', 'section_row');

-- Where a file repeats a few combinations of some columns over many rows (enrollments.csv's two
-- dates: a few hundred pairs over millions of rows): as the importer loads `file`, it writes
-- each distinct combination of `columns` once into `target` (a staging table with row_column as
-- its integer primary key and the same columns), numbered from 1 in the order first seen, and
-- each row's number into the file's row_column. A model then reads each combination once, and
-- the views join the rows to it on an integer. The importer keeps every combination it has seen
-- in memory: only for columns whose values repeat.
drop table if exists extract_combination;
create table extract_combination (
    file text not null references extract_file,
    columns text not null,
    target text not null unique,
    row_column text not null,
    primary key (file, row_column)
);
insert into extract_combination (file, columns, target, row_column) values
    ('enrollments', 'start_date, end_date', 'enrollment_date_pairs', 'dates_row'),
    ('enrollments', 'student_id', 'enrollment_student_ids', 'student_id_row');

-- Which extract file each Clever file's extension fields (schools.ext ... staff.ext,
-- "column:COLUMN") read their columns from: teachers and staff both come from staff.csv.
drop table if exists extension_file;
create table extension_file (file text primary key, extract_file text not null references extract_file);
insert into extension_file (file, extract_file) values
    ('schools', 'schools'), ('students', 'students'), ('teachers', 'staff'), ('staff', 'staff'),
    ('sections', 'sections');
