-- Goals per parent unit (mục tiêu), each with a target and a date, and the registry of dated entries
-- (OCOP products, model villages, km of roads…) some goals count. Units are orgunit identities, referenced
-- without foreign keys across modules (the facade checks them). A goal's kind decides which columns apply:
--   TITLE_HOLDERS      child units (level 2 huyện, 3 xã, 4 thôn) holding title_code (or one of a comma-separated
--                      list: "HUYEN_NTM,THI_XA_TP_HTNV"), among all of them or
--                      those holding base_title_code, optionally those classified (DIA_BAN = MIEN_NUI);
--                      target_count and/or target_share (%), stated_base as the document writes it
--   NO_CHILD_BELOW     no commune below min_criteria criteria of set_code (latest assessment results)
--   NO_DISTRICT_WITHOUT no district without a commune holding title_code
--   UNIT_TITLE         one named unit below the parent (subject_unit_id) holds title_code by the date
--                      (the plan's district targets: "Huyện Tiên Phước đạt chuẩn NTM năm 2024")
--   REGISTRY_TOTAL     the registry entries of registry_kind dated by the date reach target_count (measure)
-- "reported" goals are entered from a report (with their source) until the official text is at hand.

create table goal (
    id                 bigserial primary key,
    unit_id            bigint not null,
    kind               text not null check (kind in ('TITLE_HOLDERS', 'NO_CHILD_BELOW', 'NO_DISTRICT_WITHOUT',
                                                     'REGISTRY_TOTAL', 'UNIT_TITLE')),
    label              text not null,
    title_code         text,
    base_title_code    text,
    child_level        int check (child_level in (2, 3, 4)),
    subject_unit_id    bigint,
    classification     text,
    target_count       numeric(14, 3) check (target_count >= 0),
    target_share       numeric(6, 2) check (target_share >= 0 and target_share <= 100),
    stated_base        int check (stated_base > 0),
    set_code           text,
    min_criteria       int check (min_criteria >= 0),
    registry_kind      text,
    measure            text,
    due_on             date not null,
    reported           boolean not null default false,
    source             text,
    note               text,
    position           int not null default 0,
    row_version        int not null default 0,
    created_at         timestamptz not null default now(),
    changed_at         timestamptz not null default now(),
    changed_by         text not null
);

create index goal_unit on goal (unit_id, due_on);

create table goal_registry_entry (
    id                 bigserial primary key,
    unit_id            bigint not null,
    kind               text not null,
    quantity           numeric(14, 3) not null check (quantity >= 0),
    measure            text not null,
    entry_date         date not null,
    note               text,
    source             text,
    row_version        int not null default 0,
    created_at         timestamptz not null default now(),
    changed_at         timestamptz not null default now(),
    changed_by         text not null
);

create index goal_registry_entry_unit on goal_registry_entry (unit_id, kind, entry_date);
