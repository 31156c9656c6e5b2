-- ofsted search by reading every sentence (of the reports numbered after $after): for reports the search index
-- does not hold yet, and where there is no index. {condition} is the query as SQL (warehouse/search_query.py's
-- sql_condition, the patterns of search_passages). Filters as kept_providers.sql and the index's; newest
-- inspection first, then the report loaded last, then reading order, as the index's order key; `matches`
-- counts every match, beyond $limit (NULL: every row) too.
SELECT
    c.*,
    s.seq,
    s.section,
    s.paragraph,
    s.page,
    s.text,
    count(*) OVER () AS matches
FROM passages AS s
JOIN ({report_context}) AS c USING (report_no)
WHERE s.report_no > $after
  AND c.status = 'ok'
  AND ($grade IS NULL OR c.overall_grade = $grade)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($since IS NULL OR c.inspection_end >= $since)
  AND ($provider IS NULL OR c.urn = $provider OR c.provider_name ILIKE '%' || $provider || '%')
  AND ($region IS NULL OR lower(c.region) = lower($region))
  AND ($la_code IS NULL OR c.la_code = $la_code)
  AND {condition}
ORDER BY c.inspection_end DESC NULLS LAST, c.report_no DESC, s.seq
LIMIT $limit;
