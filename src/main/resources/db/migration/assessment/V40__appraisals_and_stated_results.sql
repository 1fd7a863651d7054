-- Indicator results as documents state them: a unit may record an indicator as met or not met without
-- its figure ("đạt / không đạt", with the reason in `note`), as progress reports often name only the
-- codes of the indicators not yet met. It is one kind of value among the others, never beside a figure.
alter table assessment_value add column verdict boolean;
alter table assessment_value drop constraint assessment_value_one;
alter table assessment_value add constraint assessment_value_one
    check (num_nonnulls(value_num, value_bool, value_text, verdict) = 1);
alter table assessment_value add constraint assessment_value_verdict_reason
    check (verdict is null or (note is not null and length(trim(note)) > 0));

-- The appraisal is the result: a criterion or an indicator appraised by someone other than the unit —
-- the officer of the agency responsible for the criterion (CHECK: indicators; the criterion itself is
-- appraised in assessment_check.appraised_met), the level above when reviewing (REVIEW) or the province
-- before approving (APPROVE). The latest step's appraisal decides the evaluation; the unit's own values
-- and results stay as they were and are shown beside it. Like checks, an appraisal belongs to the current
-- round: a resubmission clears those made before the unit last changed its values, a reopen clears all
-- (the steps and the audit keep them).
create table assessment_appraisal (
    assessment_id bigint      not null references assessment (id),
    target        text        not null check (target in ('CRITERION', 'INDICATOR')),
    -- a criterion number or an indicator code of the assessment's set
    code          text        not null,
    -- the criterion the code belongs to (the indicator's criterion), for scope and for the steps
    criterion     text        not null,
    stage         text        not null check (stage in ('CHECK', 'REVIEW', 'APPROVE')),
    met           boolean     not null,
    reason        text        not null check (length(trim(reason)) > 0),
    appraised_by  text        not null,
    appraised_at  timestamptz not null,
    -- the assessment's version the appraisal produced
    appraised_in  int         not null,
    primary key (assessment_id, target, code, stage),
    constraint assessment_appraisal_check_stage check (stage <> 'CHECK' or target = 'INDICATOR')
);
