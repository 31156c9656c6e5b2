-- What the page covers: counts and date range of the local-authority reports in the warehouse (one row per
-- authority summed, so no report is read twice).
SELECT
    coalesce(sum(reports), 0)::INTEGER AS reports,
    count(*)::INTEGER AS authorities,
    coalesce(sum(full_inspections), 0)::INTEGER AS full_inspections,
    min(first_inspection_end) AS first_inspection_end,
    max(last_inspection_end) AS last_inspection_end
FROM v_authorities;
