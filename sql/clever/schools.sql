-- clever_schools: schools.csv, one row per selected school. Low_grade and High_grade are
-- written empty, as in the reference product ("not used"), unless export.extra_columns names
-- them.
-- reads: extra_columns, selected_schools
create view clever_schools as
with final as (
    select
        school_code as School_id,
        name as School_name,
        school_number as School_number,
        state_id as State_id,
        nces_id as Nces_id,
        address as School_address,
        city as School_city,
        state as School_state,
        zip as School_zip,
        phone as School_phone,
        iif('schools.Low_grade' in (select name from extra_columns), low_grade, null) as Low_grade,
        iif('schools.High_grade' in (select name from extra_columns), high_grade, null) as High_grade,
        principal_name as Principal,
        principal_email as Principal_email,
        -- Not written: the record's extract row, by which the writer looks up its extension fields.
        source_row as extension_row
    from selected_schools
)
select * from final;
