-- clever_students: students.csv. One row per exported student and contact (export_students x
-- student_contacts); a student without an eligible contact still gets one row. Optional columns
-- are chosen by export_columns; Ell_status is written empty, as in the reference product, unless
-- export.extra_columns names it.
-- reads: export_students, extra_columns, student_contacts
create view clever_students as
with final as (
    select
        s.school_id as School_id,
        s.student_id as Student_id,
        s.student_number as Student_number,
        s.state_id as State_id,
        s.last_name as Last_name,
        s.middle_name as Middle_name,
        s.first_name as First_name,
        s.gender as Gender,
        s.dob as Dob,
        s.grade as Grade,
        s.race as Race,
        s.hispanic_latino as Hispanic_Latino,
        iif('students.Ell_status' in (select name from extra_columns), s.ell_status, null) as Ell_status,
        s.frl_status as Frl_status,
        s.iep_status as Iep_status,
        s.zip as Student_zip,
        s.email as Student_email,
        c.contact_name as Contact_name,
        c.contact_type as Contact_type,
        c.contact_phone as Contact_phone,
        c.contact_email as Contact_email,
        s.username as Username,
        s.password as Password,
        s.street as Student_street,
        s.city as Student_city,
        s.state as Student_state,
        s.home_language as Home_language,
        s.unweighted_gpa as Unweighted_gpa,
        s.weighted_gpa as Weighted_gpa,
        c.contact_relationship as Contact_relationship,
        -- Only beside a phone: the type of a phone that is not written says nothing.
        iif(c.contact_phone is null, null, c.contact_phone_type) as Contact_phone_type,
        c.contact_sis_id as Contact_sis_id,
        s.graduation_year as Graduation_year,
        -- Not written: the record's extract row, by which the writer looks up its extension fields.
        s.source_row as extension_row
    from export_students s
    left join student_contacts c on c.student_id = s.student_id
)
select * from final;
