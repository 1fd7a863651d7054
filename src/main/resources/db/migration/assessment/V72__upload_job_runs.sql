-- Assessment workbook uploads are checked on the application's job facility (platform.jobs): the check is a
-- tracked run (platform's job_run: state, progress, "interrupted by a restart"); the upload keeps what the file
-- means (status, errors, changes, plan) and the run it is waiting for.
alter table assessment_upload_job add column run_id uuid;
