-- What is known of a report file without reading it: kept for every file, read or not, so a report no parser
-- knows yet (early years, further education, children's homes, schools after 2016) still has a useful row.
ALTER TABLE reports ADD COLUMN first_line VARCHAR;
ALTER TABLE reports ADD COLUMN site_label VARCHAR;
ALTER TABLE reports ADD COLUMN site_inspection_date DATE;
COMMENT ON COLUMN reports.first_line IS 'First line of text on page 1, as printed (the title, for most reports): what a file no parser reads says it is; NULL when the text could not be read.';
COMMENT ON COLUMN reports.site_label IS 'The Ofsted site''s label for the report on its provider page (e.g. ''Focused visit'', ''Early years inspection report''); NULL for files loaded from disk.';
COMMENT ON COLUMN reports.site_inspection_date IS 'Inspection date the Ofsted site''s provider page gives for the report (the parsed inspection_end is the report''s own); NULL for files loaded from disk.';
COMMENT ON COLUMN reports.status IS 'ok, or why the file gave no judgements: not_a_pdf, no_text_layer, unrecognised (a report family no parser reads yet: kept with pages, first_line and what the site said; `ofsted reparse` reads it once a parser exists), error (extraction), invalid (broke a warehouse rule).';
