-- clever_sections: sections.csv, one row per exported section (export_sections holds the
-- rules). Teacher_2_id..Teacher_N_id are written with sections.teacher_columns = N; Section_number,
-- Period, Grade and Course_description when export.extra_columns names them (export_columns
-- decides).
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
        teacher_5 as Teacher_5_id,
        teacher_6 as Teacher_6_id,
        teacher_7 as Teacher_7_id,
        teacher_8 as Teacher_8_id,
        teacher_9 as Teacher_9_id,
        teacher_10 as Teacher_10_id,
        name as Name,
        course_name as Course_name,
        course_number as Course_number,
        subject as Subject,
        term_name as Term_name,
        term_start as Term_start,
        term_end as Term_end,
        section_number as Section_number,
        print_period as Period,
        course_grade as Grade,
        course_description as Course_description,
        -- Not written: the record's extract row, by which the writer looks up its extension fields.
        section_key as extension_row
    from export_sections
)
select * from final;
