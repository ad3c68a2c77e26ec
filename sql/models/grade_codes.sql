-- grade_codes: every grade code the extract uses (schools' low and high grades, students' and
-- courses' grade levels), by its lower-case spelling, and what it reads as: Clever's grade name
-- and its group (grade_map), and OneRoster's CEDS code (ceds_grade_map; NULL when it has none).
-- A code grade_map does not know is written as the extract has it, upper-cased: this is the one
-- place that rule lives. The staging views look their grades up here.
-- reads: ceds_grade_map, courses, grade_map, schools, students
drop table if exists grade_codes;
create table grade_codes (code text primary key, grade text, grade_group text, ceds_grade text) without rowid;
insert into grade_codes
with written (code) as (
    select lower(grade_level) from students
    union select lower(low_grade) from schools
    union select lower(high_grade) from schools
    union select lower(grade_level) from courses
),
final as (
    select
        w.code,
        coalesce(g.clever_grade, upper(w.code)) as grade,
        g.grade_group,
        c.ceds_grade
    from written w
    left join grade_map g on g.sis_grade = w.code
    left join ceds_grade_map c on c.sis_grade = w.code
    where w.code is not null
)
select * from final;
