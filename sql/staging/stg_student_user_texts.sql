-- stg_student_user_texts: students' free user-text fields, trimmed. Options name them as
-- user_text:FIELD; an empty value counts as not set.
create view stg_student_user_texts as
select trim(student_id) as student_id, trim(field) as field, nullif(trim(value), '') as value
from student_user_texts;
