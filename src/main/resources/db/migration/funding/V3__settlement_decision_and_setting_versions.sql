-- Funding forms (issue 13): the decision that approved a work's final settlement (quyết toán) is recorded with its
-- amount and date; a province's rule settings carry a version so that two officers editing the same setting at once
-- cannot silently overwrite each other.
alter table funding_work add column settlement_decision text;

alter table funding_rule_setting add column version int not null default 0;
