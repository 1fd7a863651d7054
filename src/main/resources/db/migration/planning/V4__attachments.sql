-- Files attached to a progress report (plan_progress) or to a submitted report (report_submission): what the
-- file is as the documents module stored it (the name kept, the type detected from the content, the size, the
-- SHA-256 by which the documents module finds the bytes) and who attached it. A row belongs to exactly one
-- report; rows are never changed, and removed only with their report.
create table plan_attachment (
    id             bigserial primary key,
    progress_id    bigint references plan_progress (id) on delete cascade,
    submission_id  bigint references report_submission (id) on delete cascade,
    file_name      text        not null check (length(file_name) between 1 and 255),
    content_type   text        not null,
    size_bytes     bigint      not null check (size_bytes > 0),
    sha256         text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null default now(),
    constraint plan_attachment_one_report check (num_nonnulls(progress_id, submission_id) = 1)
);
create index plan_attachment_progress on plan_attachment (progress_id) where progress_id is not null;
create index plan_attachment_submission on plan_attachment (submission_id) where submission_id is not null;
