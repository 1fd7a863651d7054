-- The secret address of a user's deadline calendar feed (issue 11: /calendar.ics?token=…): one per user,
-- regenerated on the calendar page (the old address stops working at once), stored only as the SHA-256 of
-- the token (32 random bytes). The feed is read as its owner, with the owner's units at the time of the call.
create table calendar_feed_token (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null
);
