-- A council's timeline: when a later inspection of the same authority arrives, a person
-- decides what happens to the earlier plan's open actions (carried forward, completed, or
-- closed as overtaken). The decisions are kept here and every one is in the history.
--
-- `closed_on` is the day a closing takes effect: the later report's inspection date when
-- it was closed because of that report (so a view as at an earlier day still shows it
-- open), else the day a person closed it.
ALTER TABLE reports ADD COLUMN plan_closed_on TEXT;
ALTER TABLE reports ADD COLUMN plan_closed_reason TEXT;
ALTER TABLE reports ADD COLUMN plan_closed_by_report TEXT REFERENCES reports(id) ON DELETE SET NULL;

ALTER TABLE actions ADD COLUMN closed_on TEXT;
ALTER TABLE actions ADD COLUMN closed_reason TEXT;
-- Carried forward: kept open and linked to the later report's plan (and, optionally, to
-- one of its recommendations).
ALTER TABLE actions ADD COLUMN carried_to_report TEXT REFERENCES reports(id) ON DELETE SET NULL;
ALTER TABLE actions ADD COLUMN carried_to_recommendation TEXT
    REFERENCES recommendations(id) ON DELETE SET NULL;

-- The summary's tally (migration 0002) gains the two facts the summary now reads: when an
-- action was closed ('' = open) and whether it was carried forward.
DROP TRIGGER actions_tally_insert;
DROP TRIGGER actions_tally_delete;
DROP TRIGGER actions_tally_update;
DROP TABLE action_tally;
CREATE TABLE action_tally (
    report_id  TEXT NOT NULL,
    status     TEXT NOT NULL,
    due_date   TEXT NOT NULL,
    rag        TEXT NOT NULL,
    progress   INTEGER NOT NULL,
    sign_ready INTEGER NOT NULL,
    closed_on  TEXT NOT NULL,
    carried    INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (report_id, status, due_date, rag, progress, sign_ready, closed_on, carried)
) WITHOUT ROWID;

CREATE TRIGGER actions_tally_insert AFTER INSERT ON actions WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO action_tally VALUES (coalesce(new.report_id, ''), new.status,
        coalesce(new.due_date, ''), coalesce(new.rag_override, ''), new.progress,
        new.sign_ready, coalesce(new.closed_on, ''), new.carried_to_report IS NOT NULL, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER actions_tally_delete AFTER DELETE ON actions WHEN old.deleted_at IS NULL
BEGIN
    UPDATE action_tally SET n = n - 1
    WHERE report_id = coalesce(old.report_id, '') AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready
      AND closed_on = coalesce(old.closed_on, '') AND carried = (old.carried_to_report IS NOT NULL);
    DELETE FROM action_tally WHERE n <= 0 AND report_id = coalesce(old.report_id, '')
      AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready
      AND closed_on = coalesce(old.closed_on, '') AND carried = (old.carried_to_report IS NOT NULL);
END;
CREATE TRIGGER actions_tally_update
AFTER UPDATE OF report_id, status, due_date, rag_override, progress, sign_ready, deleted_at,
    closed_on, carried_to_report
ON actions
BEGIN
    UPDATE action_tally SET n = n - 1
    WHERE old.deleted_at IS NULL
      AND report_id = coalesce(old.report_id, '') AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready
      AND closed_on = coalesce(old.closed_on, '') AND carried = (old.carried_to_report IS NOT NULL);
    INSERT INTO action_tally
    SELECT coalesce(new.report_id, ''), new.status, coalesce(new.due_date, ''),
           coalesce(new.rag_override, ''), new.progress, new.sign_ready,
           coalesce(new.closed_on, ''), new.carried_to_report IS NOT NULL, 1
    WHERE new.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
    DELETE FROM action_tally WHERE n <= 0 AND report_id = coalesce(old.report_id, '')
      AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready
      AND closed_on = coalesce(old.closed_on, '') AND carried = (old.carried_to_report IS NOT NULL);
END;

INSERT INTO action_tally
    SELECT coalesce(report_id, ''), status, coalesce(due_date, ''),
           coalesce(rag_override, ''), progress, sign_ready, '', 0, count(*)
    FROM actions WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6;

-- The open-actions list's covering index (0002) carries the two new columns the list
-- reads, so it stays a single index walk.
DROP INDEX actions_open;
CREATE INDEX actions_open ON actions (due_date, status, deleted_at, id, recommendation_id,
    report_id, title, owner, due_date_source, progress, rag_override, sign_ready, created_at,
    last_update, lead_partner, closed_on, carried_to_report)
    WHERE deleted_at IS NULL AND status <> 'completed';
