-- The analyst views' base, kept by every load instead of recomputed by every query: at 1,000,000 reports the
-- views that deduplicated republished reports on the fly took 1.0-2.4 s each (bench/scale.py). warehouse/load.py
-- refreshes the inspections a load touches (warehouse/sql/refresh_la_judgements.sql); this fills it once.
CREATE TABLE la_judgements (
    urn VARCHAR NOT NULL,
    provider_name VARCHAR,
    report_id VARCHAR NOT NULL,
    framework VARCHAR,
    inspection_start DATE,
    inspection_end DATE,
    published DATE,
    area VARCHAR NOT NULL,
    grade VARCHAR NOT NULL,
    score INTEGER,
    label VARCHAR,
    page INTEGER
);
-- Ordered by authority, so one authority's rows sit in few row groups (DuckDB skips the others by their min/max).
INSERT INTO la_judgements BY NAME
WITH inspections AS (
    SELECT
        r.report_id, r.urn, r.provider_name, r.framework, r.inspection_start, r.inspection_end, r.published,
        row_number() OVER (
            PARTITION BY r.urn, coalesce(CAST(r.inspection_end AS VARCHAR), r.report_id)
            ORDER BY r.published DESC NULLS LAST, r.loaded_at DESC, r.report_id
        ) AS copy_rank
    FROM reports AS r
    WHERE r.status = 'ok' AND r.kind = 'la-inspection' AND r.urn IS NOT NULL
)
SELECT i.* EXCLUDE (copy_rank), j.area, j.grade, j.score, j.label, j.page
FROM inspections AS i
JOIN judgements AS j USING (report_id)
WHERE i.copy_rank = 1
ORDER BY i.urn, i.inspection_end, i.report_id, j.area;
COMMENT ON TABLE la_judgements IS 'Every judgement of a full local-authority inspection (kind la-inspection, status ok, known provider), one report per inspection: of the reports of one authority with the same inspection end (a republished report), the latest published, then the latest loaded, then the smallest report_id. Kept by every load for the inspections it touches; the base of v_la_judgements and the trend views, which add the provider''s canonical name and region.';
COMMENT ON COLUMN la_judgements.urn IS 'URN of the authority (providers.urn).';
COMMENT ON COLUMN la_judgements.provider_name IS 'Provider name as printed in the report (reports.provider_name); providers.name is the canonical one.';
COMMENT ON COLUMN la_judgements.report_id IS 'The report (reports.report_id) chosen for the inspection.';
COMMENT ON COLUMN la_judgements.framework IS 'Inspection framework (sif, ilacs, ilacs-2023, ...).';
COMMENT ON COLUMN la_judgements.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN la_judgements.inspection_end IS 'Last day of the inspection: with urn, what makes two reports one inspection (a report without it stands alone).';
COMMENT ON COLUMN la_judgements.published IS 'Publication date (NULL for files loaded from disk).';
COMMENT ON COLUMN la_judgements.area IS 'Area judged (judgements.area).';
COMMENT ON COLUMN la_judgements.grade IS 'Grade word (judgements.grade).';
COMMENT ON COLUMN la_judgements.score IS 'Numeric grade, 1 best to 4 worst; NULL for not_judged.';
COMMENT ON COLUMN la_judgements.label IS 'Label as printed.';
COMMENT ON COLUMN la_judgements.page IS 'Page the grade was read on.';
