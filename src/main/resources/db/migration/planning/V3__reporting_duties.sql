-- Reporting duties: recurring reports a unit owes to another ("định kỳ hằng tháng báo cáo UBND thành phố",
-- "ngày 22 hằng tháng"), each occurrence answered by at most one submitted report (text and figures as
-- written), its lateness computed from the occurrence's due day.
create table report_duty (
    id                bigserial primary key,
    unit_id           bigint not null,       -- the unit that owes the report
    recipient_unit_id bigint,                -- the unit it is owed to, when it is one
    recipient         text not null,         -- as written: "UBND thành phố", "Ban Chỉ đạo xã"
    title             text not null,
    schedule_text     text not null,         -- a deadline as written, usually recurring
    starts_on         date not null,
    ends_on           date,
    plan_id           bigint references plan (id) on delete set null,
    row_version       int not null default 0,
    changed_at        timestamptz not null default now(),
    changed_by        text not null,
    constraint report_duty_period check (ends_on is null or ends_on >= starts_on)
);
create index report_duty_unit on report_duty (unit_id);
create index report_duty_recipient on report_duty (recipient_unit_id);

create table report_submission (
    id           bigserial primary key,
    duty_id      bigint not null references report_duty (id) on delete cascade,
    due_on       date not null,              -- the occurrence it answers
    submitted_on date not null,
    content      text,
    figures      text,
    submitted_by text not null,
    submitted_at timestamptz not null default now(),
    constraint report_submission_once unique (duty_id, due_on)
);
