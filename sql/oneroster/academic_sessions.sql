-- oneroster_academic_sessions: academicSessions.csv, from oneroster_sessions: the school years
-- first, then the terms, each by sourcedId.
-- reads: oneroster_sessions
create view oneroster_academic_sessions as
with final as (
    select
        iif(type = 'schoolYear', '0', '1') || sourced_id as sort_key,
        sourced_id as sourcedId,
        null as status,
        null as dateLastModified,
        title,
        type,
        start_date as startDate,
        end_date as endDate,
        parent_id as parentSourcedId,
        year_ending as schoolYear
    from oneroster_sessions
)
select * from final;
