-- Roadmaps (lộ trình): per unit, the title a plan sets it to reach and the year, and the number of
-- criteria of a title's set it is to meet in a year. Each comes from a plan: a planning plan
-- (plan_id, no foreign key across modules: the facade checks it) and/or a source text such as
-- "KH 44/KH-UBND 2024 tỉnh Quảng Nam". A plan names one year per unit and title; two plans (a city's and
-- its province's) may name different years for the same unit and title: a conflict between levels,
-- found by reading, never refused.

create table roadmap_target (
    id            bigserial primary key,
    unit_id       bigint  not null,
    title_code    text    not null,
    year          int     not null check (year between 2000 and 2100),
    plan_id       bigint,
    source        text,
    -- the day the plan sets for the unit's dossier (e.g. commune → district before 30/10/2024), if any
    dossier_due   date,
    note          text,
    -- the plan as it was named when the target was entered ("05/KH-UBND — Kế hoạch ... (Thành phố Tam Kỳ)")
    plan_label    text,
    -- the plan's key: the plan id, else the source text (one year per unit, title and plan)
    plan_key      text    not null generated always as (coalesce('plan:' || plan_id, 'source:' || source)) stored,
    row_version   int     not null default 0,
    created_at    timestamptz not null default now(),
    changed_at    timestamptz not null default now(),
    changed_by    text    not null,
    constraint roadmap_target_from_a_plan check (plan_id is not null or source is not null),
    unique (unit_id, title_code, plan_key)
);
create index roadmap_target_unit_idx on roadmap_target (unit_id, year);

create table roadmap_criteria_target (
    id             bigserial primary key,
    unit_id        bigint  not null,
    -- the title whose criteria are counted (XA_NTM: "duy trì tiêu chí xã NTM"; XA_NTM_NANG_CAO …)
    title_code     text    not null,
    year           int     not null check (year between 2000 and 2100),
    criteria_count int     not null check (criteria_count between 0 and 99),
    plan_id        bigint,
    source         text,
    note           text,
    plan_label     text,
    plan_key       text    not null generated always as (coalesce('plan:' || plan_id, 'source:' || source)) stored,
    row_version    int     not null default 0,
    created_at     timestamptz not null default now(),
    changed_at     timestamptz not null default now(),
    changed_by     text    not null,
    constraint roadmap_criteria_target_from_a_plan check (plan_id is not null or source is not null),
    unique (unit_id, title_code, year, plan_key)
);
create index roadmap_criteria_target_unit_idx on roadmap_criteria_target (unit_id, year);
