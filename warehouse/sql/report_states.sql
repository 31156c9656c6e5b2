-- What a report says, as far as `ofsted reparse` reports changes: its status, provider, grades and quotations.
SELECT
    r.report_id,
    r.status,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    r.kind,
    r.inspection_end,
    r.path,
    (SELECT map(list(j.area ORDER BY j.area), list(j.grade ORDER BY j.area))
     FROM judgements AS j WHERE j.report_id = r.report_id) AS grades,
    (SELECT list(q.text ORDER BY q.seq) FROM quotations AS q WHERE q.report_id = r.report_id) AS quotations
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
WHERE list_contains($report_ids, r.report_id);
