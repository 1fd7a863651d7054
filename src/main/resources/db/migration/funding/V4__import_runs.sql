-- Funding imports run as tracked runs of the job facility (platform's job_run, kind 'funding-import'):
-- the run holds the uploaded file, the progress (done/total) and whether a restart cut it short (INTERRUPTED,
-- started again with the same file). This row keeps what the import means: its phase and outcome, the problems
-- and the counts saved, with its run.
alter table funding_import_job add column run_id uuid;
alter table funding_import_job drop column content;
alter table funding_import_job drop column total_rows;
alter table funding_import_job drop column processed_rows;
-- the disbursement-only upload (/funding/units/{id}/import) is a run of the same import
alter table funding_import_job add column disbursements_only boolean not null default false;
-- imports of the former job left unfinished have no run to follow: nothing of them was saved
update funding_import_job set status = 'FAILED', finished_at = now()
where status in ('QUEUED', 'CHECKING', 'SAVING');
