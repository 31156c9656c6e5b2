-- ofsted search: search_passages (views.sql) narrowed by the command's options, newest inspection first.
-- A NULL parameter means the option was not given. `matches` counts every match, beyond the limit too.
SELECT
    provider_name,
    urn,
    kind,
    framework,
    inspection_end,
    overall_grade,
    section,
    paragraph,
    page,
    text,
    source_url,
    path,
    report_id,
    seq,
    count(*) OVER () AS matches
FROM search_passages($words)
WHERE ($grade IS NULL OR overall_grade = $grade)
  AND ($kind IS NULL OR kind = $kind)
  AND ($since IS NULL OR inspection_end >= $since)
  AND ($provider IS NULL OR urn = $provider OR provider_name ILIKE '%' || $provider || '%')
ORDER BY inspection_end DESC NULLS LAST, provider_name, report_id, seq
LIMIT $limit;
