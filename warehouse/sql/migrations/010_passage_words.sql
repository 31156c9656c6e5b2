-- Report numbers in load order, first made for a word index of the passages in DuckDB (passage_words). The
-- search engine (warehouse/search_index.py, a Tantivy index beside the warehouse) replaced that index, and this
-- migration no longer builds it: migration 014 drops it where an earlier version of this file built it.
--
-- Every report gets a number in load order, and its passages carry it: a report's passages then sit together in
-- few row groups, which DuckDB finds by their min/max statistics without reading the others' text.
ALTER TABLE reports ADD COLUMN report_no INTEGER;
COMMENT ON COLUMN reports.report_no IS 'Number of the report in load order (a report loaded again gets a new one): the key of its passages in passages.report_no.';
UPDATE reports SET report_no = numbered.report_no
FROM (SELECT report_id, CAST(row_number() OVER (ORDER BY loaded_at, report_id) AS INTEGER) AS report_no FROM reports)
    AS numbered
WHERE reports.report_id = numbered.report_id;

ALTER TABLE passages ADD COLUMN report_no INTEGER;
COMMENT ON COLUMN passages.report_no IS 'Number of the report (reports.report_no): passages are stored in its order, so one report''s sentences are read without the rest.';
CREATE TEMP TABLE passages_numbered AS
SELECT p.* EXCLUDE (report_no), r.report_no FROM passages AS p JOIN reports AS r USING (report_id);
DELETE FROM passages;
INSERT INTO passages BY NAME SELECT * FROM passages_numbered ORDER BY report_no, seq;
DROP TABLE passages_numbered;
