-- check_oneroster_required_fields: OneRoster rows with a required field empty, or a value outside
-- its enumeration or format (Date YYYY-MM-DD, Year YYYY, true/false, the roles and types, CEDS
-- grades). A receiver rejects the set. Only the first problem of a row is named.
-- reads: ceds_grades, oneroster_academic_sessions, oneroster_classes, oneroster_courses, oneroster_demographics, oneroster_enrollments, oneroster_orgs, oneroster_users
create view check_oneroster_required_fields as
with problems (file, id, problem) as (
    select 'orgs.csv', sourcedId,
        case
            when coalesce(sourcedId, '') = '' then 'sourcedId is empty'
            when coalesce(name, '') = '' then 'name is empty'
            when type not in ('department', 'school', 'district', 'local', 'state', 'national')
                then 'type "' || coalesce(type, '') || '" is not an org type'
        end
    from oneroster_orgs
    union all
    select 'academicSessions.csv', sourcedId,
        case
            when coalesce(title, '') = '' then 'title is empty'
            when type not in ('gradingPeriod', 'semester', 'schoolYear', 'term')
                then 'type "' || coalesce(type, '') || '" is not a session type'
            when coalesce(startDate, '') = '' then 'startDate is empty (no terms.csv row gives it)'
            when coalesce(endDate, '') = '' then 'endDate is empty (no terms.csv row gives it)'
            when date(startDate) is not startDate then 'startDate "' || startDate || '" is not a YYYY-MM-DD date'
            when date(endDate) is not endDate then 'endDate "' || endDate || '" is not a YYYY-MM-DD date'
            when coalesce(schoolYear, '') not glob '[0-9][0-9][0-9][0-9]' then 'schoolYear "' || coalesce(schoolYear, '') || '" is not a year'
        end
    from oneroster_academic_sessions
    union all
    select 'courses.csv', sourcedId,
        case
            when coalesce(title, '') = '' then 'title is empty'
            when coalesce(orgSourcedId, '') = '' then 'orgSourcedId is empty'
        end
    from oneroster_courses
    union all
    select 'classes.csv', sourcedId,
        case
            when coalesce(title, '') = '' then 'title is empty'
            when coalesce(courseSourcedId, '') = '' then 'courseSourcedId is empty'
            when classType not in ('homeroom', 'scheduled') then 'classType "' || coalesce(classType, '') || '" is not homeroom or scheduled'
            when coalesce(schoolSourcedId, '') = '' then 'schoolSourcedId is empty'
            when coalesce(termSourcedIds, '') = '' then 'termSourcedIds is empty'
        end
    from oneroster_classes
    union all
    select 'users.csv', sourcedId,
        case
            when coalesce(sourcedId, '') = '' then 'sourcedId is empty'
            when enabledUser not in ('true', 'false') then 'enabledUser is not true or false'
            when coalesce(orgSourcedIds, '') = '' then 'orgSourcedIds is empty'
            when role not in ('administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher')
                then 'role "' || coalesce(role, '') || '" is not a OneRoster role'
            when coalesce(username, '') = '' then 'username is empty'
            when coalesce(givenName, '') = '' then 'givenName is empty'
            when coalesce(familyName, '') = '' then 'familyName is empty'
            when coalesce(grades, '') <> '' and grades not in (select ceds_grade from ceds_grades)
                then 'grade "' || grades || '" is not a CEDS grade'
        end
    from oneroster_users
    union all
    select 'enrollments.csv', sourcedId,
        case
            when coalesce(classSourcedId, '') = '' then 'classSourcedId is empty'
            when coalesce(schoolSourcedId, '') = '' then 'schoolSourcedId is empty'
            when coalesce(userSourcedId, '') = '' then 'userSourcedId is empty'
            when role not in ('administrator', 'proctor', 'student', 'teacher') then 'role "' || coalesce(role, '') || '" is not an enrollment role'
            when coalesce("primary", '') not in ('', 'true', 'false') then 'primary is not true or false'
        end
    from oneroster_enrollments
    union all
    select 'demographics.csv', sourcedId,
        case
            when coalesce(birthDate, '') <> '' and date(birthDate) is not birthDate then 'birthDate "' || birthDate || '" is not a YYYY-MM-DD date'
            when coalesce(sex, '') not in ('', 'male', 'female') then 'sex "' || sex || '" is not male or female'
        end
    from oneroster_demographics
),
final as (
    select 'error' as severity, 'oneroster_required_field' as code, 'oneroster/' || file as file,
        'sourcedId ' || coalesce(id, '?') as record, problem || '; receivers reject the set' as message
    from problems
    where problem is not null
)
select * from final;
