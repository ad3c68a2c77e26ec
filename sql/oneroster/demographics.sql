-- oneroster_demographics: demographics.csv (oneroster.demographics), one row per student user:
-- birth date, sex from Clever's Gender (M male, F female, else empty), one race flag true from
-- Clever's Race letter and the other five false (all empty with no race), Hispanic/Latino from
-- Hispanic_Latino Y/N.
-- reads: export_students, run_options, stg_students
create view oneroster_demographics as
with final as (
    select
        s.student_id as sort_key,
        s.student_id as sourcedId,
        null as status,
        null as dateLastModified,
        g.birth_date as birthDate,
        case s.gender when 'M' then 'male' when 'F' then 'female' end as sex,
        case when s.race <> '' then iif(s.race = 'I', 'true', 'false') end as americanIndianOrAlaskaNative,
        case when s.race <> '' then iif(s.race = 'A', 'true', 'false') end as asian,
        case when s.race <> '' then iif(s.race = 'B', 'true', 'false') end as blackOrAfricanAmerican,
        case when s.race <> '' then iif(s.race = 'P', 'true', 'false') end as nativeHawaiianOrOtherPacificIslander,
        case when s.race <> '' then iif(s.race = 'W', 'true', 'false') end as white,
        case when s.race <> '' then iif(s.race = 'M', 'true', 'false') end as demographicRaceTwoOrMoreRaces,
        case s.hispanic_latino when 'Y' then 'true' when 'N' then 'false' end as hispanicOrLatinoEthnicity,
        null as countryOfBirthCode,
        null as stateOfBirthAbbreviation,
        null as cityOfBirth,
        null as publicSchoolResidenceStatus
    from run_options o
    cross join export_students s
    left join stg_students g on g.source_row = s.source_row
    where o.oneroster_enabled and o.oneroster_demographics
)
select * from final;
