-- The list of the General Statistics Office between 2021 and 2025 is known only at its publication dates: a
-- change seen between two releases took effect after the first and by the second. effective_after is the last
-- day the old state was known to hold (null: effective_date is exact); the unit's versions switch on
-- effective_date, and the event is shown as "giữa <effective_after> và <effective_date>".
alter table lineage_event add column effective_after date;
alter table lineage_event add constraint lineage_event_range
    check (effective_after is null or effective_after < effective_date);

-- Why a row of the 2025 mapping is not an exact match (null when it is): the groups of the reconciliation page.
alter table reform_mapping_row add column cause text;
create index reform_mapping_row_cause_idx on reform_mapping_row (cause);

-- An issue about an event (the end of a unit whose receiving unit the list does not name) and how a person
-- resolved it.
alter table unit_data_issue add column event_id bigint references lineage_event (id);
alter table unit_data_issue add column resolution text;
