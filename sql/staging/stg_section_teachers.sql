-- stg_section_teachers: who teaches each section; position as a number, shared as a flag.
-- A position that is not a whole number 1 or more (empty, 0, "first") is NULL: such a teacher
-- comes after the numbered ones, never as teacher of record by accident (extract_cleaning warns).
-- reads: section_teachers, flag_words
create view stg_section_teachers as
with final as (
    select
        school_code,
        course_code,
        section,
        staff_id,
        case when position not glob '*[^0-9]*' and cast(position as integer) >= 1
            then cast(position as integer) end as position,
        coalesce((select f.flag from flag_words f where f.word = lower(shared)), 0) as is_shared
    from section_teachers
)
select * from final;
