-- stg_students: students.csv cleaned and typed, one row per student as the SIS has it.
-- The birth date is read through calendar_dates: YYYY-MM-DD in birth_date, MM/DD/YYYY in
-- birth_date_us, NULL when unreadable; the ZIP code comes from zip_codes; codes are mapped
-- through race_map, grade_codes and home_language_map, flags become Y/N. source_row is the row's
-- place in students.csv (its rowid). Which students are exported is decided in student_placements.
-- reads: calendar_dates, flag_words, grade_codes, home_language_map, race_map, zip_codes, students
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
        race as race_raw,
        upper(hispanic_latino) as hispanic_raw,
        ell_status as ell_raw,
        lower(frl_status) as frl_raw,
        frl_status,
        iep_status,
        address,
        city,
        state,
        zip as zip_raw,
        email,
        home_language,
        graduation_year,
        coalesce(upper(nullif(status, '')), 'ACTIVE') as status,
        nullif(transcript_school_code, '') as transcript_school_code
    from students
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
        (select b.iso from calendar_dates b where b.written = d.birth_date_raw) as birth_date,
        (select b.us from calendar_dates b where b.written = d.birth_date_raw) as birth_date_us,
        d.grade_code,
        g.grade_group,
        g.grade,
        -- OneRoster's grade: the CEDS code; NULL when it has none (warned).
        g.ceds_grade,
        d.race_raw,
        r.clever_race as race,
        d.hispanic_raw,
        d.ell_raw,
        case f.flag when 1 then 'Y' when 0 then 'N' end
            as ell_status,
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
        z.zip,
        d.email,
        d.home_language as home_language_raw,
        m.clever_language as home_language,
        d.graduation_year,
        d.status,
        d.transcript_school_code
    -- Joins on each map's primary key: SQLite leaves out a join whose columns a query does not
    -- read, and one lookup gives all of grade_codes' columns. The birth date stays a lookup:
    -- student_values reads it inside a CASE, where a lookup runs only for the rows that take it.
    from typed d
    left join grade_codes g on g.code = lower(d.grade_code)
    left join race_map r on r.sis_race = lower(d.race_raw)
    left join flag_words f on f.word = lower(d.ell_raw)
    left join zip_codes z on z.raw = d.zip_raw
    left join home_language_map m on m.sis_language = lower(d.home_language)
)
select * from final;
