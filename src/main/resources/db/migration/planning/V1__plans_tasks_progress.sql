-- Plans (kế hoạch) of a unit, their sections and tasks, progress reports on tasks, and the criteria each
-- named person or agency is assigned to (phân công phụ trách). Units are orgunit identities, referenced
-- without foreign keys across modules (the facade checks them).

create table plan (
    id           bigserial primary key,
    unit_id      bigint not null,              -- the issuing unit (its plan)
    number       text,                         -- "05/KH-BCĐ"
    issued_on    date,
    issuer       text not null,                -- the issuing body: "UBND thành phố Tam Kỳ", "BCĐ xã Hùng Mỹ"
    year_from    int not null,
    year_to      int not null,
    title        text not null,
    legal_bases  text,                         -- căn cứ, as written
    implements   text,                         -- the plans of the level above it implements, as written
    source       text,                         -- the original document (file, reference)
    criteria_set text,                         -- the criteria set (code) whose coverage the plan's assignments answer for
    row_version  int not null default 0,
    created_at   timestamptz not null default now(),
    changed_at   timestamptz not null default now(),
    changed_by   text not null,
    constraint plan_years check (year_to >= year_from)
);
create index plan_unit on plan (unit_id);

create table plan_section (
    id        bigserial primary key,
    plan_id   bigint not null references plan (id) on delete cascade,
    position  int not null,
    number    text,
    title     text not null
);
create index plan_section_plan on plan_section (plan_id, position);

create table plan_task (
    id              bigserial primary key,
    plan_id         bigint not null references plan (id) on delete cascade,
    section_id      bigint references plan_section (id) on delete set null,
    position        int not null,
    number          text,
    title           text not null,
    description     text,
    milestone       boolean not null default false,
    criterion       text,                      -- the criterion it serves ("13"), in the plan's criteria set
    indicator       text,                      -- or an indicator ("13.2")
    unit_ids        bigint[] not null default '{}',  -- the units it concerns (the plan's unit when empty)
    lead_agency     text,                      -- "Phòng QLĐT", "Hội Nông dân xã"
    lead_person     text,                      -- "Đặng Thị Hiền"
    lead_position   text,                      -- "Công chức Địa chính nông nghiệp môi trường"
    lead_user_id    bigint,                    -- the account of the lead, for "my tasks" and reminders
    helpers         text,                      -- the partners, as written
    deadline_text   text,                      -- as written: "trước tháng 6/2025"
    deadline_kind   text,
    start_on        date,
    due_on          date,
    recurrence      text,
    recur_day       int,
    quantity        numeric,
    quantity_unit   text,                      -- km, hộ, công trình, loa…
    quantity_done   numeric,
    money           numeric,                   -- estimated, in triệu đồng
    money_source    text,
    status          text not null default 'TODO',
    progress        int not null default 0 check (progress between 0 and 100),
    note            text,
    row_version     int not null default 0,
    changed_at      timestamptz not null default now(),
    changed_by      text not null
);
create index plan_task_plan on plan_task (plan_id, position);
create index plan_task_lead on plan_task (lead_user_id) where lead_user_id is not null;
create index plan_task_due on plan_task (due_on) where status not in ('DONE', 'CANCELLED');

create table plan_progress (
    id             bigserial primary key,
    task_id        bigint not null references plan_task (id) on delete cascade,
    reported_on    date not null,
    percent        int check (percent between 0 and 100),
    quantity_done  numeric,
    note           text,
    reported_by    text not null,
    reporter_id    bigint,
    reported_at    timestamptz not null default now()
);
create index plan_progress_task on plan_progress (task_id, reported_at);

-- "Giao cho đồng chí Ngô Văn Đồng … các tiêu chí số: 1, 2, 3, 4, 7, 8, 9, 10, 13, 17, 18"
create table plan_assignment (
    id         bigserial primary key,
    plan_id    bigint not null references plan (id) on delete cascade,
    criterion  text not null,
    person     text not null,
    position   text
);
create index plan_assignment_plan on plan_assignment (plan_id);
