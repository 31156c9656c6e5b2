-- What an announcement of a newly loaded report says (flows/announce.py sends it as a Prefect event): the
-- provider with its codes, the report's framework and overall grade (else its outcome), its address, and its
-- top key quotation with the page it is on.
SELECT
    r.report_id,
    r.file_id,
    r.status,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    p.provider_type,
    p.la_code,
    p.ons_code,
    p.region,
    r.kind,
    r.framework,
    r.published,
    r.inspection_end,
    coalesce(j.grade, r.outcome) AS overall,
    r.source_url,
    (SELECT {'text': q.text, 'page': q.page, 'section': q.section}
     FROM quotations AS q WHERE q.report_id = r.report_id
     ORDER BY q.rank NULLS LAST, q.seq LIMIT 1) AS top_quotation
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
LEFT JOIN judgements AS j ON j.report_id = r.report_id AND j.area = 'overall_effectiveness'
WHERE list_contains($report_ids, r.report_id)
ORDER BY provider_name, r.published, r.report_id;
