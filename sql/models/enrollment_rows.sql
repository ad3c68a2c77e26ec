-- enrollment_rows: stg_enrollments computed once into a table. The enrollments file is the
-- biggest of the extract (seven rows a student) and three queries read it (active_enrollments
-- and two checks); cleaning it once is cheaper than cleaning it three times.
drop table if exists enrollment_rows;
create table enrollment_rows as
select * from stg_enrollments;
