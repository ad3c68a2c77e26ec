-- check_extract_guardian_relationships: with students.contact_details, the relationships of
-- written contacts that contact_relationship_map (sql/schema/03_mappings.sql) does not know:
-- written Other.
-- reads: student_contacts
create view check_extract_guardian_relationships as
with final as (
    select distinct 'warning' as severity, 'value_unreadable' as code, 'guardians.csv' as file,
        'student ' || student_id || ' guardian ' || contact_rank as record,
        'relationship "' || contact_relationship_unmapped
            || '" is not in contact_relationship_map (sql/schema/03_mappings.sql); written Other' as message
    from student_contacts
    where contact_relationship_unmapped <> ''
)
select * from final;
