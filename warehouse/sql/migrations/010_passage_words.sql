-- A word index of the passages, so that `ofsted search` looks a phrase up instead of reading every sentence: at
-- 100,000 reports the scan took 4-14 s of CPU per query (docs/warehouse.md, "How search works").
--
-- Every report gets a number in load order, and its passages carry it: a report's passages then sit together in
-- few row groups, which DuckDB finds by their min/max statistics without reading the others' text.
ALTER TABLE reports ADD COLUMN report_no INTEGER;
COMMENT ON COLUMN reports.report_no IS 'Number of the report in load order (a report loaded again gets a new one): the key of its passages in passages.report_no and passage_words.report_no.';
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

-- Words are split where RE2's \w and \W meet, as the search's word-start pattern sees them, and each keeps the
-- characters up to the next word: 'drift and delay.' is 'drift ', 'and ', 'delay.'. So a phrase is found as its
-- own words at consecutive positions, all but the last equal and the last as a prefix, and the lookup finds
-- exactly what the pattern finds (its separators too: 'drift, and delay' is not 'drift and delay').
CREATE MACRO passage_words_of(sentence) AS regexp_extract_all(lower(sentence), '\w+\W*');
COMMENT ON MACRO passage_words_of IS 'passage_words_of(text): the words of a sentence as passage_words stores them, in order: lower case, each with the characters that follow it up to the next word.';

CREATE TABLE passage_words (
    word VARCHAR NOT NULL,
    report_no INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    pos INTEGER NOT NULL
);
COMMENT ON TABLE passage_words IS 'The word index of passages: one row per word of every sentence, inserted in word order by each load, so a word''s rows sit in few row groups. ofsted search looks phrases up here; it is derived from passages and kept by every load.';
COMMENT ON COLUMN passage_words.word IS 'The word in lower case with the characters that follow it up to the next word (passage_words_of): ''drift '', ''leavers’ '', ''delay.''.';
COMMENT ON COLUMN passage_words.report_no IS 'The report (reports.report_no, passages.report_no).';
COMMENT ON COLUMN passage_words.seq IS 'The sentence (passages.seq).';
COMMENT ON COLUMN passage_words.pos IS 'Position of the word in the sentence, from 1.';
INSERT INTO passage_words
SELECT word, report_no, seq, CAST(pos AS INTEGER)
FROM (
    SELECT report_no, seq, unnest(words) AS word, unnest(generate_series(1, len(words))) AS pos
    FROM (SELECT report_no, seq, passage_words_of(text) AS words FROM passages)
)
ORDER BY word;
