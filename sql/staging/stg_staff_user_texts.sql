-- stg_staff_user_texts: staff members' free user-text fields. Options name them as
-- user_text:FIELD; an empty value counts as not set.
-- reads: staff_user_texts
create view stg_staff_user_texts as
select staff_id, field, nullif(value, '') as value
from staff_user_texts;
