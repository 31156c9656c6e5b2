-- ofsted search runs on a Tantivy index beside the warehouse (warehouse/search_index.py, docs/search.md), derived
-- from passages: the DuckDB word index it replaces took 26.9 KB per report and 2.2-2.4 s for common phrases at
-- 100,000 reports, the engine 15.0 KB and under 0.11 s. Report numbers stay: loads, the engine and v_quotations
-- use them.
DROP TABLE IF EXISTS passage_words;
DROP MACRO IF EXISTS passage_words_of;
COMMENT ON COLUMN reports.report_no IS 'Number of the report in load order (a report loaded again gets a new one): the key of its passages in passages.report_no, and how the search index knows which reports it holds.';
