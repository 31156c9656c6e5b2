-- Loads write only what they add (warehouse/snapshot.py), so the big tables lose their PRIMARY KEY indexes:
-- DuckDB rewrites a table's whole index at every checkpoint and keeps it in memory, which made a one-report
-- write into 100,000 reports take 6.2 s (0.1 s without) and the file six times larger. Keys stay unique
-- because warehouse/load.py is their only writer: it checks each batch's keys and replaces a report's rows
-- together. DuckDB cannot drop a key, so each table is rebuilt with the same columns and comments.

ALTER TABLE reports RENAME TO reports_with_key;
CREATE TABLE reports (
    report_id VARCHAR NOT NULL,
    urn VARCHAR,
    kind VARCHAR,
    framework VARCHAR,
    provider_name VARCHAR,
    inspection_start DATE,
    inspection_end DATE,
    published DATE,
    lead_inspector VARCHAR,
    outcome VARCHAR,
    next_inspection VARCHAR,
    source_url VARCHAR,
    file_id VARCHAR,
    sha256 VARCHAR NOT NULL,
    pages INTEGER,
    parser_version VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    error VARCHAR,
    quality_flags VARCHAR[] NOT NULL,
    path VARCHAR,
    content_hash VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    first_line VARCHAR,
    site_label VARCHAR,
    site_inspection_date DATE
);
INSERT INTO reports BY NAME SELECT * FROM reports_with_key;
DROP TABLE reports_with_key;

ALTER TABLE judgements RENAME TO judgements_with_key;
CREATE TABLE judgements (
    report_id VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    grade VARCHAR NOT NULL,
    score INTEGER,
    label VARCHAR,
    page INTEGER
);
INSERT INTO judgements BY NAME SELECT * FROM judgements_with_key;
DROP TABLE judgements_with_key;

ALTER TABLE quotations RENAME TO quotations_with_key;
CREATE TABLE quotations (
    report_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    section VARCHAR,
    page INTEGER,
    text VARCHAR NOT NULL,
    rank INTEGER,
    reason VARCHAR
);
INSERT INTO quotations BY NAME SELECT * FROM quotations_with_key;
DROP TABLE quotations_with_key;

COMMENT ON TABLE reports IS 'One row per report file, whatever happened to it: status says whether it was read; only status ''ok'' rows have judgements and quotations and feed the views.';
COMMENT ON COLUMN reports.report_id IS 'Key of the report: the sha256 (hex) of the PDF file''s bytes.';
COMMENT ON COLUMN reports.urn IS 'URN of the provider (providers.urn); NULL when it could not be found (quality flag provider_unmatched).';
COMMENT ON COLUMN reports.kind IS 'Kind of report: la-inspection (full inspection of children''s services), focused-visit, monitoring-visit, jtai, area-send, joint-area-review, school-inspection.';
COMMENT ON COLUMN reports.framework IS 'Inspection framework: pre-2014, sif (2013-2018), ilacs, ilacs-2023, ilacs-2026, focused-visit, jtai, area-send, and school frameworks.';
COMMENT ON COLUMN reports.provider_name IS 'Provider name as printed in the report (providers.name is the canonical one).';
COMMENT ON COLUMN reports.inspection_start IS 'First day of the inspection fieldwork.';
COMMENT ON COLUMN reports.inspection_end IS 'Last day of the inspection fieldwork: the date trend views order and group by.';
COMMENT ON COLUMN reports.published IS 'Date Ofsted published the report (from the Ofsted site; NULL for files loaded from disk).';
COMMENT ON COLUMN reports.lead_inspector IS 'Name of the lead inspector (for joint inspections, Ofsted''s lead).';
COMMENT ON COLUMN reports.outcome IS 'Outcome of an ungraded inspection: area SEND positive / inconsistent / significant_concerns, or the printed outcome.';
COMMENT ON COLUMN reports.next_inspection IS 'Area SEND: when the next inspection is due, as printed.';
COMMENT ON COLUMN reports.source_url IS 'URL the file was downloaded from (NULL for files loaded from disk).';
COMMENT ON COLUMN reports.file_id IS 'Ofsted file id, the last part of https://files.ofsted.gov.uk/v1/file/<id>.';
COMMENT ON COLUMN reports.sha256 IS 'sha256 (hex) of the file''s bytes, the key of the raw store (equal to report_id).';
COMMENT ON COLUMN reports.pages IS 'Number of pages in the PDF.';
COMMENT ON COLUMN reports.parser_version IS 'Version of the parser that read the file; a newer version replaces the report''s rows when it is loaded again.';
COMMENT ON COLUMN reports.status IS 'ok, or why the file gave no judgements: not_a_pdf, no_text_layer, unrecognised, error (extraction), invalid (broke a warehouse rule).';
COMMENT ON COLUMN reports.error IS 'For a status other than ok: what went wrong and what to do next.';
COMMENT ON COLUMN reports.quality_flags IS 'What an analyst should know about a loaded report (e.g. provider_unmatched, missing_overall_grade); empty when nothing. docs/warehouse.md lists them.';
COMMENT ON COLUMN reports.path IS 'Path the file was read from when this row was loaded.';
COMMENT ON COLUMN reports.content_hash IS 'Hash of everything the report says (not where it came from): a reload with an equal hash changes nothing.';
COMMENT ON COLUMN reports.loaded_at IS 'When this row was last inserted or replaced (UTC).';
COMMENT ON TABLE judgements IS 'Every judgement of every report with status ok, in long format: one row per report and judged area.';
COMMENT ON COLUMN judgements.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN judgements.area IS 'Canonical area judged, e.g. overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care, care_leavers (SIF and school areas by their own names).';
COMMENT ON COLUMN judgements.grade IS 'Grade word: outstanding, good, requires_improvement, adequate, satisfactory, inadequate, not_judged; school reports of 2001 keep their seven-point words (excellent, very_good, unsatisfactory, poor, very_poor).';
COMMENT ON COLUMN judgements.score IS 'Numeric grade, 1 best to 4 worst: outstanding 1, good 2, requires_improvement / adequate / satisfactory 3, inadequate 4; NULL for not_judged.';
COMMENT ON COLUMN judgements.label IS 'The judgement''s label as printed in the report.';
COMMENT ON COLUMN judgements.page IS 'Page (1-based) the grade was read on.';
COMMENT ON TABLE quotations IS 'Key sentences quoted verbatim from each report with status ok: headline and summary first, then one or two under each judgement heading.';
COMMENT ON COLUMN quotations.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN quotations.seq IS 'Order of the quotation in the report, from 1; quotation 1 is the headline.';
COMMENT ON COLUMN quotations.section IS 'Heading the text sits under, as printed.';
COMMENT ON COLUMN quotations.page IS 'Page (1-based) where the text starts.';
COMMENT ON COLUMN quotations.text IS 'The verbatim text (whitespace normalised to single spaces).';

