-- What identifies a row of each Clever file, for comparing a run with the last delivered one
-- (clever-export diff and the change guard): an SQL expression over the file's columns. The
-- label is what the report shows of a row added or removed (NULL: the key alone).
drop table if exists clever_file_key;
create table clever_file_key (file text primary key, key_expression text not null, label_expression text);
insert into clever_file_key values
    ('schools', 'School_id', 'School_name'),
    ('students', 'Student_id', 'First_name || '' '' || Last_name'),
    ('teachers', 'Teacher_id || '' at '' || School_id', 'First_name || '' '' || Last_name'),
    ('sections', 'Section_id', 'Name'),
    ('enrollments', 'Section_id || '' / '' || Student_id', null),
    ('staff', 'Staff_id || '' at '' || School_id', 'First_name || '' '' || Last_name'),
    ('admins', 'Staff_id || '' at '' || School_id', 'First_name || '' '' || Last_name'),
    ('oneroster/orgs', 'sourcedId', 'name'),
    ('oneroster/academicSessions', 'sourcedId', 'title'),
    ('oneroster/courses', 'sourcedId', 'title'),
    ('oneroster/classes', 'sourcedId', 'title'),
    ('oneroster/users', 'sourcedId', 'givenName || '' '' || familyName'),
    ('oneroster/enrollments', 'sourcedId', null),
    ('oneroster/demographics', 'sourcedId', null);
