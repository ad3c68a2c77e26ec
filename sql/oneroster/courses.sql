-- oneroster_courses: courses.csv, from oneroster_course_rows. grades and subjectCodes are empty
-- (the extract has no SCED codes).
-- reads: oneroster_course_rows
create view oneroster_courses as
with final as (
    select
        sourced_id as sort_key,
        sourced_id as sourcedId,
        null as status,
        null as dateLastModified,
        school_year_id as schoolYearSourcedId,
        title,
        course_code as courseCode,
        null as grades,
        org_id as orgSourcedId,
        subjects,
        null as subjectCodes
    from oneroster_course_rows
)
select * from final;
