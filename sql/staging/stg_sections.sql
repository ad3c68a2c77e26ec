-- stg_sections: sections.csv cleaned; empty optional values become NULL. source_row is the row's
-- place in sections.csv (its rowid): an integer key, cheaper to join millions of enrollments on.
-- reads: sections
create view stg_sections as
with final as (
    select
        rowid as source_row,
        school_code,
        course_code,
        section,
        school_year,
        term_code,
        nullif(room, '') as room,
        nullif(meeting_days, '') as meeting_days,
        nullif(print_period, '') as print_period,
        nullif(section_name, '') as section_name
    from sections
)
select * from final;
