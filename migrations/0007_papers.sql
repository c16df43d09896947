-- Issue 16: actions written as actions, re-scheduling kept visible, papers that know the
-- previous paper.

-- The due date the action was first given. A due date moved by hand later keeps this one,
-- so papers can show both; back-filled from the history's first due-date change where
-- there is one, else the date in force.
ALTER TABLE actions ADD COLUMN original_due_date TEXT;
UPDATE actions SET original_due_date = coalesce(
    (SELECT h.old_value FROM history h
      WHERE h.entity = 'action' AND h.entity_id = actions.id AND h.field = 'due_date'
        AND h.old_value IS NOT NULL
      ORDER BY h.seq LIMIT 1),
    due_date);

-- What is being done about a slipping action and what happens next, as the owner records
-- them (the board paper's exceptions quote these, not the last note).
ALTER TABLE actions ADD COLUMN mitigation TEXT;
ALTER TABLE actions ADD COLUMN next_step TEXT;

-- 1 while the action is still the recommendation's words copied in: a draft to be
-- rewritten as what will be done. Actions made before this migration are left as they are.
ALTER TABLE actions ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1));

-- A one-line summary of what a piece of evidence shows (the statement's evidence of impact).
ALTER TABLE evidence ADD COLUMN summary TEXT;

-- Each board paper exported: the next paper's "change since the previous paper" counts
-- from the last one's date by default.
CREATE TABLE paper_exports (
    id          TEXT PRIMARY KEY,
    format      TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    who         TEXT NOT NULL
);
CREATE INDEX paper_exports_as_of ON paper_exports (format, as_of);
