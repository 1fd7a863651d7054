-- Start-up data loaded once (the seed villages, the first accounts): a step recorded here is not
-- loaded again at the next start, even if people have since changed or removed what it loaded.
create table seed_step (
    name       text primary key,
    applied_at timestamptz not null default now()
);
