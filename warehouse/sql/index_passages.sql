-- Keeps the word index (passage_words, migration 010) for the passages merge_reports.sql just inserted: their
-- words in word order, so each load's rows of a word sit together (DuckDB skips the rest by min/max).
-- A replaced report's old rows went with its old number (passage_words_dropped, from merge_reports.sql).
DELETE FROM passage_words WHERE report_no IN (SELECT report_no FROM passage_words_dropped);

INSERT INTO passage_words
SELECT word, report_no, seq, CAST(pos AS INTEGER)
FROM (
    SELECT report_no, seq, unnest(words) AS word, unnest(generate_series(1, len(words))) AS pos
    FROM (
        SELECT report_no, seq, passage_words_of(text) AS words
        FROM stage_passages
        WHERE report_id IN (SELECT report_id FROM load_ids)
    )
)
ORDER BY word;
