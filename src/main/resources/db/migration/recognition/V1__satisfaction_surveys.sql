-- Satisfaction surveys (lấy ý kiến sự hài lòng của người dân) of a unit in a year, run by the Vietnam
-- Fatherland Front (MTTQ) for a recognition dossier (HD 90/HD-MTTW-BTT). Counts only: coverage and
-- satisfaction are computed from them, never stored. Units are orgunit identities, referenced without
-- foreign keys across modules (the facade checks them). The result file is not stored here yet.

create table satisfaction_survey (
    id                 bigserial primary key,
    unit_id            bigint not null,
    year               int not null,
    households         int not null check (households >= 0),          -- households in the unit
    surveyed           int not null check (surveyed >= 0 and surveyed <= households),
    satisfied          int not null check (satisfied >= 0 and satisfied <= surveyed),
    ballots_issued     int check (ballots_issued >= 0),
    ballots_returned   int check (ballots_returned >= 0),
    conducted_by       text not null,                                 -- "Ủy ban MTTQ Việt Nam xã ..."
    started_on         date,
    ended_on           date,
    note               text,
    row_version        int not null default 0,
    created_at         timestamptz not null default now(),
    changed_at         timestamptz not null default now(),
    changed_by         text not null,
    unique (unit_id, year)
);

create table satisfaction_survey_question (
    survey_id  bigint not null references satisfaction_survey (id) on delete cascade,
    position   int not null,
    question   text not null,
    satisfied  int not null check (satisfied >= 0),
    asked      int not null check (asked >= 0 and satisfied <= asked),
    primary key (survey_id, position)
);
