-- oneroster_orgs: orgs.csv: the district (oneroster.district_id and district_name) first, then
-- each school of schools.csv under it. DEFAULT_DISTRICT_OFFICE is not an org.
-- reads: clever_schools, run_options
create view oneroster_orgs as
with final as (
    select
        '0' as sort_key,
        o.oneroster_district_id as sourcedId,
        null as status,
        null as dateLastModified,
        o.oneroster_district_name as name,
        'district' as type,
        null as identifier,
        null as parentSourcedId
    from run_options o
    where o.oneroster_enabled
    union all
    select '1' || s.School_id, s.School_id, null, null, s.School_name, 'school', s.School_number,
        o.oneroster_district_id
    from run_options o
    cross join clever_schools s
    where o.oneroster_enabled
)
select * from final;
