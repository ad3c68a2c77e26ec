-- oneroster_manifest: manifest.csv: the versions, each file of the set bulk or absent (we never
-- write delta sets), and the source. demographics.csv is bulk with oneroster.demographics; the
-- gradebook and resource files are absent. sort_key (not written) keeps the contract's order.
-- reads: run_options
create view oneroster_manifest as
with properties (sort_key, propertyName, value) as (
    select '01', 'manifest.version', '1.0' union all
    select '02', 'oneroster.version', '1.1' union all
    select '03', 'file.academicSessions', 'bulk' union all
    select '04', 'file.categories', 'absent' union all
    select '05', 'file.classes', 'bulk' union all
    select '06', 'file.classResources', 'absent' union all
    select '07', 'file.courses', 'bulk' union all
    select '08', 'file.courseResources', 'absent' union all
    select '09', 'file.demographics', 'demographics' union all
    select '10', 'file.enrollments', 'bulk' union all
    select '11', 'file.lineItems', 'absent' union all
    select '12', 'file.orgs', 'bulk' union all
    select '13', 'file.resources', 'absent' union all
    select '14', 'file.results', 'absent' union all
    select '15', 'file.users', 'bulk' union all
    select '16', 'source.systemName', 'clever-export' union all
    select '17', 'source.systemCode', 'district_id'
),
final as (
    select
        p.sort_key,
        p.propertyName,
        case p.value
            when 'demographics' then iif(o.oneroster_demographics, 'bulk', 'absent')
            when 'district_id' then o.oneroster_district_id
            else p.value
        end as value
    from run_options o
    cross join properties p
    where o.oneroster_enabled
)
select * from final;
