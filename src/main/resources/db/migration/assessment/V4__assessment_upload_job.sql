-- Uploads of filled assessment templates (.xlsx): validated in the background into a preview (old → new
-- value per unit and indicator) or a list of errors, then applied all or nothing.
create table assessment_upload_job (
    id             uuid primary key,
    file_name      text        not null,
    status         text        not null check (status in ('VALIDATING', 'INVALID', 'READY', 'APPLYING', 'APPLIED', 'FAILED')),
    set_id         bigint,
    year           int,
    root_unit_id   bigint,
    total_rows     integer     not null default 0,
    processed_rows integer     not null default 0,
    -- [{sheet, row, column, message}] in the uploader's language
    errors         jsonb,
    -- [{unitCode, unitName, code, name, before, after}]: what applying changes
    changes        jsonb,
    -- per unit: the assessment, the version read when the template was made, the values and results to record
    plan           jsonb,
    summary        text,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    finished_at    timestamptz
);
create index assessment_upload_job_by_idx on assessment_upload_job (created_by, created_at desc);
