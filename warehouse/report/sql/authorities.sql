-- Every local authority with at least one report in the warehouse, with its latest overall grade where it
-- has one. School reports are left out: this report is about children's services. v_authorities has one row
-- per authority (no judgement or quotation joined), so joining the latest grade costs one row per authority.
WITH latest_overall AS (
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
FROM v_authorities AS authority
LEFT JOIN latest_overall USING (urn)
WHERE ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], authority.urn))
ORDER BY authority.provider_name, authority.urn;
