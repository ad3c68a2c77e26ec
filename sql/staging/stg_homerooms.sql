-- stg_homerooms: each student's homeroom and homeroom teacher.
create view stg_homerooms as
select
    trim(student_id) as student_id,
    trim(school_code) as school_code,
    trim(homeroom) as homeroom,
    nullif(trim(staff_id), '') as staff_id
from homerooms;
