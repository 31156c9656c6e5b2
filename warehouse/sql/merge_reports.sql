-- Applies the merge rules of warehouse/load.py: staged rows (stage_*) and the plan (load_plan) in, tables out.
-- Provenance is sticky: a row replaced by a load without it keeps what the warehouse knew.
UPDATE stage_reports AS s SET
    source_url = coalesce(s.source_url, r.source_url),
    file_id = coalesce(s.file_id, r.file_id),
    published = coalesce(s.published, r.published),
    site_label = coalesce(s.site_label, r.site_label),
    site_inspection_date = coalesce(s.site_inspection_date, r.site_inspection_date)
FROM reports AS r
WHERE r.report_id = s.report_id;

INSERT INTO providers BY NAME SELECT * FROM stage_providers
ON CONFLICT (urn) DO UPDATE SET
    name = coalesce(excluded.name, name),
    provider_type = coalesce(excluded.provider_type, provider_type),
    la_code = coalesce(excluded.la_code, la_code),
    ons_code = coalesce(excluded.ons_code, ons_code),
    region = coalesce(excluded.region, region);

CREATE OR REPLACE TEMP TABLE load_ids AS
SELECT report_id FROM load_plan WHERE action IN ('insert', 'replace');
-- Only replaced reports have rows to delete: deleting by new ids too would scan every big table for nothing.
CREATE OR REPLACE TEMP TABLE replaced_ids AS
SELECT report_id FROM load_plan WHERE action = 'replace';

-- Reports loaded now take the next numbers (reports.report_no), so their passages go after every stored one and
-- a report's passages stay together; the search index adds the new numbers once the write is published.
CREATE OR REPLACE TEMP TABLE load_numbers AS
SELECT
    report_id,
    CAST((SELECT coalesce(max(report_no), 0) FROM reports) + row_number() OVER (ORDER BY report_id) AS INTEGER)
        AS report_no
FROM load_ids;
UPDATE stage_reports AS s SET report_no = n.report_no FROM load_numbers AS n WHERE s.report_id = n.report_id;
UPDATE stage_passages AS s SET report_no = n.report_no FROM load_numbers AS n WHERE s.report_id = n.report_id;
UPDATE stage_quotations AS s SET report_no = n.report_no FROM load_numbers AS n WHERE s.report_id = n.report_id;

-- The inspections (authority and inspection end) whose chosen report this load may change, before and after:
-- refresh_la_judgements.sql recomputes only these. A report without an end date is an inspection of its own,
-- named by its report_id (NULL for the others, so the joins stay on urn and date, no key computed per row).
CREATE OR REPLACE TEMP TABLE touched_inspections AS
SELECT urn, inspection_end, CASE WHEN inspection_end IS NULL THEN report_id END AS undated_report_id
FROM reports
WHERE report_id IN (SELECT report_id FROM replaced_ids) AND status = 'ok' AND kind = 'la-inspection'
  AND urn IS NOT NULL
UNION
SELECT urn, inspection_end, CASE WHEN inspection_end IS NULL THEN report_id END AS undated_report_id
FROM stage_reports
WHERE report_id IN (SELECT report_id FROM load_ids) AND status = 'ok' AND kind = 'la-inspection'
  AND urn IS NOT NULL;

DELETE FROM passages WHERE report_id IN (SELECT report_id FROM replaced_ids);
DELETE FROM quotations WHERE report_id IN (SELECT report_id FROM replaced_ids);
DELETE FROM judgements WHERE report_id IN (SELECT report_id FROM replaced_ids);
DELETE FROM reports WHERE report_id IN (SELECT report_id FROM replaced_ids);

UPDATE stage_reports SET loaded_at = current_timestamp AT TIME ZONE 'UTC';
INSERT INTO reports BY NAME SELECT s.* FROM stage_reports AS s JOIN load_ids USING (report_id);
INSERT INTO judgements BY NAME SELECT s.* FROM stage_judgements AS s JOIN load_ids USING (report_id);
INSERT INTO quotations BY NAME SELECT s.* FROM stage_quotations AS s JOIN load_ids USING (report_id);
INSERT INTO passages BY NAME SELECT s.* FROM stage_passages AS s JOIN load_ids USING (report_id) ORDER BY s.report_no, s.seq;
