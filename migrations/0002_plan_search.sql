-- Full-text search over recommendations, actions and progress notes, and the indexes the
-- action-plan queries need to stay fast on 100,000 actions.
--
-- Every searchable row gets a stable integer key in `search_docs` (the base tables have
-- UUID text keys, and their implicit rowids may change on VACUUM), and the FTS5 index is
-- contentless (the text already lives in the base tables) with deletes enabled. Triggers
-- keep both in step with the base tables, so no code path can forget to.

CREATE TABLE search_docs (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL CHECK (entity IN ('recommendation', 'action', 'update')),
    entity_id TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE search_fts USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Recommendations: their verbatim text.
CREATE TRIGGER recommendations_search_insert AFTER INSERT ON recommendations
BEGIN
    INSERT INTO search_docs (entity, entity_id) VALUES ('recommendation', new.id);
    INSERT INTO search_fts (rowid, body)
    VALUES ((SELECT id FROM search_docs WHERE entity_id = new.id), new.text);
END;
CREATE TRIGGER recommendations_search_update AFTER UPDATE OF text ON recommendations
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity_id = old.id);
    INSERT INTO search_fts (rowid, body)
    VALUES ((SELECT id FROM search_docs WHERE entity_id = new.id), new.text);
END;
CREATE TRIGGER recommendations_search_delete AFTER DELETE ON recommendations
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity_id = old.id);
    DELETE FROM search_docs WHERE entity_id = old.id;
END;

-- Actions: title, owner, partner agency and measure of success.
CREATE TRIGGER actions_search_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO search_docs (entity, entity_id) VALUES ('action', new.id);
    INSERT INTO search_fts (rowid, body)
    VALUES ((SELECT id FROM search_docs WHERE entity_id = new.id),
            concat_ws(' ', new.title, new.owner, new.partner_agency, new.measure_of_success));
END;
CREATE TRIGGER actions_search_update
AFTER UPDATE OF title, owner, partner_agency, measure_of_success ON actions
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity_id = old.id);
    INSERT INTO search_fts (rowid, body)
    VALUES ((SELECT id FROM search_docs WHERE entity_id = new.id),
            concat_ws(' ', new.title, new.owner, new.partner_agency, new.measure_of_success));
END;
CREATE TRIGGER actions_search_delete AFTER DELETE ON actions
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity_id = old.id);
    DELETE FROM search_docs WHERE entity_id = old.id;
END;

-- Progress notes: append-only, so only inserts and (cascaded) deletes.
CREATE TRIGGER action_updates_search_insert AFTER INSERT ON action_updates
BEGIN
    INSERT INTO search_docs (entity, entity_id) VALUES ('update', new.id);
    INSERT INTO search_fts (rowid, body)
    VALUES ((SELECT id FROM search_docs WHERE entity_id = new.id), new.note);
END;
CREATE TRIGGER action_updates_search_delete AFTER DELETE ON action_updates
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE entity_id = old.id);
    DELETE FROM search_docs WHERE entity_id = old.id;
END;

-- Rows written before this migration.
INSERT INTO search_docs (entity, entity_id)
    SELECT 'recommendation', id FROM recommendations
    UNION ALL SELECT 'action', id FROM actions
    UNION ALL SELECT 'update', id FROM action_updates;
INSERT INTO search_fts (rowid, body)
    SELECT d.id, r.text FROM search_docs d JOIN recommendations r ON r.id = d.entity_id
    UNION ALL
    SELECT d.id, concat_ws(' ', a.title, a.owner, a.partner_agency, a.measure_of_success)
    FROM search_docs d JOIN actions a ON a.id = d.entity_id
    UNION ALL
    SELECT d.id, u.note FROM search_docs d JOIN action_updates u ON u.id = d.entity_id;

-- Facts the plan keeps about a report beyond what the report says: the statutory
-- action-plan deadline worked out at import (70 working days after `received`), and a
-- next-inspection date the user entered (else it is estimated).
ALTER TABLE reports ADD COLUMN action_plan_deadline TEXT;
ALTER TABLE reports ADD COLUMN next_inspection TEXT;

-- Each action's report, copied from its recommendation (which never changes).
ALTER TABLE actions ADD COLUMN report_id TEXT REFERENCES reports(id) ON DELETE CASCADE;
UPDATE actions SET report_id =
    (SELECT r.report_id FROM recommendations r WHERE r.id = actions.recommendation_id);

-- Facts about an action kept by triggers, so lists and summaries read them from an index
-- instead of looking into other tables row by row: the date of the latest note, and
-- whether it is signed off with at least one piece of evidence (what "blue" needs).
ALTER TABLE actions ADD COLUMN last_update TEXT;
ALTER TABLE actions ADD COLUMN sign_ready INTEGER NOT NULL DEFAULT 0;
UPDATE actions SET
    last_update = (SELECT max(u.written_on) FROM action_updates u WHERE u.action_id = actions.id),
    sign_ready = (signed_off_at IS NOT NULL AND EXISTS (SELECT 1 FROM evidence e
                  WHERE e.action_id = actions.id AND e.deleted_at IS NULL));

