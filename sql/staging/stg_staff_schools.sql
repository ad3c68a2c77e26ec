-- stg_staff_schools: each staff member's schools, with the primary one marked. Without an
-- is_primary = Y row, the lowest school_code is primary. Duplicate rows collapse to one.
-- reads: staff_schools, flag_words
create view stg_staff_schools as
with typed as (
    select
        staff_id,
        school_code,
        max(coalesce((select f.flag from flag_words f where f.word = lower(is_primary)), 0)) as marked_primary
    from staff_schools
    group by 1, 2
),
ranked as (
    select *,
        row_number() over (
            partition by staff_id order by marked_primary desc, school_code
        ) as primary_rank
    from typed
),
final as (
    select staff_id, school_code, primary_rank = 1 as is_primary from ranked
)
select * from final;
