-- stg_homerooms: each student's homeroom and homeroom teacher.
-- reads: homerooms
create view stg_homerooms as
select
    student_id,
    school_code,
    homeroom,
    nullif(staff_id, '') as staff_id
from homerooms;
