-- stg_staff_roles: each staff member's roles (types), trimmed.
create view stg_staff_roles as
select trim(staff_id) as staff_id, trim(role) as role
from staff_roles;
