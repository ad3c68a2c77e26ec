-- enrollment_activity: every enrollment of the extract and whether it is active on the run's
-- day (docs/options.md, sections.lead_days): it has started by as_of + lead_days and has not
-- ended before as_of. An open start counts as started, an open end as not ended.
-- A view: active_enrollments reads it in its one pass over the enrollments, explain looks up one
-- student's.
-- reads: stg_enrollments, run_options
drop view if exists enrollment_activity;
create view enrollment_activity as
-- Materialized: the window is one row, computed once rather than once per enrollment.
with run_window as materialized (
    select
        export_as_of as as_of,
        date(export_as_of, '+' || coalesce(sections_lead_days, 0) || ' days') as last_start_date
    from run_options
),
final as (
    select
        e.*,
        w.as_of,
        coalesce(e.start_date, '') <= w.last_start_date
            and coalesce(e.end_date, '9999') >= w.as_of as is_active
    from run_window w
    cross join stg_enrollments e
)
select * from final;
