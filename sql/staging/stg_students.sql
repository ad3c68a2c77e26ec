-- stg_students: students.csv cleaned and typed, one row per student as the SIS has it.
-- The birth date becomes YYYY-MM-DD, and MM/DD/YYYY in birth_date_us, when it is a real
-- calendar date written YYYY-MM-DD or MM/DD/YYYY (the rule of stg_enrollments); anything else is
-- NULL;
-- codes are mapped through race_map and grade_map, flags become Y/N. source_row is the row's
-- place in students.csv (its rowid).
-- Which students are exported is decided in student_placements.
create view stg_students as
with typed as (
    select
        rowid as source_row,
        student_id,
        school_code,
        student_number,
        state_id,
        last_name,
        first_name,
        middle_name,
        upper(gender) as gender_raw,
        birth_date as birth_date_raw,
        grade_level as grade_code,
        upper(grade_level) as grade_raw,
        race as race_raw,
        upper(hispanic_latino) as hispanic_raw,
        lower(frl_status) as frl_raw,
        frl_status,
        iep_status,
        address,
        city,
        state,
        zip as zip_raw,
        replace(replace(zip, '-', ''), ' ', '') as zip_compact,
        email,
        home_language,
        graduation_year,
        coalesce(upper(nullif(status, '')), 'ACTIVE') as status,
        nullif(transcript_school_code, '') as transcript_school_code
    from students
),
dated as (
    select *,
        case
            when substr(birth_date_raw, 3, 1) = '/'
                then (select u.iso from us_dates u where u.written = birth_date_raw)
            when date(birth_date_raw, '+0 days') = birth_date_raw then birth_date_raw
        end as birth_date
    from typed
),
-- Letters and digits only, as the extract spec says: "-" and spaces are replaced above, and the
-- rare ZIP with anything else is read character by character (positions, as in stg_schools).
kept as (
    select d.*,
        case when d.zip_compact glob '*[^0-9A-Za-z]*' then
            (select group_concat(ch, '') from (select substr(d.zip_compact, p.n, 1) as ch from positions p
                where p.n <= length(d.zip_compact) order by p.n) where ch glob '[0-9A-Za-z]')
        else d.zip_compact end as zip_kept
    from dated d
),
final as (
    select
        d.source_row,
        d.student_id,
        d.school_code,
        d.student_number,
        d.state_id,
        d.last_name,
        d.first_name,
        d.middle_name,
        d.gender_raw,
        case d.gender_raw when 'M' then 'M' when 'F' then 'F' when 'X' then 'X' end as gender,
        d.birth_date_raw,
        d.birth_date,
        -- Clever's DOB. A view's column is evaluated anew wherever it is read: export_students
        -- reads only this one, so the date is read once a student.
        strftime('%m/%d/%Y', d.birth_date) as birth_date_us,
        d.grade_code,
        g.grade_group,
        case
            when d.grade_code glob '[0-9]*' and d.grade_code not glob '*[^0-9]*'
                then cast(cast(d.grade_code as integer) as text)
            else coalesce(g.clever_grade, d.grade_raw)
        end as grade,
        d.race_raw,
        r.clever_race as race,
        d.hispanic_raw,
        -- One CASE on the value: it is read (upper-cased) once, not once per test.
        case d.hispanic_raw
            when 'Y' then 'Y' when 'YES' then 'Y' when '1' then 'Y' when 'TRUE' then 'Y'
            when 'N' then 'N' when 'NO' then 'N' when '0' then 'N' when 'FALSE' then 'N'
        end as hispanic_latino,
        d.frl_status,
        case d.frl_raw when 'free' then 'F' when 'reduced' then 'R' else 'N' end as frl_code,
        d.iep_status,
        d.address,
        d.city,
        d.state,
        d.zip_raw,
        case when length(d.zip_kept) in (5, 9) then d.zip_kept end as zip,
        d.email,
        d.home_language,
        d.graduation_year,
        d.status,
        d.transcript_school_code
    from kept d
    left join race_map r on r.sis_race = lower(d.race_raw)
    left join grade_map g on g.sis_grade = lower(d.grade_code)
)
select * from final;
