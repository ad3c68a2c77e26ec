-- check_oneroster_warnings: what a receiver takes but a district should know: a username that
-- fell back to the sourcedId, a student grade with no CEDS code (written empty), a term whose
-- sections carry several school years, a course whose classes carry several course names, staff
-- that other_staff_role = "omit" leaves out, a one-word guardian name (in both name fields), and
-- a sourcedId over 100 characters or with more than ASCII letters, digits, '-', '_' and '.' (the
-- limit Great Minds documents; other receivers may be as strict).
-- reads: oneroster_academic_sessions, oneroster_classes, oneroster_course_rows, oneroster_courses, oneroster_enrollments, oneroster_orgs, oneroster_people, oneroster_sessions
create view check_oneroster_warnings as
with ids (file, id) as (
    select 'orgs.csv', sourcedId from oneroster_orgs
    union all select 'academicSessions.csv', sourcedId from oneroster_academic_sessions
    union all select 'courses.csv', sourcedId from oneroster_courses
    union all select 'classes.csv', sourcedId from oneroster_classes
    union all select 'users.csv', sourced_id from oneroster_people where role <> 'omit'
    union all select 'enrollments.csv', sourcedId from oneroster_enrollments
),
found (code, file, id, message) as (
    select 'oneroster_username_fallback', 'users.csv', sourced_id,
        'has no username from its source (' || case kind when 'guardian' then 'no e-mail' else 'empty' end || '); written as its sourcedId'
    from oneroster_people where username_fell_back and role <> 'omit'
    union all
    select 'oneroster_grade_unmapped', 'users.csv', sourced_id,
        'grade_level "' || grade_code || '" has no CEDS grade (ceds_grade_map in sql/schema/03_mappings.sql); grades written empty'
    from oneroster_people where kind = 'student' and coalesce(grade_code, '') <> '' and grades is null
    union all
    select 'oneroster_term_years', 'academicSessions.csv', sourced_id,
        'its sections carry ' || school_years || ' school years; the term is put under ' || parent_id || ', the one most carry'
    from oneroster_sessions where school_years > 1
    union all
    select 'oneroster_course_names', 'courses.csv', sourced_id,
        'its classes carry ' || course_names || ' course names; titled "' || title || '", its first class''s'
    from oneroster_course_rows where course_names > 1
    union all
    select 'oneroster_staff_omitted', 'users.csv', sourced_id,
        'no rule gives a role, and oneroster.other_staff_role is "omit": left out of users.csv'
    from oneroster_people where role = 'omit'
    union all
    select 'oneroster_one_word_name', 'users.csv', sourced_id,
        'guardian name "' || given_name || '" is one word; written as both givenName and familyName'
    from oneroster_people where kind = 'guardian' and is_one_word
    union all
    select 'oneroster_sourced_id', file, id,
        iif(length(id) > 100, 'is ' || length(id) || ' characters long (receivers may take 100)',
            'holds characters besides letters, digits, - _ and . (receivers may refuse them)')
    from ids
    where length(id) > 100 or id glob '*[^A-Za-z0-9._-]*'
),
final as (
    select 'warning' as severity, code, 'oneroster/' || file as file, 'sourcedId ' || id as record, message
    from found
)
select * from final;
