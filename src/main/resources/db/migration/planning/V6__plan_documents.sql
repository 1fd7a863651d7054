-- The original document of a plan (the signed .pdf/.docx it was issued as) is kept as files of the plan: a
-- plan_attachment row now belongs to exactly one progress report, submitted report or plan.
alter table plan_attachment add column plan_id bigint references plan (id) on delete cascade;
alter table plan_attachment drop constraint plan_attachment_one_report;
alter table plan_attachment add constraint plan_attachment_one_owner
    check (num_nonnulls(progress_id, submission_id, plan_id) = 1);
create index plan_attachment_plan on plan_attachment (plan_id) where plan_id is not null;
