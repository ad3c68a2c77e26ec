-- stg_enrollments: enrollments.csv with dates as YYYY-MM-DD, read in enrollment_dates (each pair
-- of dates once). An empty date is an open end; a date that cannot be read is NULL too, read as
-- an open end, and has_unreadable_date.
-- reads: enrollments, enrollment_dates
create view stg_enrollments as
with final as (
    select
        e.student_id,
        e.school_code,
        e.course_code,
        e.section,
        e.start_date as start_raw,
        e.end_date as end_raw,
        -- The section's rowid in sections.csv (stg_sections.source_row), found by the importer
        -- (extract_reference); NULL when sections.csv has no such section.
        e.section_row,
        -- The row of enrollment_dates with this row's dates, numbered by the importer
        -- (extract_combination); NULL when the file has no date columns.
        e.dates_row,
        -- The row of enrollment_student_ids with this row's student_id (extract_combination).
        e.student_id_row,
        d.start_date,
        d.end_date,
        d.has_unreadable_date
    -- A LEFT JOIN on its key: a query that reads none of the dates leaves it out.
    from enrollments e
    left join enrollment_dates d on d.dates_row = e.dates_row
)
select * from final;
