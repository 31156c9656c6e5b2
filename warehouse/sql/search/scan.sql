-- ofsted search by reading every sentence (of the reports numbered after $after): for reports the search index
-- does not hold yet, and where there is no index. {condition} is the query as SQL (warehouse/search_query.py's
-- sql_condition, the patterns of search_passages). Filters as kept_providers.sql and the index's; newest
-- inspection first, then the report loaded last, then reading order, as the index's order key; `matches`
-- counts every match, beyond $limit (NULL: every row) too.
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
    s.seq,
    s.section,
    s.paragraph,
    s.page,
    s.text,
    count(*) OVER () AS matches
FROM passages AS s
JOIN reports AS r USING (report_no)
LEFT JOIN providers AS p ON p.urn = r.urn
LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
WHERE s.report_no > $after
  AND r.status = 'ok'
  AND ($grade IS NULL OR overall.grade = $grade)
  AND ($kind IS NULL OR r.kind = $kind)
  AND ($since IS NULL OR r.inspection_end >= $since)
  AND ($provider IS NULL OR r.urn = $provider OR coalesce(p.name, r.provider_name) ILIKE '%' || $provider || '%')
  AND ($region IS NULL OR lower(p.region) = lower($region))
  AND ($la_code IS NULL OR p.la_code = $la_code)
  AND {condition}
ORDER BY r.inspection_end DESC NULLS LAST, r.report_no DESC, s.seq
LIMIT $limit;
