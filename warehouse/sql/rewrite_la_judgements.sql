-- One range of authorities of la_judgements inserted again, in authority order (warehouse/load.py runs it for
-- consecutive ranges, from $low inclusive to $high exclusive, NULL for no bound, then deletes the rows up to
-- $last_rowid: the table's rows before the rewrite, since rows inserted in a transaction get larger row ids).
-- Each authority's rows then lie in one or two row groups, which one authority's history reads, skipping the
-- others by their min/max urn. Insert and delete, not CREATE OR REPLACE, so the table keeps its definition and
-- comments. A range at a time, since the sort holds its rows in memory: at 1,000,000 reports the writer peaked
-- at 440 MB in quarters against 808 MB at once, in about the same CPU time (4 s). The order is total (report_id and area
-- are unique), so a standby replaying the rewrite (warehouse/snapshot.py) puts the same rows in the same order.
INSERT INTO la_judgements BY NAME
SELECT *
FROM la_judgements
WHERE rowid <= $last_rowid AND ($low IS NULL OR urn >= $low) AND ($high IS NULL OR urn < $high)
ORDER BY urn, inspection_end, report_id, area;
