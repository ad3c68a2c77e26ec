-- clever_admins: admins.csv (Clever's deprecated forerunner of staff.csv; written only when
-- export.files lists it): the administrators among the staff file's rows, one per school.
-- reads: export_staff
create view clever_admins as
with final as (
    select
        school_id as School_id,
        staff_id as Staff_id,
        email as Admin_email,
        first_name as First_name,
        last_name as Last_name
    from export_staff
    where is_administrator
)
select * from final;
