-- Indexes on the staging tables, created after loading, on the keys the stg_ views and checks
-- join on; check a view with EXPLAIN QUERY PLAN after changing its joins. enrollments and
-- guardians have none: they are only ever scanned (docs/benchmark.md, planner).
create index students_id on students (student_id);
create index schools_code on schools (school_code);
create index staff_id on staff (staff_id);
create index staff_schools_staff on staff_schools (staff_id);
create index staff_roles_staff on staff_roles (staff_id);
create index courses_key on courses (school_code, course_code);
create index sections_key on sections (school_code, course_code, section);
create index section_teachers_key on section_teachers (school_code, course_code, section);
create index terms_key on terms (school_code, term_code);
create index homerooms_student on homerooms (student_id);
create index student_user_texts_key on student_user_texts (student_id, field);
create index staff_user_texts_key on staff_user_texts (staff_id, field);
create index student_gpas_key on student_gpas (student_id, gpa_type);
create index extract_column_values_key on extract_column_values (file, source_row, column_name);
