-- student_placements: every student of the extract, the School_id they would get, and why they
-- are left out (NULL: exported). School_id: school_code; then the transcript school for a
-- student of a pre-registration school (preg_transcript_school); then the user-text override
-- when non-empty. Kept: ACTIVE, final school in schools.csv and selected, and not removed by
-- exclude_prek / exclude_kindergarten. `clever-export explain student` reads it.
-- A table, not a view: the School_id and the reasons are worked out once, for export_students and
-- check_extract_references alike, and explain reads them back (docs/benchmark.md).
-- reads: run_options, selected_schools, stg_schools, stg_student_user_texts, stg_students
drop table if exists student_placements;
create table student_placements (
    source_row integer primary key,
    student_id text,
    status text not null,
    school_id text,
    left_out_because text
);
insert into student_placements (source_row, student_id, status, school_id, left_out_because)
with placed as (
    select
        s.*,
        case
            when o.students_preg_transcript_school and s.transcript_school_code is not null
                and (select is_preregistration from stg_schools where school_code = s.school_code)
            then s.transcript_school_code
            else s.school_code
        end as placed_school
    from stg_students s
    cross join run_options o
),
overridden as (
    select
        p.*,
        coalesce(
            case when o.students_school_override_user_text <> '' then
                (select max(u.value) from stg_student_user_texts u
                 where u.student_id = p.student_id and u.field = o.students_school_override_user_text)
            end,
            p.placed_school) as school_id
    from placed p
    cross join run_options o
),
final as (
    select
        p.source_row,
        p.student_id,
        p.status,
        p.school_id,
        case
            when p.status <> 'ACTIVE' then 'status is ' || p.status || '; only ACTIVE students are exported'
            when p.school_id not in (select school_code from stg_schools)
                then 'School_id ' || p.school_id || ' is not in schools.csv'
            when p.school_id not in (select school_code from selected_schools)
                then 'School_id ' || p.school_id || ' is not among the selected schools (export.schools)'
            when o.students_exclude_prek and p.grade_group is 'prek'
                then 'grade ' || p.grade_code || ' is PreK and students.exclude_prek is on'
            when o.students_exclude_kindergarten and p.grade_group is 'kindergarten'
                then 'grade ' || p.grade_code || ' is kindergarten and students.exclude_kindergarten is on'
        end as left_out_because
    from overridden p
    cross join run_options o
)
select * from final;
-- The exported students by ID: the enrollments' models and the contacts keep only theirs.
create index student_placements_exported on student_placements (student_id) where left_out_because is null;
