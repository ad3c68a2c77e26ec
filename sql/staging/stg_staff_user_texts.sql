-- stg_staff_user_texts: staff members' free user-text fields, trimmed. Options name them as
-- user_text:FIELD; an empty value counts as not set.
create view stg_staff_user_texts as
select trim(staff_id) as staff_id, trim(field) as field, nullif(trim(value), '') as value
from staff_user_texts;