CREATE TRIGGER action_updates_last_update AFTER INSERT ON action_updates
BEGIN
    UPDATE actions SET last_update = max(coalesce(last_update, ''), new.written_on)
    WHERE id = new.action_id;
END;
CREATE TRIGGER actions_sign_ready AFTER UPDATE OF signed_off_at ON actions
BEGIN
    UPDATE actions SET sign_ready = (new.signed_off_at IS NOT NULL AND EXISTS (SELECT 1
        FROM evidence e WHERE e.action_id = new.id AND e.deleted_at IS NULL))
    WHERE id = new.id;
END;
CREATE TRIGGER evidence_sign_ready_insert AFTER INSERT ON evidence
BEGIN
    UPDATE actions SET sign_ready = (signed_off_at IS NOT NULL AND EXISTS (SELECT 1
        FROM evidence e WHERE e.action_id = new.action_id AND e.deleted_at IS NULL))
    WHERE id = new.action_id;
END;
CREATE TRIGGER evidence_sign_ready_update AFTER UPDATE OF deleted_at ON evidence
BEGIN
    UPDATE actions SET sign_ready = (signed_off_at IS NOT NULL AND EXISTS (SELECT 1
        FROM evidence e WHERE e.action_id = new.action_id AND e.deleted_at IS NULL))
    WHERE id = new.action_id;
END;
CREATE TRIGGER evidence_sign_ready_delete AFTER DELETE ON evidence
BEGIN
    UPDATE actions SET sign_ready = (signed_off_at IS NOT NULL AND EXISTS (SELECT 1
        FROM evidence e WHERE e.action_id = old.action_id AND e.deleted_at IS NULL))
    WHERE id = old.action_id;
END;

-- The summary's tally: how many live actions share each combination of the values the
-- RAG rule and the counts read (report, status, due date, manual RAG, progress, signed
-- off with evidence). Kept by triggers in the same transaction as every change, so the
-- summary reads a few thousand tally rows instead of 100,000 actions. '' stands for
-- "none" (a primary key cannot hold NULL).
CREATE TABLE action_tally (
    report_id  TEXT NOT NULL,
    status     TEXT NOT NULL,
    due_date   TEXT NOT NULL,
    rag        TEXT NOT NULL,
    progress   INTEGER NOT NULL,
    sign_ready INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (report_id, status, due_date, rag, progress, sign_ready)
) WITHOUT ROWID;

CREATE TRIGGER actions_tally_insert AFTER INSERT ON actions WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO action_tally VALUES (coalesce(new.report_id, ''), new.status,
        coalesce(new.due_date, ''), coalesce(new.rag_override, ''), new.progress,
        new.sign_ready, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER actions_tally_delete AFTER DELETE ON actions WHEN old.deleted_at IS NULL
BEGIN
    UPDATE action_tally SET n = n - 1
    WHERE report_id = coalesce(old.report_id, '') AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready;
    DELETE FROM action_tally WHERE n <= 0 AND report_id = coalesce(old.report_id, '') AND status = old.status
        AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
        AND progress = old.progress AND sign_ready = old.sign_ready;
END;
CREATE TRIGGER actions_tally_update
AFTER UPDATE OF report_id, status, due_date, rag_override, progress, sign_ready, deleted_at
ON actions
BEGIN
    UPDATE action_tally SET n = n - 1
    WHERE old.deleted_at IS NULL
      AND report_id = coalesce(old.report_id, '') AND status = old.status
      AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
      AND progress = old.progress AND sign_ready = old.sign_ready;
    INSERT INTO action_tally
    SELECT coalesce(new.report_id, ''), new.status, coalesce(new.due_date, ''),
           coalesce(new.rag_override, ''), new.progress, new.sign_ready, 1
    WHERE new.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
    DELETE FROM action_tally WHERE n <= 0 AND report_id = coalesce(old.report_id, '') AND status = old.status
        AND due_date = coalesce(old.due_date, '') AND rag = coalesce(old.rag_override, '')
        AND progress = old.progress AND sign_ready = old.sign_ready;
END;

INSERT INTO action_tally
    SELECT coalesce(report_id, ''), status, coalesce(due_date, ''),
           coalesce(rag_override, ''), progress, sign_ready, count(*)
    FROM actions WHERE deleted_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6;

-- The open-actions list (overdue, due soon) from one covering index: no look-up into
-- the table per row. The recommendation's text likewise.
CREATE INDEX actions_open ON actions (due_date, status, deleted_at, id, recommendation_id,
    report_id, title, owner, due_date_source, progress, rag_override, sign_ready, created_at,
    last_update) WHERE deleted_at IS NULL AND status <> 'completed';
CREATE INDEX recommendations_list ON recommendations (id, deleted_at, report_id, position,
    section, timeframe, text);

-- Plan queries: filters by status and owner, and the bin.
CREATE INDEX actions_status ON actions (status, due_date) WHERE deleted_at IS NULL;
CREATE INDEX actions_owner ON actions (owner COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX actions_bin ON actions (deleted_at) WHERE deleted_at IS NOT NULL;
