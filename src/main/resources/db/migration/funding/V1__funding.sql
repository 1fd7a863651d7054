-- Funding (nguồn vốn): sources, capital transactions, the documents that state budgets, works (công trình) with
-- their allocations and disbursements, reallocation requests, rule settings and the work's unit history.
-- Amounts are exact đồng (numeric); unit ids refer to orgunit's units (no foreign key across modules).

create table funding_source (
    code        text primary key,
    name        text not null,
    name_en     text not null,
    -- UPPER: budgets of upper levels (central, province, the national target programmes);
    -- LOCAL: the counterpart budgets (district, commune); OTHER: credit, enterprises, residents, mobilisation
    level       text not null check (level in ('UPPER', 'LOCAL', 'OTHER')),
    sort_order  int not null,
    valid_to    date,
    active      boolean not null default true
);

insert into funding_source (code, name, name_en, level, sort_order, valid_to) values
  ('NSTW', 'Ngân sách trung ương (chưa tách đầu tư phát triển / sự nghiệp)', 'Central budget (not split)', 'UPPER', 10, null),
  ('NSTW_DTPT', 'Ngân sách trung ương — vốn đầu tư phát triển', 'Central budget — development investment', 'UPPER', 11, null),
  ('NSTW_SN', 'Ngân sách trung ương — kinh phí sự nghiệp', 'Central budget — recurrent', 'UPPER', 12, null),
  ('NST', 'Ngân sách tỉnh', 'Provincial budget', 'UPPER', 20, null),
  ('NSH', 'Ngân sách huyện', 'District budget', 'LOCAL', 30, '2025-06-30'),
  ('NSX', 'Ngân sách xã', 'Commune budget', 'LOCAL', 40, null),
  ('MTQG_NTM', 'Vốn Chương trình MTQG xây dựng nông thôn mới', 'New Rural Development programme funds', 'UPPER', 13, null),
  ('MTQG_DTTS', 'Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và miền núi', 'Ethnic minority and mountain areas programme funds', 'UPPER', 14, null),
  ('MTQG_GNBV', 'Vốn Chương trình MTQG giảm nghèo bền vững', 'Sustainable poverty reduction programme funds', 'UPPER', 15, null),
  ('TIN_DUNG', 'Vốn tín dụng (chính sách)', 'Policy credit', 'OTHER', 60, null),
  ('DOANH_NGHIEP', 'Vốn doanh nghiệp', 'Enterprises', 'OTHER', 70, null),
  ('NHAN_DAN', 'Vốn đóng góp của nhân dân', 'Residents'' contributions', 'OTHER', 80, null),
  ('XA_HOI_HOA', 'Vốn huy động, xã hội hóa khác', 'Other mobilisation', 'OTHER', 90, null);

-- A document that states a budget (a plan, a decision), with the totals it states as written.
create table funding_document (
    id          bigint generated always as identity primary key,
    code        text not null unique,
    unit_id     bigint not null,
    title       text not null,
    issued_on   date,
    reference   text not null
);

create table funding_document_total (
    id          bigint generated always as identity primary key,
    document_id bigint not null references funding_document (id),
    year        int,
    source_code text references funding_source (code),
    stated      numeric(24, 4) not null,
    wording     text not null
);

-- Capital plans as transactions: never edited, each one recorded with its decision. PLAN is a budget a document
-- forecasts (dự kiến); the other kinds are capital assigned by decision and its later changes.
create table capital_transaction (
    id            bigint generated always as identity primary key,
    unit_id       bigint not null,
    year          int not null check (year between 2000 and 2100),
    source_code   text not null references funding_source (code),
    kind          text not null check (kind in ('PLAN', 'ASSIGN', 'SUPPLEMENT', 'CUT', 'CARRY_IN', 'TRANSFER_IN', 'TRANSFER_OUT')),
    amount        numeric(24, 4) not null check (amount > 0),
    decision      text,
    decided_on    date,
    document_id   bigint references funding_document (id),
    -- a carry-over: the year the money came from and the date it must be disbursed by
    from_year     int,
    deadline      date,
    -- a reallocation: both halves share the group
    transfer_group uuid,
    purpose       text check (purpose in ('NANG_CAO', 'KIEU_MAU', 'MAINTENANCE', 'MODEL_VILLAGE')),
    note          text,
    illustration  boolean not null default false,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);
create index capital_transaction_unit on capital_transaction (unit_id, year);

create table funding_work (
    id                      bigint generated always as identity primary key,
    unit_id                 bigint not null,
    name                    text not null,
    investor                text,
    project_code            text,
    criterion               text,
    total_investment        numeric(24, 4),
    counterpart_required    numeric(24, 4),
    allocated_on            date,
    contractor_selected_on  date,
    completed_on            date,
    settled_on              date,
    settlement_amount       numeric(24, 4),
    illustration            boolean not null default false,
    note                    text,
    version                 int not null default 0,
    created_by              text not null,
    created_at              timestamptz not null default now(),
    updated_by              text not null,
    updated_at              timestamptz not null default now()
);
create index funding_work_unit on funding_work (unit_id);
create unique index funding_work_code on funding_work (project_code) where project_code is not null;

create table work_allocation (
    id          bigint generated always as identity primary key,
    work_id     bigint not null references funding_work (id),
    year        int not null,
    source_code text not null references funding_source (code),
    amount      numeric(24, 4) not null check (amount > 0),
    decision    text,
    decided_on  date not null,
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index work_allocation_work on work_allocation (work_id);

create table disbursement (
    id          bigint generated always as identity primary key,
    work_id     bigint not null references funding_work (id),
    paid_on     date not null,
    year        int not null,
    source_code text not null references funding_source (code),
    amount      numeric(24, 4) not null check (amount > 0),
    note        text,
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index disbursement_work on disbursement (work_id);

-- A unit's request to reallocate capital it cannot spend (seed 001: report before 10/10, reallocated before 15/11).
create table reallocation_request (
    id           bigint generated always as identity primary key,
    unit_id      bigint not null,
    year         int not null,
    source_code  text not null references funding_source (code),
    amount       numeric(24, 4) not null check (amount > 0),
    requested_on date not null,
    completed_on date,
    note         text,
    illustration boolean not null default false,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);

-- Where a work (or a unit's plans) went when its unit was reorganized.
create table funding_unit_move (
    id             bigint generated always as identity primary key,
    what           text not null check (what in ('WORK', 'PLAN', 'REQUEST')),
    record_id      bigint,
    from_unit_id   bigint not null,
    to_unit_id     bigint not null,
    effective_date date not null,
    lineage_event  bigint not null,
    moved_at       timestamptz not null default now()
);
create index funding_unit_move_record on funding_unit_move (what, record_id);

-- The rules of seed 001 with their dates and thresholds; a row for a province and/or a year overrides the default.
create table funding_rule_setting (
    id            bigint generated always as identity primary key,
    rule          text not null,
    province_id   bigint,
    year          int,
    enabled       boolean not null default true,
    month         int check (month between 1 and 12),
    day           int check (day between 1 and 31),
    percent       numeric(7, 3),
    years         int,
    amount        numeric(24, 4),
    updated_by    text not null default 'hệ thống',
    updated_at    timestamptz not null default now()
);
create unique index funding_rule_setting_key on funding_rule_setting (rule, coalesce(province_id, 0), coalesce(year, 0));

create table funding_seed_step (
    name text primary key,
    done_at timestamptz not null default now()
);
