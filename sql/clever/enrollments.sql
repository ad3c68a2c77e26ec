-- clever_enrollments: enrollments.csv, from export_enrollments.
-- reads: export_enrollments
create view clever_enrollments as
with final as (
    select school_code as School_id, section_id as Section_id, student_id as Student_id
    from export_enrollments
)
select * from final;
