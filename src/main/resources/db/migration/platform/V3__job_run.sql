-- One progress model for the application's background work (vn.ntm.platform.jobs.JobRuns): every run of a
-- tracked job (a unit-list import being checked or applied, an assessment workbook being checked…) is a row
-- here, whoever runs it. db-scheduler (scheduled_tasks, V1) decides which instance runs it; this row says
-- what the user sees: queued, running with done/total, done, failed (nothing saved) or interrupted by a
-- restart (nothing saved, may be started again). The uploaded file waits here (payload) until its run ends,
-- so any instance can run it and a run interrupted by a restart can start again.
create table job_run (
    id            uuid primary key,
    kind          text        not null,
    owner         text        not null,
    unit_id       bigint,
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    done          integer     not null default 0,
    total         integer     not null default 0,
    -- why it failed or stopped, as a message key and its arguments (rendered in the reader's language)
    message_key   text,
    message_args  jsonb,
    -- what it produced, in the language of the user who started it
    result        text,
    file_name     text,
    payload       bytea,
    data          text        not null default '',
    locale        text        not null default 'vi',
    instance      text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);
create index job_run_running_idx on job_run (state) where state in ('QUEUED', 'RUNNING');
create index job_run_owner_idx on job_run (owner, created_at desc);
