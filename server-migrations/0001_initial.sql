-- The team server's first schema (PostgreSQL 15). Shipped server migrations are never
-- edited: add a numbered file. `team init-server` applies them in order, each in the same
-- transaction as its row in schema_version.
--
-- The group roles exist before this runs (init-server creates them: roles belong to the
-- cluster, not to one database).

CREATE SCHEMA inspection_tracker;

CREATE TABLE inspection_tracker.schema_version (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- The log of every accepted change, in one total order (position). Append-only: nobody
-- has UPDATE or DELETE on it. `author` is the database user that sent the change; the
-- policies below check it is the sender, so nobody can write in another's name.
CREATE TABLE inspection_tracker.changes (
    position      bigserial PRIMARY KEY,
    id            uuid NOT NULL UNIQUE,
    origin        uuid NOT NULL,
    author        text NOT NULL DEFAULT current_user,
    kind          text NOT NULL CHECK (kind IN ('insert', 'set')),
    entity        text NOT NULL,
    entity_id     text NOT NULL,
    field         text,
    payload       jsonb NOT NULL,
    base_position bigint NOT NULL,
    made_at       text NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

-- Which group may send a change: viewers none; editors notes, evidence, history and the
-- fields of an action that are about progress; everything else (imports, due dates,
-- bin/restore, the plan's reports and recommendations) admins.
CREATE FUNCTION inspection_tracker.required_role(kind text, entity text, field text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN kind = 'insert' AND entity IN ('action_updates', 'evidence', 'history')
            THEN 'inspection_tracker_editor'
        WHEN kind = 'set' AND entity = 'actions' AND field NOT IN
                ('due_date', 'due_date_source', 'due_date_reason', 'original_due_date',
                 'deleted_at', 'report_id', 'recommendation_id', 'created_at',
                 -- closing or carrying forward an earlier plan's action is managing the plan
                 'closed_on', 'closed_reason', 'carried_to_report', 'carried_to_recommendation')
            THEN 'inspection_tracker_editor'
        WHEN kind = 'set' AND entity = 'evidence' AND field IN ('deleted_at', 'summary')
            THEN 'inspection_tracker_editor'
        ELSE 'inspection_tracker_admin'
    END
$$;

ALTER TABLE inspection_tracker.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE inspection_tracker.changes FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON inspection_tracker.changes FOR SELECT USING (true);
CREATE POLICY send_allowed ON inspection_tracker.changes FOR INSERT WITH CHECK (
    author = current_user
    AND pg_has_role(current_user,
                    inspection_tracker.required_role(kind, entity, field), 'member')
    -- base_position -1 marks a published plan's rows (their history kept as recorded).
    AND (base_position >= 0
         OR pg_has_role(current_user, 'inspection_tracker_admin', 'member'))
);

-- Positions must become visible in order: a pull that has seen position 11 must never
-- later find a 10 committed after it. Senders take one lock (for the rest of their
-- transaction) before their rows draw positions, so inserts commit in position order.
CREATE FUNCTION inspection_tracker.changes_in_order() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7300511);
    RETURN NULL;
END
$$;
CREATE TRIGGER changes_in_order BEFORE INSERT ON inspection_tracker.changes
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_tracker.changes_in_order();

-- Wake listening desktops (delivered when the sending transaction commits).
CREATE FUNCTION inspection_tracker.changes_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('inspection_tracker_changes', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER changes_notify AFTER INSERT ON inspection_tracker.changes
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_tracker.changes_notify();

-- Evidence files, by the SHA-256 of their content (the same file attached on two
-- desktops is stored once). 50 MiB each at most (README).
CREATE TABLE inspection_tracker.evidence_blobs (
    sha256   text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size     bigint NOT NULL CHECK (size >= 0 AND size <= 52428800),
    content  bytea NOT NULL CHECK (octet_length(content) = size),
    added_by text NOT NULL DEFAULT current_user,
    added_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE inspection_tracker.evidence_blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE inspection_tracker.evidence_blobs FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON inspection_tracker.evidence_blobs FOR SELECT USING (true);
CREATE POLICY send_own ON inspection_tracker.evidence_blobs FOR INSERT WITH CHECK (
    added_by = current_user
    AND pg_has_role(current_user, 'inspection_tracker_editor', 'member')
);

GRANT USAGE ON SCHEMA inspection_tracker TO inspection_tracker_viewer;
GRANT SELECT ON inspection_tracker.schema_version, inspection_tracker.changes,
    inspection_tracker.evidence_blobs TO inspection_tracker_viewer;
GRANT INSERT ON inspection_tracker.changes, inspection_tracker.evidence_blobs
    TO inspection_tracker_editor;
GRANT USAGE ON SEQUENCE inspection_tracker.changes_position_seq TO inspection_tracker_editor;
