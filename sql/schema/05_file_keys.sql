-- What identifies a row of each Clever file, for comparing a run with the last delivered one
-- (clever-export diff and the change guard): an SQL expression over the file's columns.
drop table if exists clever_file_key;
create table clever_file_key (file text primary key, key_expression text not null);
insert into clever_file_key values
    ('schools', 'School_id'),
    ('students', 'Student_id'),
    ('teachers', 'Teacher_id || '' at '' || School_id'),
    ('sections', 'Section_id'),
    ('enrollments', 'Section_id || '' / '' || Student_id'),
    ('staff', 'Staff_id || '' at '' || School_id'),
    ('admins', 'Staff_id || '' at '' || School_id');
