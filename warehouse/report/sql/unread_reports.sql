-- Report files no parser reads yet (early years, further education, children's homes, ...), counted by
-- provider type and provider, so the page says what the warehouse holds but cannot show.
SELECT
    provider_type,
    urn,
    provider_name,
    count(*)::INTEGER AS reports,
    max(published) AS latest_published
FROM v_unrecognised_reports
GROUP BY provider_type, urn, provider_name
ORDER BY provider_type, reports DESC, provider_name NULLS LAST, urn NULLS LAST;
