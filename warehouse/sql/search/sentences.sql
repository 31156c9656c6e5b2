-- The sentences of one report that a page of search results shows: by its number, so DuckDB reads only the row
-- groups that hold its passages (a join on the whole page would read every row group between them).
SELECT seq, section, paragraph, page, text
FROM passages
WHERE report_no = $report_no AND list_contains($seqs, seq);
