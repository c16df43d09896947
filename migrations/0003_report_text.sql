-- A report's full text in a table of its own. In `reports` it sat before the columns 0002
-- added (action-plan deadline, next inspection), so reading those walked the whole text's
-- overflow pages (about 100 KB a report): listing 400 reports for the dashboard read and
-- cached 35 MB of text nobody looked at.
CREATE TABLE report_texts (
    report_id   TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    source_text TEXT NOT NULL
);
INSERT INTO report_texts (report_id, source_text) SELECT id, source_text FROM reports;
ALTER TABLE reports DROP COLUMN source_text;
