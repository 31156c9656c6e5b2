-- Brings la_judgements up to date for the inspections a load touched (touched_inspections, made by
-- merge_reports.sql), never the whole table: a batch of 1,000 reports touches every authority, but only ~1,000
-- of its inspections. The rules are migration 009's: one report per inspection, the latest published, then the
-- latest loaded, then the smallest report_id. warehouse/load.py logs la_refreshed and la_dropped for the standby.
CREATE OR REPLACE TEMP TABLE la_dropped AS
SELECT DISTINCT l.report_id
FROM la_judgements AS l
JOIN touched_inspections AS t
  ON t.urn = l.urn AND t.inspection = coalesce(CAST(l.inspection_end AS VARCHAR), l.report_id);

DELETE FROM la_judgements WHERE report_id IN (SELECT report_id FROM la_dropped);

CREATE OR REPLACE TEMP TABLE la_refreshed AS
WITH inspections AS (
    SELECT
        r.report_id, r.urn, r.provider_name, r.framework, r.inspection_start, r.inspection_end, r.published,
        row_number() OVER (
            PARTITION BY r.urn, coalesce(CAST(r.inspection_end AS VARCHAR), r.report_id)
            ORDER BY r.published DESC NULLS LAST, r.loaded_at DESC, r.report_id
        ) AS copy_rank
    FROM reports AS r
    JOIN touched_inspections AS t
      ON t.urn = r.urn AND t.inspection = coalesce(CAST(r.inspection_end AS VARCHAR), r.report_id)
    WHERE r.status = 'ok' AND r.kind = 'la-inspection'
)
SELECT i.* EXCLUDE (copy_rank), j.area, j.grade, j.score, j.label, j.page
FROM inspections AS i
JOIN judgements AS j USING (report_id)
WHERE i.copy_rank = 1;

INSERT INTO la_judgements BY NAME SELECT * FROM la_refreshed;
