-- The warehouse's tables. Loaded only by warehouse.load (reports and what hangs off them) and
-- warehouse.runs (runs, failures); analysts read them and the views in views.sql.

CREATE TABLE providers (
    urn VARCHAR PRIMARY KEY,
    name VARCHAR,
    provider_type VARCHAR NOT NULL,
    la_code VARCHAR,
    ons_code VARCHAR,
    region VARCHAR
);
COMMENT ON TABLE providers IS 'One row per inspected provider (local authority or school), keyed by its Ofsted URN; every spelling of an authority''s name lands on one row.';
COMMENT ON COLUMN providers.urn IS 'Ofsted unique reference number of the provider (text: some URNs have leading digits that matter).';
COMMENT ON COLUMN providers.name IS 'Canonical name: the project''s name for a local authority, the name as printed for a school.';
COMMENT ON COLUMN providers.provider_type IS '''local-authority'' or ''school'' (or the Ofsted site''s provider type for other providers).';
COMMENT ON COLUMN providers.la_code IS 'DfE three-digit local authority code (e.g. 383 for Leeds); NULL for schools.';
COMMENT ON COLUMN providers.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds); NULL for schools.';
COMMENT ON COLUMN providers.region IS 'English region of the authority (e.g. Yorkshire and the Humber); NULL for schools.';

CREATE TABLE reports (
    report_id VARCHAR PRIMARY KEY,
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
    loaded_at TIMESTAMP NOT NULL
);
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

CREATE TABLE judgements (
    report_id VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    grade VARCHAR NOT NULL,
    score INTEGER,
    label VARCHAR,
    page INTEGER,
    PRIMARY KEY (report_id, area)
);
COMMENT ON TABLE judgements IS 'Every judgement of every report with status ok, in long format: one row per report and judged area.';
COMMENT ON COLUMN judgements.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN judgements.area IS 'Canonical area judged, e.g. overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care, care_leavers (SIF and school areas by their own names).';
COMMENT ON COLUMN judgements.grade IS 'Grade word: outstanding, good, requires_improvement, adequate, satisfactory, inadequate, not_judged.';
COMMENT ON COLUMN judgements.score IS 'Numeric grade, 1 best to 4 worst: outstanding 1, good 2, requires_improvement / adequate / satisfactory 3, inadequate 4; NULL for not_judged.';
COMMENT ON COLUMN judgements.label IS 'The judgement''s label as printed in the report.';
COMMENT ON COLUMN judgements.page IS 'Page (1-based) the grade was read on.';

CREATE TABLE quotations (
    report_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    section VARCHAR,
    page INTEGER,
    text VARCHAR NOT NULL,
    PRIMARY KEY (report_id, seq)
);
COMMENT ON TABLE quotations IS 'Key sentences quoted verbatim from each report with status ok: headline and summary first, then one or two under each judgement heading.';
COMMENT ON COLUMN quotations.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN quotations.seq IS 'Order of the quotation in the report, from 1; quotation 1 is the headline.';
COMMENT ON COLUMN quotations.section IS 'Heading the text sits under, as printed.';
COMMENT ON COLUMN quotations.page IS 'Page (1-based) where the text starts.';
COMMENT ON COLUMN quotations.text IS 'The verbatim text (whitespace normalised to single spaces).';

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    flow VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status VARCHAR NOT NULL,
    reports_found INTEGER,
    reports_new INTEGER,
    reports_loaded INTEGER,
    failures INTEGER,
    detail VARCHAR
);
COMMENT ON TABLE runs IS 'One row per run of a flow (ingest, nightly, refresh, backfill) with its counts.';
COMMENT ON COLUMN runs.run_id IS 'Identifier of the run (the Prefect flow run id when there is one).';
COMMENT ON COLUMN runs.flow IS 'Flow that ran: ingest, nightly, refresh, backfill.';
COMMENT ON COLUMN runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'When the run finished (UTC); NULL while running, or when the run died.';
COMMENT ON COLUMN runs.status IS 'running, succeeded (no failures), partial (some failures) or failed (the run stopped).';
COMMENT ON COLUMN runs.reports_found IS 'Report files the run considered.';
COMMENT ON COLUMN runs.reports_new IS 'Reports added to the warehouse for the first time.';
COMMENT ON COLUMN runs.reports_loaded IS 'Reports added or replaced (new, newer parser, or changed content).';
COMMENT ON COLUMN runs.failures IS 'Targets that failed in this run (see failures).';
COMMENT ON COLUMN runs.detail IS 'Free text: parameters of the run, or why it failed.';

CREATE TABLE failures (
    failure_id VARCHAR PRIMARY KEY,
    run_id VARCHAR,
    stage VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    error VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    resolved_at TIMESTAMP
);
COMMENT ON TABLE failures IS 'What failed, where and why: one row per stage and target, retried by the next run and resolved when it succeeds.';
COMMENT ON COLUMN failures.failure_id IS 'Key: a hash of stage and target (one row per stage and target), so the same failure keeps its id across runs.';
COMMENT ON COLUMN failures.run_id IS 'The last run that saw this failure (runs.run_id).';
COMMENT ON COLUMN failures.stage IS 'Stage that failed: discover, download, extract, load.';
COMMENT ON COLUMN failures.target IS 'What failed: a URL, a file path or a provider URN.';
COMMENT ON COLUMN failures.error IS 'The latest error message: what went wrong and what to do next.';
COMMENT ON COLUMN failures.first_seen IS 'When the target first failed (UTC).';
COMMENT ON COLUMN failures.last_seen IS 'When it last failed (UTC).';
COMMENT ON COLUMN failures.attempts IS 'How many runs have failed on it.';
COMMENT ON COLUMN failures.resolved_at IS 'When a later run succeeded on it (UTC); NULL while it still fails.';
