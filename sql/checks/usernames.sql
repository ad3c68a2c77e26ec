-- check_usernames: one Username given to two different people of a file. Both would sign in to
-- the same account, so each is named. Generated usernames can collide (first_initial_last_name
-- numbers collisions without looking at other names; two e-mail local parts can match). The
-- students are checked only when their username is not their Student_id, which is unique.
-- reads: clever_staff, clever_students, clever_teachers, run_options
create view check_usernames as
with shared as (
    select 'teachers' as file, Username, count(distinct Teacher_id) as people
    from clever_teachers
    where Username <> ''
    group by Username having count(distinct Teacher_id) > 1
    union all
    select 'staff', Username, count(distinct Staff_id)
    from clever_staff
    where Username <> ''
    group by Username having count(distinct Staff_id) > 1
    union all
    select 'students', s.Username, count(distinct s.Student_id)
    from run_options o
    cross join clever_students s
    where o.students_username <> 'student_id' and s.Username <> ''
    group by s.Username having count(distinct s.Student_id) > 1
),
final as (
    select 'warning' as severity, 'duplicate_username' as code, file, 'Username ' || Username as record,
        'is given to ' || people || ' people; they would sign in to the same account' as message
    from shared
)
select * from final;
