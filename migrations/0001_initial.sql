-- First schema. Shipped migrations are never edited: add a new numbered file instead.
-- Ids are UUID text, dates ISO 8601 (YYYY-MM-DD), timestamps UTC (YYYY-MM-DDTHH:MM:SS.sssZ).

CREATE TABLE reports (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    local_authority  TEXT,
    inspection_start TEXT,
    inspection_end   TEXT,
    published        TEXT,
    -- The date the council received the report: starts the 70-working-day clock.
    received         TEXT,
    lead_inspector   TEXT,
    -- A date the user gave for a report that states none (the JAR).
    base_date        TEXT,
    source_name      TEXT NOT NULL,
    source_sha256    TEXT NOT NULL UNIQUE,
    source_format    TEXT NOT NULL,
    source_text      TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    deleted_at       TEXT
);

CREATE TABLE judgements (
    id        TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    section   TEXT NOT NULL,
    area      TEXT NOT NULL,
    grade     TEXT NOT NULL,
    UNIQUE (report_id, position)
);

CREATE TABLE recommendations (
    id               TEXT PRIMARY KEY,
    report_id        TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    section          TEXT NOT NULL,
    timeframe        TEXT,
    timeframe_unit   TEXT NOT NULL CHECK (timeframe_unit IN
                         ('immediate', 'months', 'weeks', 'days', 'longer_term', 'unspecified')),
    timeframe_amount INTEGER,
    text             TEXT NOT NULL,
    paragraph        INTEGER,
    source_start     INTEGER NOT NULL,
    source_end       INTEGER NOT NULL,
    deleted_at       TEXT,
    UNIQUE (report_id, position)
);

CREATE TABLE actions (
    id                  TEXT PRIMARY KEY,
    recommendation_id   TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    title               TEXT NOT NULL,
    owner               TEXT,
    partner_agency      TEXT,
    -- The due date in force, and where it came from: the report's timeframe, the default
    -- for open-ended timeframes (months, or the next inspection), a user's override, or
    -- none yet (the report has no date and the user has not given one).
    due_date            TEXT,
    due_date_source     TEXT NOT NULL DEFAULT 'report' CHECK (due_date_source IN
                            ('report', 'default', 'next_inspection', 'override', 'waiting')),
    due_date_reason     TEXT,
    status              TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
                            ('not_started', 'in_progress', 'completed', 'blocked')),
    progress            INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    measure_of_success  TEXT,
    rag_override        TEXT CHECK (rag_override IN ('red', 'amber', 'green', 'blue')),
    rag_override_reason TEXT,
    signed_off_by       TEXT,
    signed_off_at       TEXT,
    completed_on        TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX actions_recommendation ON actions (recommendation_id);
CREATE INDEX actions_due ON actions (due_date) WHERE deleted_at IS NULL;

-- Dated progress notes; append-only (see triggers).
CREATE TABLE action_updates (
    id         TEXT PRIMARY KEY,
    action_id  TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    written_on TEXT NOT NULL,
    author     TEXT NOT NULL,
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX action_updates_action ON action_updates (action_id, written_on);

-- Files are copied into the data folder and named by their SHA-256; links are kept as text.
CREATE TABLE evidence (
    id            TEXT PRIMARY KEY,
    action_id     TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    original_name TEXT,
    sha256        TEXT,
    link          TEXT,
    added_by      TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK ((kind = 'file' AND sha256 IS NOT NULL) OR (kind = 'link' AND link IS NOT NULL))
);
CREATE INDEX evidence_action ON evidence (action_id);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Who changed what, when; append-only (see triggers).
CREATE TABLE history (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    who       TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX history_entity ON history (entity_id, seq);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER action_updates_no_update BEFORE UPDATE ON action_updates
BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
