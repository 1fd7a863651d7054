-- Issue 10 (section 3): whether an assessment against this set may be submitted while some criteria have no figure
-- and no result yet. A setting of the set's keepers (not part of the document: it does not make a new version),
-- changed at any status, audited. Default: no.
alter table criteria_set add column allow_incomplete_submission boolean not null default false;
