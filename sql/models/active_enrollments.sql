-- active_enrollments: the active enrollments (enrollment_activity) of exported students (those
-- student_placements leaves nothing against), by home section (home_key, see section_homes).
-- Enrollments in a merged inclusion section count for its home section. Each pair once: a
-- student may appear twice in a section (an inclusion section merged into it, a repeated
-- extract row).
-- The placements, not export_students: the two are then built side by side, and the sections'
-- models that follow this one no longer leave a core idle (at 1M, 29.4 against 31.0 s).
-- Keyed by (home_key, student_id) without a rowid: the table is its own index (cheaper than a
-- table and an index on it), and it lists each section's students in order for export_sections
-- and export_enrollments. Inserted as the enrollments come, not sorted first: sorting 4.4M rows
-- cost more than the inserts out of order (at 1M, 7.0 against 5.8 s with the extract in section
-- order, 9.6 against 8.5 s in student order).
-- reads: enrollment_activity, section_homes, student_placements
drop table if exists active_enrollments;
create table active_enrollments (
    home_key integer not null,
    student_id text not null,
    primary key (home_key, student_id)
) without rowid;
insert or ignore into active_enrollments (home_key, student_id)
with final as (
    select
        h.home_key,
        e.student_id
    -- CROSS JOIN fixes the order: one pass over the enrollments, with index lookups into the
    -- smaller tables.
    from enrollment_activity e
    -- section_key is the section's rowid, which the importer found for each enrollment.
    cross join section_homes h on h.section_key = e.section_row
    cross join student_placements p on p.student_id = e.student_id and p.left_out_because is null
    where e.is_active
)
select home_key, student_id from final;
