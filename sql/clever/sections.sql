-- clever_sections: sections.csv, one row per exported section (export_sections holds the
-- rules). Teacher_2_id..Teacher_4_id are written in four-column mode, Section_number and
-- Period with extra_columns (export_columns decides).
-- reads: export_sections
create view clever_sections as
with final as (
    select
        school_code as School_id,
        section_id as Section_id,
        teacher_1 as Teacher_id,
        teacher_2 as Teacher_2_id,
        teacher_3 as Teacher_3_id,
        teacher_4 as Teacher_4_id,
        name as Name,
        course_name as Course_name,
        course_number as Course_number,
        subject as Subject,
        term_name as Term_name,
        term_start as Term_start,
        term_end as Term_end,
        section_number as Section_number,
        print_period as Period
    from export_sections
)
select * from final;
