-- The versions of one unit are read on every page and in every scope walk (unit_id = ?). The exclusion
-- constraint's GiST index can serve that, but a b-tree is several times faster for plain equality.
create index unit_version_unit_idx on unit_version (unit_id);
-- Scope walks follow lineage from an ended unit to its successors: links of an event by role.
create index lineage_link_event_role_idx on lineage_link (event_id, role);
