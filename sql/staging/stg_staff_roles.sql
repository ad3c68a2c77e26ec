-- stg_staff_roles: each staff member's roles (types).
-- reads: staff_roles
create view stg_staff_roles as
select staff_id, role
from staff_roles;
