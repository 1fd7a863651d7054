-- Reminders: the in-app inbox of each user (a task coming due, overdue, returned, reassigned), each
-- reminder once — the unique key makes a second scan, or a second instance, add nothing — and whether its
-- e-mail went out. Users choose one daily digest instead of one e-mail per reminder.
create table plan_reminder (
    id          bigserial primary key,
    user_id     bigint not null,
    task_id     bigint not null references plan_task (id) on delete cascade,
    kind        text not null,          -- DUE_SOON, OVERDUE, RETURNED, REASSIGNED
    occasion    text not null,          -- the due day, or the version of the task the event produced
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    emailed_at  timestamptz,
    email_error text,
    constraint plan_reminder_once unique (user_id, task_id, kind, occasion)
);
create index plan_reminder_user on plan_reminder (user_id, created_at desc);

create table plan_reminder_setting (
    user_id      bigint primary key,
    daily_digest boolean not null default false
);
