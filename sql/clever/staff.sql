-- clever_staff: staff.csv, from export_staff. Department is written with extra_columns.
-- reads: export_staff
create view clever_staff as
with final as (
    select
        school_id as School_id,
        staff_id as Staff_id,
        email as Staff_email,
        first_name as First_name,
        last_name as Last_name,
        title as Title,
        username as Username,
        password as Password,
        role as Role,
        department_code as Department,
        -- Not written: the record's extract row, by which the writer looks up its extension fields.
        source_row as extension_row
    from export_staff
)
select * from final;
