-- Area SEND inspections (joint Ofsted/CQC, 2023 framework): what the report says that
-- children's services reports do not, and the responsible body of each priority action.
--
-- The body named beside a priority action is kept with the recommendation as the report
-- gives it, and becomes the action's lead partner (an organisation; the owner stays a
-- person), which the user can change.
ALTER TABLE recommendations ADD COLUMN responsible_body TEXT;
ALTER TABLE actions ADD COLUMN lead_partner TEXT;

-- 1 when the report requires a priority action plan (outcome 3). Its deadline is not
-- printed in the report: the user enters it at review, and it is kept in
-- reports.action_plan_deadline, tracked as the children's services deadline is.
ALTER TABLE reports ADD COLUMN priority_action_plan_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN previous_inspection_start TEXT;
ALTER TABLE reports ADD COLUMN previous_inspection_end TEXT;
-- The soonest next inspection the report itself names: 'full' or 'monitoring', in months.
ALTER TABLE reports ADD COLUMN stated_next_inspection_kind TEXT
    CHECK (stated_next_inspection_kind IN ('full', 'monitoring'));
ALTER TABLE reports ADD COLUMN stated_next_inspection_months INTEGER;
