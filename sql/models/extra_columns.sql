-- extra_columns: the file.Column names export.extra_columns lists (true lists them all). The
-- clever views fill a column already in their header when it is listed; export_columns adds the
-- others.
-- reads: run_option_lists
drop view if exists extra_columns;
create view extra_columns as
with final as (
    select value as name from run_option_lists where key = 'export.extra_columns'
)
select * from final;
