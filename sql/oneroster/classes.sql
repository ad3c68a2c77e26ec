-- oneroster_classes: classes.csv, from oneroster_class_rows.
-- reads: oneroster_class_rows
create view oneroster_classes as
with final as (
    select
        sourced_id as sort_key,
        sourced_id as sourcedId,
        null as status,
        null as dateLastModified,
        title,
        grades,
        course_id as courseSourcedId,
        class_code as classCode,
        class_type as classType,
        location,
        school_id as schoolSourcedId,
        term_id as termSourcedIds,
        subjects,
        null as subjectCodes,
        periods
    from oneroster_class_rows
)
select * from final;
