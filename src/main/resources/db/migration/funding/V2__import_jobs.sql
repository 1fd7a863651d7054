-- Imports of capital plans, works, allocations and disbursements from .xlsx, run on the job facility
-- (platform.jobs): the file waits here until its job reads it, and the page polls the job's progress.
-- All or nothing: a job either saved every row (DONE) or nothing (REJECTED, with each problem and its place;
-- FAILED when it could not run). The file is dropped once the job has finished.
create table funding_import_job (
    id              uuid primary key,
    unit_id         bigint not null,
    file_name       text not null,
    status          text not null check (status in ('QUEUED', 'CHECKING', 'SAVING', 'DONE', 'REJECTED', 'FAILED')),
    total_rows      int not null default 0,
    processed_rows  int not null default 0,
    -- [{sheet, row, column, key, args}]: rendered in the reader's language when shown
    problems        jsonb,
    plans           int not null default 0,
    works           int not null default 0,
    allocations     int not null default 0,
    disbursements   int not null default 0,
    content         bytea,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz
);
create index funding_import_job_by on funding_import_job (created_by, created_at desc);

-- The body that issued a capital plan's decision (cơ quan ban hành), as the import's template asks for it.
alter table capital_transaction add column issuer text;
