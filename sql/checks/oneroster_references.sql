-- check_oneroster_references: OneRoster references that do not resolve within the set: a user's
-- orgs, an org's parent, a term's school year, a course's school year and org, a class's course,
-- school and term, an enrollment's class, user and school; and agentSourcedIds, which must link
-- a student and a guardian, parent or relative, each listing the other. Lists are split at their
-- commas.
-- reads: oneroster_academic_sessions, oneroster_classes, oneroster_courses, oneroster_enrollments, oneroster_orgs, oneroster_users
create view check_oneroster_references as
with recursive items (file, id, list, item, rest) as (
    select 'users.csv', sourcedId, 'orgSourcedIds', null, orgSourcedIds || ',' from oneroster_users where orgSourcedIds <> ''
    union all
    select 'users.csv', sourcedId, 'agentSourcedIds', null, agentSourcedIds || ',' from oneroster_users where agentSourcedIds <> ''
    union all
    select 'classes.csv', sourcedId, 'termSourcedIds', null, termSourcedIds || ',' from oneroster_classes where termSourcedIds <> ''
    union all
    select file, id, list, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1)
    from items
    where rest <> ''
),
listed as (
    select file, id, list, item from items where item is not null
),
orgs as (select sourcedId, type from oneroster_orgs),
school_years as (select sourcedId from oneroster_academic_sessions where type = 'schoolYear'),
users as (select sourcedId, role from oneroster_users),
links as (
    select l.id, l.item, u.role = 'student' as from_student
    from listed l join users u on u.sourcedId = l.id
    where l.list = 'agentSourcedIds'
),
student_links as (select id as student, item as agent from links where from_student),
agent_links as (select item as student, id as agent from links where not from_student),
dangling (file, id, problem) as (
    select file, id, list || ' names ' || item || ', which is not in orgs.csv'
    from listed where list = 'orgSourcedIds' and item not in (select sourcedId from orgs)
    union all
    select file, id, 'termSourcedIds names ' || item || ', which is not in academicSessions.csv'
    from listed where list = 'termSourcedIds' and item not in (select sourcedId from oneroster_academic_sessions)
    union all
    select 'orgs.csv', sourcedId, 'parentSourcedId ' || parentSourcedId || ' is not in orgs.csv'
    from oneroster_orgs where parentSourcedId <> '' and parentSourcedId not in (select sourcedId from orgs)
    union all
    select 'academicSessions.csv', sourcedId, 'parentSourcedId ' || parentSourcedId || ' is not a schoolYear of academicSessions.csv'
    from oneroster_academic_sessions where parentSourcedId <> '' and parentSourcedId not in (select sourcedId from school_years)
    union all
    select 'courses.csv', sourcedId, 'schoolYearSourcedId ' || coalesce(schoolYearSourcedId, '') || ' is not a schoolYear of academicSessions.csv'
    from oneroster_courses where coalesce(schoolYearSourcedId, '') not in (select sourcedId from school_years)
    union all
    select 'courses.csv', sourcedId, 'orgSourcedId ' || orgSourcedId || ' is not in orgs.csv'
    from oneroster_courses where orgSourcedId not in (select sourcedId from orgs)
    union all
    select 'classes.csv', sourcedId, 'courseSourcedId ' || courseSourcedId || ' is not in courses.csv'
    from oneroster_classes where courseSourcedId not in (select sourcedId from oneroster_courses)
    union all
    select 'classes.csv', sourcedId, 'schoolSourcedId ' || schoolSourcedId || ' is not a school of orgs.csv'
    from oneroster_classes where schoolSourcedId not in (select sourcedId from orgs where type = 'school')
    union all
    select 'enrollments.csv', sourcedId, 'classSourcedId ' || classSourcedId || ' is not in classes.csv'
    from oneroster_enrollments where classSourcedId not in (select sourcedId from oneroster_classes)
    union all
    select 'enrollments.csv', sourcedId, 'userSourcedId ' || userSourcedId || ' is not in users.csv'
    from oneroster_enrollments where userSourcedId not in (select sourcedId from users)
    union all
    select 'enrollments.csv', sourcedId, 'schoolSourcedId ' || schoolSourcedId || ' is not a school of orgs.csv'
    from oneroster_enrollments where schoolSourcedId not in (select sourcedId from orgs where type = 'school')
    union all
    -- An agent is a user of the other side: a student's a guardian, parent or relative, theirs a student.
    select l.file, l.id, 'agentSourcedIds names ' || l.item || ', ' || iif(a.sourcedId is null, 'which is not in users.csv',
            'a ' || a.role || ', not ' || iif(u.role = 'student', 'a guardian, parent or relative', 'a student'))
    from listed l
    join users u on u.sourcedId = l.id
    left join users a on a.sourcedId = l.item
    where l.list = 'agentSourcedIds'
        and (a.sourcedId is null or iif(u.role = 'student', a.role not in ('guardian', 'parent', 'relative'), a.role <> 'student'))
    union all
    -- Each link listed both ways (compared as sets: no lookup per link).
    select 'users.csv', student, 'agentSourcedIds names ' || agent || ', who does not list ' || student || ' back'
    from (select student, agent from student_links except select student, agent from agent_links)
    union all
    select 'users.csv', agent, 'agentSourcedIds names ' || student || ', who does not list ' || agent || ' back'
    from (select student, agent from agent_links except select student, agent from student_links)
),
final as (
    select 'error' as severity, 'oneroster_dangling_reference' as code, 'oneroster/' || file as file,
        'sourcedId ' || id as record, problem || '; receivers reject the set' as message
    from dangling
)
select * from final;
