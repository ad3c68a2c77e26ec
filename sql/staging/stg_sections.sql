-- stg_sections: sections.csv cleaned; empty optional values become NULL.
create view stg_sections as
with final as (
    select
        trim(school_code) as school_code,
        trim(course_code) as course_code,
        trim(section) as section,
        trim(school_year) as school_year,
        trim(term_code) as term_code,
        nullif(trim(room), '') as room,
        nullif(trim(meeting_days), '') as meeting_days,
        nullif(trim(print_period), '') as print_period,
        nullif(trim(section_name), '') as section_name
    from sections
)
select * from final;
