-- A dossier's history also notes what other modules publish about its unit and year (an assessment
-- approved or reopened): a NOTE, written by the system, which moves no step.
alter table dossier_step_event drop constraint dossier_step_event_action_check;
alter table dossier_step_event add constraint dossier_step_event_action_check
    check (action in ('SUBMIT', 'APPROVE', 'RETURN', 'WITHDRAW', 'NOTE'));
