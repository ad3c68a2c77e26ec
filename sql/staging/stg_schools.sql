-- stg_schools: schools.csv cleaned. ZIP code and phone come from zip_codes and
-- stg_phone_numbers (NULL when they cannot be written), the grades are read through grade_codes;
-- level defaults to OTHER. The *_raw columns keep what the SIS wrote, for the checks.
-- reads: schools, grade_codes, stg_phone_numbers, zip_codes, flag_words
create view stg_schools as
with typed as (
    select
        rowid as source_row,
        school_code,
        name,
        nullif(school_number, '') as school_number,
        state_id,
        nces_id,
        address,
        city,
        state,
        zip as zip_raw,
        phone as phone_raw,
        low_grade as low_grade_raw,
        high_grade as high_grade_raw,
        principal_name,
        principal_email,
        upper(nullif(level, '')) as level,
        is_preregistration
    from schools
),
final as (
    select
        s.source_row,
        s.school_code,
        s.name,
        coalesce(s.school_number, s.school_code) as school_number,
        s.state_id,
        s.nces_id,
        s.address,
        s.city,
        s.state,
        s.zip_raw,
        (select z.zip from zip_codes z where z.raw = s.zip_raw) as zip,
        s.phone_raw,
        (select p.phone from stg_phone_numbers p where p.owner = 'school' and p.source_row = s.source_row) as phone,
        s.low_grade_raw,
        (select g.grade from grade_codes g where g.code = lower(s.low_grade_raw))
            as low_grade,
        s.high_grade_raw,
        (select g.grade from grade_codes g where g.code = lower(s.high_grade_raw))
            as high_grade,
        s.principal_name,
        s.principal_email,
        coalesce(s.level, 'OTHER') as level,
        coalesce((select f.flag from flag_words f where f.word = lower(s.is_preregistration)), 0) as is_preregistration
    from typed s
)
select * from final;
