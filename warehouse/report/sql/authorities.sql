-- Every local authority with at least one report in the warehouse, with its latest overall grade where it
-- has one. School reports are left out: this report is about children's services.
WITH latest_overall AS (
    SELECT urn, grade
    FROM v_latest_judgements
    WHERE area = 'overall_effectiveness'
)
SELECT
    timeline.urn,
    any_value(timeline.provider_name ORDER BY timeline.inspection_end DESC NULLS LAST) AS provider_name,
    any_value(timeline.region) AS region,
    any_value(latest_overall.grade) AS latest_overall_grade
FROM v_provider_timeline AS timeline
LEFT JOIN latest_overall USING (urn)
WHERE timeline.kind NOT LIKE 'school%'
  AND timeline.urn IS NOT NULL
  AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], timeline.urn))
GROUP BY timeline.urn
ORDER BY provider_name, timeline.urn;
