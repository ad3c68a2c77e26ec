-- oneroster_users: users.csv, from oneroster_people: everyone but the staff that
-- oneroster.other_staff_role = "omit" leaves out. Only active people are written, so
-- enabledUser is true; userIds and sms are empty.
-- reads: oneroster_people
create view oneroster_users as
with final as (
    select
        sourced_id as sort_key,
        sourced_id as sourcedId,
        null as status,
        null as dateLastModified,
        'true' as enabledUser,
        org_ids as orgSourcedIds,
        role,
        username,
        null as userIds,
        given_name as givenName,
        family_name as familyName,
        middle_name as middleName,
        identifier,
        email,
        null as sms,
        phone,
        agent_ids as agentSourcedIds,
        grades,
        password
    from oneroster_people
    where role <> 'omit'
)
select * from final;
