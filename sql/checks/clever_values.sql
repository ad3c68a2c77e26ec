-- check_clever_values: values outside the lists Clever accepts, and malformed dates, phones,
-- ZIP codes and e-mail addresses. Clever ignores or rejects such a value.
-- reads: clever_schools, clever_sections, clever_staff, clever_students, clever_teachers, subject_map
create view check_clever_values as
with grades (grade) as (
    values ('InfantToddler'), ('Preschool'), ('PreKindergarten'), ('TransitionalKindergarten'),
        ('Kindergarten'), ('1'), ('2'), ('3'), ('4'), ('5'), ('6'), ('7'), ('8'), ('9'), ('10'),
        ('11'), ('12'), ('13'), ('PostGraduate'), ('Ungraded'), ('Other')
),
subjects (subject) as (select distinct clever_subject from subject_map),
-- Only the columns checked; a student has a row per contact, and final's distinct folds the
-- repeats. Not materialized: each test below reads students.csv's view again, and SQLite leaves
-- the contacts out of a test that reads none of theirs (1.8 s against 2.4 s at 1M students).
students as not materialized (
    select Student_id, Grade, Frl_status, Iep_status, Dob, Student_email, Contact_email, Contact_type
    from clever_students
),
-- Every e-mail column, to test them all against one pattern (x@y.z, with no space or other
-- separator in it).
emails (file, id, field, value) as (
    select 'students', Student_id, 'Student_email', Student_email from students
    union all select 'students', Student_id, 'Contact_email', Contact_email from students
    union all select 'teachers', Teacher_id, 'Teacher_email', Teacher_email from clever_teachers
    union all select 'staff', Staff_id, 'Staff_email', Staff_email from clever_staff
),
bad as (
    select 'students' as file, Student_id as id, 'Grade' as field, Grade as value from students
    where Grade <> '' and Grade not in (select grade from grades)
    union all
    select 'students', Student_id, 'Frl_status', Frl_status from students where Frl_status not in ('F', 'R', 'N')
    union all
    select 'students', Student_id, 'Iep_status', Iep_status from students where Iep_status not in ('Y', 'N')
    union all
    select 'students', Student_id, 'Dob', Dob from students
    where Dob <> '' and Dob not glob '[01][0-9]/[0-3][0-9]/[12][0-9][0-9][0-9]'
    union all
    select 'students', Student_id, 'Contact_type', Contact_type from students
    where Contact_type <> ''
        and Contact_type not in ('Primary', 'Secondary', 'Parent/Guardian', 'Emergency', 'Family', 'Other')
    union all
    select file, id, field, value from emails
    -- One glob per separator: the same test as glob '*[ ,;:<>()]*' or one instr per separator,
    -- in half the time (SQLite looks for a pattern's one character in a fast loop).
    where value <> '' and (value not glob '?*@?*.?*'
        or value glob '* *' or value glob '*,*' or value glob '*;*' or value glob '*:*'
        or value glob '*<*' or value glob '*>*' or value glob '*(*' or value glob '*)*')
    union all
    -- Schools' grades and sections' Grade are filled only when export.extra_columns names them.
    select 'schools', School_id, 'Low_grade', Low_grade from clever_schools
    where Low_grade <> '' and Low_grade not in (select grade from grades)
    union all
    select 'schools', School_id, 'High_grade', High_grade from clever_schools
    where High_grade <> '' and High_grade not in (select grade from grades)
    union all
    select 'sections', Section_id, 'Grade', Grade from clever_sections
    where Grade <> '' and Grade not in (select grade from grades)
    union all
    select 'sections', Section_id, 'Subject', Subject from clever_sections
    where Subject not in (select subject from subjects)
    union all
    select 'sections', Section_id, 'Term_start', coalesce(Term_start, '') from clever_sections
    where coalesce(Term_start, '') not glob '[01][0-9]/[0-3][0-9]/[12][0-9][0-9][0-9]'
    union all
    select 'sections', Section_id, 'Term_end', coalesce(Term_end, '') from clever_sections
    where coalesce(Term_end, '') not glob '[01][0-9]/[0-3][0-9]/[12][0-9][0-9][0-9]'
),
final as (
    select
        'warning' as severity,
        'value_not_accepted' as code, file,
        case file when 'students' then 'Student_id ' when 'teachers' then 'Teacher_id '
            when 'staff' then 'Staff_id ' when 'schools' then 'School_id ' else 'Section_id ' end || id as record,
        case when value = '' then field || ' is empty'
            else field || ' "' || value || '" is not a value Clever accepts' end as message
    from bad
)
select distinct * from final;
