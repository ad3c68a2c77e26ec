-- stg_courses: courses.csv cleaned; subject mapped through subject_map ('other' when unknown).
-- reads: courses, subject_map
create view stg_courses as
with typed as (
    select
        school_code,
        course_code,
        description,
        subject as subject_raw,
        upper(user_flag_2) as user_flag_2,
        upper(is_special_ed) as is_special_ed
    from courses
),
final as (
    select
        c.school_code,
        c.course_code,
        c.description,
        c.subject_raw,
        coalesce(m.clever_subject, 'other') as subject,
        c.user_flag_2 in ('Y', 'YES', '1', 'TRUE') as user_flag_2,
        c.is_special_ed in ('Y', 'YES', '1', 'TRUE') as is_special_ed
    from typed c
    left join subject_map m on m.sis_subject = lower(c.subject_raw)
)
select * from final;
