-- check_student_schools: students left out because the School_id they would get, after the
-- transcript school and the user-text override (student_placements), is not in schools.csv.
-- Apart from check_extract_references, which reads only the extract's tables and so runs while
-- the first models are built.
-- reads: stg_schools, student_placements
create view check_student_schools as
with dangling as (
    select 'students.csv' as file, 'student ' || student_id as record,
        'School_id ' || school_id || ' is not in schools.csv' as message
    from student_placements
    where status = 'ACTIVE' and school_id not in (select school_code from stg_schools)
),
final as (
    select 'warning' as severity, 'extract_dangling_reference' as code, file, record,
        message || '; the row is left out' as message
    from dangling
)
select * from final;
