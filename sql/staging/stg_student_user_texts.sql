-- stg_student_user_texts: students' free user-text fields. Options name them as
-- user_text:FIELD; an empty value counts as not set.
-- reads: student_user_texts
create view stg_student_user_texts as
select student_id, field, nullif(value, '') as value
from student_user_texts;
