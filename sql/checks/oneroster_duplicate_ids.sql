-- check_oneroster_duplicate_ids: a sourcedId given to two rows of one OneRoster file; in users.csv
-- across students, staff and guardians (a student_id equal to a staff_id), in orgs.csv a
-- district_id equal to a school's code.
-- reads: oneroster_academic_sessions, oneroster_classes, oneroster_courses, oneroster_demographics, oneroster_enrollments, oneroster_orgs, oneroster_users
create view check_oneroster_duplicate_ids as
with duplicates (file, id, copies) as (
    select 'orgs.csv', sourcedId, count(*) from oneroster_orgs group by sourcedId having count(*) > 1
    union all
    select 'academicSessions.csv', sourcedId, count(*) from oneroster_academic_sessions group by sourcedId having count(*) > 1
    union all
    select 'courses.csv', sourcedId, count(*) from oneroster_courses group by sourcedId having count(*) > 1
    union all
    select 'classes.csv', sourcedId, count(*) from oneroster_classes group by sourcedId having count(*) > 1
    union all
    select 'users.csv', sourcedId, count(*) from oneroster_users group by sourcedId having count(*) > 1
    union all
    select 'enrollments.csv', sourcedId, count(*) from oneroster_enrollments group by sourcedId having count(*) > 1
    union all
    select 'demographics.csv', sourcedId, count(*) from oneroster_demographics group by sourcedId having count(*) > 1
),
final as (
    select 'error' as severity, 'oneroster_duplicate_id' as code, 'oneroster/' || file as file,
        'sourcedId ' || id as record,
        'is given to ' || copies || ' rows' || case file
            when 'users.csv' then ' (students, staff and guardians share one list of sourcedIds)'
            when 'orgs.csv' then ' (oneroster.district_id must differ from every school_code)'
            else '' end || '; receivers reject the set' as message
    from duplicates
)
select * from final;
