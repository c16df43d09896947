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

-- Each action's report, copied from its recommendation (which never changes), so the
-- summary can count 100,000 actions from one covering index without a join.
ALTER TABLE actions ADD COLUMN report_id TEXT REFERENCES reports(id) ON DELETE CASCADE;
UPDATE actions SET report_id =
    (SELECT r.report_id FROM recommendations r WHERE r.id = actions.recommendation_id);
CREATE INDEX actions_summary
    ON actions (report_id, status, due_date, progress, rag_override, signed_off_at)
    WHERE deleted_at IS NULL;

-- Plan queries: filters by status and owner, and the bin.
CREATE INDEX actions_status ON actions (status, due_date) WHERE deleted_at IS NULL;
CREATE INDEX actions_owner ON actions (owner COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX actions_bin ON actions (deleted_at) WHERE deleted_at IS NOT NULL;
