-- check_oneroster_references: OneRoster references that do not resolve within the set: a user's
-- orgs, an org's parent, a term's school year, a course's school year and org, a class's course,
-- school and term, an enrollment's class, user and school; and agentSourcedIds, which must link
-- a student and a guardian, parent or relative, each listing the other. Lists are split at their
-- commas.
-- reads: oneroster_academic_sessions, oneroster_classes, oneroster_courses, oneroster_enrollments, oneroster_orgs, oneroster_users
create view check_oneroster_references as
with recursive lists (file, id, list, value) as (
    select 'users.csv', sourcedId, 'orgSourcedIds', orgSourcedIds from oneroster_users where orgSourcedIds <> ''
    union all
    select 'users.csv', sourcedId, 'agentSourcedIds', agentSourcedIds from oneroster_users where agentSourcedIds <> ''
    union all
    select 'classes.csv', sourcedId, 'termSourcedIds', termSourcedIds from oneroster_classes where termSourcedIds <> ''
),
-- Only the lists of several values are split; most hold one.
items (file, id, list, item, rest) as (
    select file, id, list, null, value || ',' from lists where instr(value, ',') > 0
    union all
    select file, id, list, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1)
    from items
    where rest <> ''
),
listed as (
    select file, id, list, value as item from lists where instr(value, ',') = 0
    union all
    select file, id, list, item from items where item is not null
),
orgs as (select sourcedId, type from oneroster_orgs),
school_years as (select sourcedId from oneroster_academic_sessions where type = 'schoolYear'),
users as (select sourcedId, role from oneroster_users),
-- Each agent link with both ends' roles (NULL: the agent is no user).
links as (
    select l.id, l.item, u.role = 'student' as from_student, a.role as agent_role
    from listed l
    join users u on u.sourcedId = l.id
    left join users a on a.sourcedId = l.item
    where l.list = 'agentSourcedIds'
),
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
    -- One pass over the enrollments, the first reference that fails named.
    select 'enrollments.csv', sourcedId, case
            when classSourcedId not in (select sourcedId from oneroster_classes) then 'classSourcedId ' || classSourcedId || ' is not in classes.csv'
            when userSourcedId not in (select sourcedId from users) then 'userSourcedId ' || userSourcedId || ' is not in users.csv'
            when schoolSourcedId not in (select sourcedId from orgs where type = 'school') then 'schoolSourcedId ' || schoolSourcedId || ' is not a school of orgs.csv'
        end
    from oneroster_enrollments
    where classSourcedId not in (select sourcedId from oneroster_classes)
        or userSourcedId not in (select sourcedId from users)
        or schoolSourcedId not in (select sourcedId from orgs where type = 'school')
    union all
    -- An agent is a user of the other side: a student's a guardian, parent or relative, theirs a student.
    select 'users.csv', id, 'agentSourcedIds names ' || item || ', ' || iif(agent_role is null, 'which is not in users.csv',
            'a ' || agent_role || ', not ' || iif(from_student, 'a guardian, parent or relative', 'a student'))
    from links
    where agent_role is null or iif(from_student, agent_role not in ('guardian', 'parent', 'relative'), agent_role <> 'student')
    union all
    -- Each link listed both ways: a (student, agent) pair that only one side lists.
    select 'users.csv', max(iif(from_student, student, agent)),
        'agentSourcedIds names ' || max(iif(from_student, agent, student)) || ', who does not list '
            || max(iif(from_student, student, agent)) || ' back'
    from (
        select iif(from_student, id, item) as student, iif(from_student, item, id) as agent, from_student
        from links
        where agent_role is not null
    )
    group by student, agent
    having count(distinct from_student) = 1
),
final as (
    select 'error' as severity, 'oneroster_dangling_reference' as code, 'oneroster/' || file as file,
        'sourcedId ' || id as record, problem || '; receivers reject the set' as message
    from dangling
)
select * from final;
