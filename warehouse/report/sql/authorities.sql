-- Every local authority with at least one report in the warehouse, with its codes and its latest overall grade
-- where it has one: when that inspection ended, under which framework, how old the grade is, whether an earlier
-- framework than today's gave it, and its change against the previous grade (v_judgement_history's, across the
-- area lineage). School reports are left out: this report is about children's services. v_authorities has one
-- row per authority (no judgement or quotation joined), and v_latest_judgements one per authority and area.
WITH latest_overall AS (
    SELECT
        l.urn,
        l.grade,
        l.inspection_end,
        l.framework,
        l.years_since_inspection,
        l.from_earlier_framework,
        h.previous_grade,
        h.direction
    FROM v_latest_judgements AS l
    LEFT JOIN v_judgement_history AS h USING (urn, area, report_id)
    WHERE l.area = 'overall_effectiveness'
      AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], l.urn))
)
SELECT
    authority.urn,
    authority.provider_name,
    authority.region,
    latest_overall.grade AS latest_overall_grade,
    authority.la_code,
    authority.ons_code,
    latest_overall.inspection_end AS latest_overall_end,
    latest_overall.framework AS latest_overall_framework,
    latest_overall.years_since_inspection AS latest_overall_years,
    latest_overall.from_earlier_framework AS latest_overall_earlier_framework,
    latest_overall.previous_grade AS previous_overall_grade,
    latest_overall.direction AS overall_direction
FROM v_authorities AS authority
LEFT JOIN latest_overall USING (urn)
WHERE ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], authority.urn))
ORDER BY authority.provider_name, authority.urn;
