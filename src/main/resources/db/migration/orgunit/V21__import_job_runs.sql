-- Unit-list imports run on the application's job facility (platform.jobs): each check or apply of a file is a
-- tracked run (platform's job_run: state, progress, "interrupted by a restart"); the import keeps what the file
-- means (status, errors, plan) and the run it is waiting for.
alter table unit_import_job add column run_id uuid;
