-- What the page covers: counts and date range of the local-authority reports in the warehouse.
SELECT
    count(*)::INTEGER AS reports,
    count(DISTINCT urn)::INTEGER AS authorities,
    count(*) FILTER (WHERE kind = 'la-inspection')::INTEGER AS full_inspections,
    min(inspection_end) AS first_inspection_end,
    max(inspection_end) AS last_inspection_end
FROM v_provider_timeline
WHERE kind NOT LIKE 'school%'
  AND urn IS NOT NULL;
