-- Repeat findings: a person's decision that a recommendation asks again for what an
-- earlier report's recommendation of the same authority asked (confirmed), or does not
-- (rejected, so it is not suggested again). One decision per pair; changing it updates
-- the row, and every decision is also in the history.
CREATE TABLE repeat_links (
    recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    earlier_id        TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    decision          TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    decided_by        TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, earlier_id),
    CHECK (recommendation_id <> earlier_id)
);
CREATE INDEX repeat_links_earlier ON repeat_links (earlier_id);
