-- The options of the current run, one row per key (the config keys of docs/options.md, plus
-- export.as_of). Flags are 1/0, lists are JSON arrays. The views read this table.
drop table if exists export_option;
create table export_option (key text primary key, value);

-- Run history: each run copies it into its new staging database (RunHistory.carryOver; findings
-- of the latest 30 runs), so it lives on from run to run. outcome is
-- running, delivered, dry run, held (validation or change guard), delivery failed or failed.
create table if not exists run (
    run_id integer primary key,
    started_at text not null,
    finished_at text,
    as_of text not null,
    outcome text not null default 'running',
    message text
);
create table if not exists run_option (
    run_id integer not null references run, key text not null, value,
    primary key (run_id, key)
);
create table if not exists run_file (
    run_id integer not null references run, file text not null, rows integer not null,
    primary key (run_id, file)
);
-- Rows per school (School_id) of each file written, for the report; kept for the runs that
-- keep their findings.
create table if not exists run_school_rows (
    run_id integer not null references run, file text not null, school_id text not null,
    rows integer not null, primary key (run_id, file, school_id)
);
create table if not exists run_finding (
    run_id integer not null references run, severity text not null, code text not null,
    file text not null, record text, message text not null
);
-- How long each step took: kind is phase (import, build, ...), import (loading one extract file;
-- two loaders run side by side), model (sql/models/, and the copy of one built alongside),
-- alongside (a model built on the other core), check (sql/checks/), file (writing a Clever file)
-- or compare (comparing it with the last delivery). Models are built one after another; the
-- rest runs alongside them, on the other core. bytes: an import step's file size (the copy's:
-- the copied files' together), from which the next run splits the files between its loaders.
create table if not exists run_step (
    run_id integer not null references run, kind text not null, step text not null,
    seconds real not null, bytes integer, primary key (run_id, kind, step)
);

-- Findings a person accepted (clever-export accept): by check code, file and record, with who,
-- when and why. An accepted finding is still reported but holds no run; a record not listed
-- here still does. Carried over like the run history.
create table if not exists accepted_finding (
    code text not null, file text not null, record text not null,
    reason text not null, accepted_by text not null, accepted_at text not null,
    primary key (code, file, record)
);
