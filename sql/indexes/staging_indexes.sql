-- Indexes on the staging tables, created after loading (faster than maintaining them row by
-- row). They index the trimmed expressions the stg_ views expose, so joins on those views
-- can use them; check a view with EXPLAIN QUERY PLAN after changing its joins. students and
-- enrollments have none: they are only ever scanned, and an index on millions of rows costs
-- seconds to build.
create index schools_code on schools (trim(school_code));
create index staff_id on staff (trim(staff_id));
create index staff_schools_staff on staff_schools (trim(staff_id));
create index staff_roles_staff on staff_roles (trim(staff_id));
create index courses_key on courses (trim(school_code), trim(course_code));
create index sections_key on sections (trim(school_code), trim(course_code), trim(section));
create index section_teachers_key on section_teachers (trim(school_code), trim(course_code), trim(section));
create index terms_key on terms (trim(school_code), trim(term_code));
create index guardians_student on guardians (trim(student_id));
create index homerooms_student on homerooms (trim(student_id));
create index student_user_texts_key on student_user_texts (trim(student_id), trim(field));
create index staff_user_texts_key on staff_user_texts (trim(staff_id), trim(field));
create index student_gpas_key on student_gpas (trim(student_id), trim(gpa_type));
