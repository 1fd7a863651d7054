-- Roadmap imports from .xlsx, each a tracked run of platform.jobs (job_run, kind roadmap-import): what the
-- import means (its phase, the problems found, how many targets it saved); how far the run got comes from
-- the run. All or nothing: a file with any problem saves no row.
create table roadmap_import (
    id          uuid primary key,
    run_id      uuid,
    unit_id     bigint not null,
    file_name   text   not null,
    status      text   not null check (status in ('QUEUED', 'CHECKING', 'DONE', 'REJECTED', 'FAILED')),
    -- each problem as the starter reads it: "Sheet 'Lộ trình', dòng 5, cột D (Năm đạt chuẩn): …"
    problems    text[] not null default '{}',
    saved       int    not null default 0,
    created_by  text   not null,
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);
