-- stg_courses: courses.csv cleaned; subject mapped through subject_map ('other' when unknown),
-- the grade level through grade_codes.
-- reads: courses, grade_codes, subject_map, flag_words
create view stg_courses as
with typed as (
    select
        school_code,
        course_code,
        description,
        subject as subject_raw,
        user_flag_2,
        is_special_ed,
        grade_level as grade_raw
    from courses
),
final as (
    select
        c.school_code,
        c.course_code,
        c.description,
        c.subject_raw,
        coalesce(m.clever_subject, 'other') as subject,
        c.grade_raw,
        (select g.grade from grade_codes g where g.code = lower(c.grade_raw))
            as grade,
        coalesce((select f.flag from flag_words f where f.word = lower(c.user_flag_2)), 0) as user_flag_2,
        coalesce((select f.flag from flag_words f where f.word = lower(c.is_special_ed)), 0) as is_special_ed
    from typed c
    left join subject_map m on m.sis_subject = lower(c.subject_raw)
)
select * from final;