-- The comments migrations 003 and 004 gave (the rebuild above would lose them).
COMMENT ON COLUMN quotations.rank IS 'How quotable the quotation is among its report''s key quotations: 1 is the most quotable; NULL when the parser that read the report did not rank them (then seq is the order).';
COMMENT ON COLUMN quotations.reason IS 'Why the sentence was chosen: summary, paragraph_opening, finding, improvement_point, strong_wording, outcome_statement, priority_action, section_opening (schools and joint area reviews, in their own order); NULL when the parser did not say.';
COMMENT ON TABLE quotations IS 'Key quotations of each report with status ok: the sentences most worth quoting, chosen from its passages (opening summary, paragraph openings, strong praise or criticism, findings, priority actions), verbatim, ranked by rank.';
COMMENT ON COLUMN reports.first_line IS 'First line of text on page 1, as printed (the title, for most reports): what a file no parser reads says it is; NULL when the text could not be read.';
COMMENT ON COLUMN reports.site_label IS 'The Ofsted site''s label for the report on its provider page (e.g. ''Focused visit'', ''Early years inspection report''); NULL for files loaded from disk.';
COMMENT ON COLUMN reports.site_inspection_date IS 'Inspection date the Ofsted site''s provider page gives for the report (the parsed inspection_end is the report''s own); NULL for files loaded from disk.';
COMMENT ON COLUMN reports.status IS 'ok, or why the file gave no judgements: not_a_pdf, no_text_layer, unrecognised (a report family no parser reads yet: kept with pages, first_line and what the site said; `ofsted reparse` reads it once a parser exists), error (extraction), invalid (broke a warehouse rule).';

CREATE TABLE warehouse_snapshot (
    generation BIGINT NOT NULL,
    published_at TIMESTAMP NOT NULL
);
INSERT INTO warehouse_snapshot VALUES (0, current_timestamp AT TIME ZONE 'UTC');
COMMENT ON TABLE warehouse_snapshot IS 'One row: which write published this file (warehouse/snapshot.py keeps a standby copy one write behind and brings it up to date from the last write''s changes).';
COMMENT ON COLUMN warehouse_snapshot.generation IS 'Number of writes published since this table was created; each write adds one.';
COMMENT ON COLUMN warehouse_snapshot.published_at IS 'When the write that made this generation was published (UTC).';
