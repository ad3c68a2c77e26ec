-- stg_section_teachers: who teaches each section; position as a number, shared as a flag.
create view stg_section_teachers as
with final as (
    select
        trim(school_code) as school_code,
        trim(course_code) as course_code,
        trim(section) as section,
        trim(staff_id) as staff_id,
        cast(trim(position) as integer) as position,
        upper(trim(shared)) in ('Y', 'YES', '1', 'TRUE') as is_shared
    from section_teachers
)
select * from final;
