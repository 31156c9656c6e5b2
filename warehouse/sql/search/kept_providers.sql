-- The providers ofsted search's --provider, --region and --la-code keep, as the search index filters them: URNs
-- of providers with a row in providers, and the reports of the rest (no URN, or a URN without a row) one by one.
-- A NULL option keeps everything.
SELECT DISTINCT
    CASE WHEN p.urn IS NOT NULL THEN r.urn END AS urn,
    CASE WHEN p.urn IS NULL THEN r.report_id END AS report_id
FROM reports AS r
LEFT JOIN providers AS p ON p.urn = r.urn
WHERE r.status = 'ok'
  AND ($provider IS NULL OR r.urn = $provider OR coalesce(p.name, r.provider_name) ILIKE '%' || $provider || '%')
  AND ($region IS NULL OR lower(p.region) = lower($region))
  AND ($la_code IS NULL OR p.la_code = $la_code);
