-- Every sentence of every report, searchable; key quotations become a ranked choice from them.
CREATE TABLE passages (
    report_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    section VARCHAR,
    paragraph INTEGER,
    page INTEGER,
    text VARCHAR NOT NULL
);
-- No primary key: its (report_id, seq) key is kept by the loader (warehouse/load.py), and an index on a table of
-- hundreds of rows per report makes every checkpoint rewrite it (migration 007 measured 6.15 s against 0.14 s).
COMMENT ON TABLE passages IS 'Every sentence of the prose of each report with status ok, verbatim and in reading order; boilerplate (copyright, addresses, explanations of the grades, running headers and footers, contents lists) is left out. Search it with search_passages(words) or v_passages.';
COMMENT ON COLUMN passages.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN passages.seq IS 'Position of the sentence in the report''s reading order, from 1.';
COMMENT ON COLUMN passages.section IS 'Heading the sentence sits under, as printed.';
COMMENT ON COLUMN passages.paragraph IS 'Paragraph number the report prints beside the sentence''s paragraph; NULL where the report does not number its paragraphs.';
COMMENT ON COLUMN passages.page IS 'Page (1-based) where the sentence starts; a sentence running over a page break is one passage on the page where it starts.';
COMMENT ON COLUMN passages.text IS 'The verbatim sentence (whitespace normalised to single spaces).';

ALTER TABLE quotations ADD COLUMN rank INTEGER;
ALTER TABLE quotations ADD COLUMN reason VARCHAR;
COMMENT ON COLUMN quotations.rank IS 'How quotable the quotation is among its report''s key quotations: 1 is the most quotable; NULL when the parser that read the report did not rank them (then seq is the order).';
COMMENT ON COLUMN quotations.reason IS 'Why the sentence was chosen: summary, paragraph_opening, finding, improvement_point, strong_wording, outcome_statement, priority_action, section_opening (schools and joint area reviews, in their own order); NULL when the parser did not say.';
COMMENT ON TABLE quotations IS 'Key quotations of each report with status ok: the sentences most worth quoting, chosen from its passages (opening summary, paragraph openings, strong praise or criticism, findings, priority actions), verbatim, ranked by rank.';
