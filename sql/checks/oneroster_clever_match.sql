-- check_oneroster_clever_match: the OneRoster set must tell the same roster as the Clever files
-- of the same run: the school orgs are schools.csv, the student users students.csv, the classes
-- sections.csv, the student enrollments enrollments.csv; every teachers.csv Teacher_id is a staff
-- user, every teacher sections.csv names a teacher user, every staff user in teachers.csv,
-- staff.csv or admins.csv; each class's teachers are its Teacher_*_id columns, its primary its
-- Teacher_id. Compared as sets, each way; with OneRoster off, nothing is read (enabled is empty).
-- reads: clever_admins, clever_enrollments, clever_schools, clever_sections, clever_staff, clever_students, clever_teachers, oneroster_classes, oneroster_enrollments, oneroster_orgs, oneroster_people, oneroster_users, run_options, written_teachers
create view check_oneroster_clever_match as
-- Not materialized: each use reads run_options in place (and so the header's reads hold).
with enabled as not materialized (
    select 1 from run_options where oneroster_enabled
),
staff_users as (
    select sourcedId, role from oneroster_users where role not in ('student', 'guardian', 'parent', 'relative')
),
clever_people as (
    select Teacher_id as id from clever_teachers union select Staff_id from clever_staff union select Staff_id from clever_admins
),
differences (file, record, problem) as (
    select 'orgs.csv', 'School_id ' || School_id, 'is in schools.csv but not a school of orgs.csv'
    from (select School_id from enabled cross join clever_schools except select sourcedId from oneroster_orgs where type = 'school')
    union all
    select 'orgs.csv', 'sourcedId ' || sourcedId, 'is a school of orgs.csv but not in schools.csv'
    from (select sourcedId from oneroster_orgs where type = 'school' except select School_id from enabled cross join clever_schools)
    union all
    select 'users.csv', 'Student_id ' || Student_id, 'is in students.csv but not a student of users.csv'
    from (select Student_id from enabled cross join clever_students except select sourcedId from oneroster_users where role = 'student')
    union all
    select 'users.csv', 'sourcedId ' || sourcedId, 'is a student of users.csv but not in students.csv'
    from (select sourcedId from oneroster_users where role = 'student' except select Student_id from enabled cross join clever_students)
    union all
    -- Staff that other_staff_role = "omit" leaves out are counted by check_oneroster_warnings.
    select 'users.csv', 'Teacher_id ' || Teacher_id, 'is in teachers.csv but not a staff user of users.csv'
    from (
        select Teacher_id from enabled cross join clever_teachers
        except select sourcedId from staff_users
        except select sourced_id from oneroster_people where role = 'omit'
    )
    union all
    select 'users.csv', 'sourcedId ' || w.staff_id, 'teaches ' || min(w.section_id) || ' in sections.csv but is not a teacher of users.csv'
    from enabled cross join written_teachers w
    where w.staff_id not in (select sourcedId from staff_users where role = 'teacher')
    group by w.staff_id
    union all
    select 'users.csv', 'sourcedId ' || sourcedId, 'is a staff user of users.csv but in none of teachers.csv, staff.csv, admins.csv'
    from (select sourcedId from staff_users except select id from enabled cross join clever_people)
    union all
    select 'classes.csv', 'Section_id ' || Section_id, 'is in sections.csv but not in classes.csv'
    from (select Section_id from enabled cross join clever_sections except select sourcedId from oneroster_classes)
    union all
    select 'classes.csv', 'sourcedId ' || sourcedId, 'is in classes.csv but not in sections.csv'
    from (select sourcedId from oneroster_classes except select Section_id from enabled cross join clever_sections)
    union all
    select 'enrollments.csv', 'Section_id ' || s || ' / Student_id ' || u, 'is in enrollments.csv but not a student enrollment of the OneRoster set'
    from (
        select Section_id as s, Student_id as u from enabled cross join clever_enrollments
        except select classSourcedId, userSourcedId from oneroster_enrollments where role = 'student'
    )
    union all
    select 'enrollments.csv', 'sourcedId ' || s || '.' || u, 'is a student enrollment of the OneRoster set but not in enrollments.csv'
    from (
        select classSourcedId as s, userSourcedId as u from oneroster_enrollments where role = 'student'
        except select Section_id, Student_id from enabled cross join clever_enrollments
    )
    union all
    select 'enrollments.csv', 'classSourcedId ' || s || ', teacher ' || u || iif(p = 'true', ' (primary)', ''),
        'is not what sections.csv writes (Teacher_id primary, Teacher_2_id … not)'
    from (
        select classSourcedId as s, userSourcedId as u, "primary" as p from oneroster_enrollments where role = 'teacher'
        except select section_id, staff_id, iif(slot = 1, 'true', 'false') from enabled cross join written_teachers
    )
    union all
    select 'enrollments.csv', 'classSourcedId ' || s || ', teacher ' || u, 'is a teacher of the class in sections.csv but has no such enrollment'
    from (
        select section_id as s, staff_id as u, iif(slot = 1, 'true', 'false') as p from enabled cross join written_teachers
        except select classSourcedId, userSourcedId, "primary" from oneroster_enrollments where role = 'teacher'
    )
),
final as (
    select 'error' as severity, 'oneroster_differs_from_clever' as code, 'oneroster/' || file as file, record,
        problem || '; the OneRoster set and the Clever files would disagree' as message
    from differences
)
select * from final;
