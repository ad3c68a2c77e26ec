-- check_oneroster_primary_teachers: a class with more than one primary teacher enrollment; only
-- one teacher of a class may be primary.
-- reads: oneroster_enrollments
create view check_oneroster_primary_teachers as
with final as (
    select 'error' as severity, 'oneroster_primary_teachers' as code, 'oneroster/enrollments.csv' as file,
        'classSourcedId ' || classSourcedId as record,
        count(*) || ' teachers are primary; only one may be; receivers reject the set' as message
    from oneroster_enrollments
    where role = 'teacher' and "primary" = 'true'
    group by classSourcedId
    having count(*) > 1
)
select * from final;
