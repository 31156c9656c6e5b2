-- Rewrites la_judgements in authority order, with the same rows, when the rows loads appended since the last
-- rewrite pass a fraction of it (warehouse/load.py): each authority's rows then lie in one or two row groups,
-- which one authority's history reads, skipping the others by their min/max urn. Delete and insert, not CREATE
-- OR REPLACE, so the table keeps its definition and comments. The order is total (report_id and area are
-- unique), so a standby replaying the rewrite (warehouse/snapshot.py) puts the same rows in the same order.
CREATE OR REPLACE TEMP TABLE la_judgements_in_order AS
SELECT * FROM la_judgements ORDER BY urn, inspection_end, report_id, area;
DELETE FROM la_judgements;
INSERT INTO la_judgements BY NAME SELECT * FROM la_judgements_in_order;
DROP TABLE la_judgements_in_order;
UPDATE la_judgements_order SET appended_rows = 0;
