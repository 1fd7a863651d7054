-- Sections are edited through the plan's forms: each carries its own version (a stale edit is refused
-- naming who changed it) and who changed it last, like plans and tasks.
alter table plan_section
    add column row_version int not null default 0,
    add column changed_at  timestamptz not null default now(),
    add column changed_by  text not null default 'hệ thống';
