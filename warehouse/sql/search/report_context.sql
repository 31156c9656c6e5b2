-- Each report's context as ofsted search shows it: who, when, which kind and grade, and where to read it (the
-- Ofsted file's URL where known, else the file it was loaded from). Both context.sql and scan.sql read it in
-- (warehouse/search.py: with_report_context), so the index's results and the scan's show the same columns.
SELECT
    r.report_no,
    coalesce(p.name, r.provider_name) AS provider_name,
    r.urn,
    p.la_code,
    p.ons_code,
    p.region,
    r.kind,
    r.framework,
    r.inspection_end,
    overall.grade AS overall_grade,
    coalesce(r.source_url, r.path) AS address,
    r.source_url,
    r.path,
    r.report_id,
    r.status
FROM reports AS r
LEFT JOIN providers AS p ON p.urn = r.urn
LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
