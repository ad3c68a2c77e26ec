-- stg_section_teachers: who teaches each section; position as a number, shared as a flag.
create view stg_section_teachers as
with final as (
    select
        school_code,
        course_code,
        section,
        staff_id,
        cast(position as integer) as position,
        upper(shared) in ('Y', 'YES', '1', 'TRUE') as is_shared
    from section_teachers
)
select * from final;
