-- Every local authority with at least one report in the warehouse, with its latest overall grade where it
-- has one. School reports are left out: this report is about children's services. Reports are grouped by
-- authority first, so joining the latest grade costs one row per authority, however many reports each has.
WITH authority AS (
    SELECT
        urn,
        -- The name at the latest dated report; any name when no report is dated.
        coalesce(arg_max(provider_name, inspection_end), any_value(provider_name)) AS provider_name,
        any_value(region) AS region
    FROM v_provider_timeline
    WHERE kind NOT LIKE 'school%'
      AND urn IS NOT NULL
      AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
    GROUP BY urn
),
latest_overall AS (
    SELECT urn, any_value(grade) AS grade
    FROM v_latest_judgements
    WHERE area = 'overall_effectiveness'
      AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
    GROUP BY urn
)
SELECT
    authority.urn,
    authority.provider_name,
    authority.region,
    latest_overall.grade AS latest_overall_grade
FROM authority
LEFT JOIN latest_overall USING (urn)
ORDER BY provider_name, authority.urn;
