-- The largest value people may enter for an indicator where the catalog allows more than the default
-- (a percentage above 100: a growth, a ratio to a reference). Empty: percentages 0–100, other numbers
-- unbounded (the engine's value rules, criteria.engine.ValueRules).
alter table indicator add column max_value text;

-- Thresholds whose direction contradicts the indicator's polarity (a rate of something bad — stunted
-- children, poor households, accidents — with a minimum "≥") are flagged on the set's page for an
-- administrator; confirming one records who, when and why, for the requirements as they were then
-- (`requirements`, their text), so a later change of the bar flags it again.
create table criteria_direction_confirmation (
    set_id         bigint      not null references criteria_set (id) on delete cascade,
    indicator_code text        not null,
    requirements   text        not null,
    note           text        not null check (length(trim(note)) > 0),
    confirmed_by   text        not null,
    confirmed_at   timestamptz not null,
    primary key (set_id, indicator_code)
);

-- Indicator 15.3 of the shipped QĐ 318 set (a rate of stunted children under five) was loaded with the
-- source's printed "≥" for every region: a commune with 10% failed and one with 30% passed. The rate is a
-- maximum (≤), as the catalog's own note said; the printed text stays as the source printed it and the
-- source field says why the operator differs. The shipped file is corrected too (fresh databases load it
-- corrected, and this finds nothing to change). The change is recorded in the audit trail.
with fixed as (
    update indicator_requirement r
    set op = 'LE',
        note = 'Nguồn in “≥”; tỷ lệ trẻ suy dinh dưỡng thấp còi là mức tối đa nên áp dụng ≤. Cần đối chiếu văn bản gốc.',
        source = coalesce(r.source || '; ', '') || 'dấu so sánh sửa thành ≤ (nguồn in “≥”): tỷ lệ trẻ suy dinh dưỡng là mức tối đa'
    from indicator i, criteria_set s
    where r.indicator_id = i.id and i.set_id = s.id and s.code = 'QD318_XA_NTM' and s.owner_code is null
      and i.code = '15.3' and r.op = 'GE' and r.printed like '≥%'
    returning s.id as set_id, s.code || ' v' || s.version as label, r.class_value, r.value
)
insert into audit_event (actor, action, entity_type, entity_id, entity_label, summary, before_state, after_state,
                         search_text)
select 'hệ thống', 'UPDATE', 'criteria_set', set_id::text, label,
       'Sửa dấu so sánh chỉ tiêu 15.3 (tỷ lệ trẻ suy dinh dưỡng thấp còi) từ ≥ thành ≤ — ' || label,
       jsonb_build_object('indicator', '15.3', 'requirements',
                          jsonb_agg(jsonb_build_object('for', class_value, 'op', 'GE', 'value', value))),
       jsonb_build_object('indicator', '15.3', 'requirements',
                          jsonb_agg(jsonb_build_object('for', class_value, 'op', 'LE', 'value', value))),
       lower('he thong sua dau so sanh chi tieu 15.3 ' || label)
from fixed
group by set_id, label;
