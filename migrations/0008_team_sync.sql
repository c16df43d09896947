-- Team mode (issue 11): this desktop's side of the sync with the team's PostgreSQL server.
-- Nothing here is used until `team connect`; the capture triggers that fill the outbox are
-- made at connect time from the tables' columns (store/team_capture.rs), not here, so a
-- database that never connects has no trigger of team mode on any table.

-- One row while connected: which server, as whom, how far this desktop has pulled.
CREATE TABLE team_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    server        TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    role          TEXT,
    -- This desktop's own id: the server's log says which desktop sent each change.
    client_id     TEXT NOT NULL,
    -- The server position of the last change applied here (0: none yet).
    last_position INTEGER NOT NULL DEFAULT 0,
    last_sync     TEXT,
    offline_since TEXT,
    -- 1: local writes are recorded in the outbox; 0 while remote changes are applied.
    capture       INTEGER NOT NULL DEFAULT 1
);

-- Local changes not yet on the server (durable: written in the same transaction as the
-- change itself), and the ones the server refused (kept, with its reason, never dropped).
CREATE TABLE team_outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('insert', 'set')),
    entity        TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    field         TEXT,
    payload       TEXT NOT NULL,
    made_at       TEXT NOT NULL,
    -- The last server position this desktop had applied when the change was made: a
    -- change to a field the server changed after that overtakes a change it never saw.
    base_position INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
    refused_why   TEXT
);
CREATE INDEX team_outbox_field ON team_outbox (entity_id, field) WHERE state = 'pending';

-- Per field of a row: the server position of the value in force here, and the last change
-- to it in the server's order (who, from which desktop, what, when) to tell a conflict.
CREATE TABLE team_fields (
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    field          TEXT NOT NULL,
    force_position INTEGER NOT NULL DEFAULT 0,
    last_position  INTEGER NOT NULL DEFAULT 0,
    last_origin    TEXT,
    last_author    TEXT,
    last_value     TEXT,
    last_made_at   TEXT,
    PRIMARY KEY (entity, entity_id, field)
) WITHOUT ROWID;

-- Two changes to one field where the later one's desktop had not seen the earlier: both
-- stay in the history; the earlier one's author is told in words on the action.
CREATE TABLE team_conflicts (
    position          INTEGER NOT NULL,
    entity            TEXT NOT NULL,
    entity_id         TEXT NOT NULL,
    field             TEXT NOT NULL,
    overtaken_author  TEXT NOT NULL,
    overtaken_value   TEXT,
    overtaken_made_at TEXT,
    winner_author     TEXT NOT NULL,
    winner_value      TEXT,
    winner_made_at    TEXT,
    PRIMARY KEY (position, entity, entity_id, field)
);
CREATE INDEX team_conflicts_entity ON team_conflicts (entity_id);

-- Server changes that could not be applied here (e.g. a note on an action whose creation
-- the server refused): recorded, with the reason, the same on every desktop.
CREATE TABLE team_skipped (
    position INTEGER PRIMARY KEY,
    reason   TEXT NOT NULL
);
