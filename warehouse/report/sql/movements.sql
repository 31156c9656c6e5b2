-- Authorities whose overall grade rose or fell at their latest overall-graded full inspection.
WITH latest_overall AS (
    SELECT *
    FROM v_judgement_history
    WHERE area = 'overall_effectiveness'
      AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
    QUALIFY row_number() OVER (PARTITION BY urn ORDER BY inspection_end DESC, report_id) = 1
)
SELECT
    urn,
    provider_name,
    region,
    report_id,
    inspection_end,
    previous_grade,
    grade,
    direction
FROM latest_overall
WHERE direction IN ('improved', 'declined')
ORDER BY direction DESC, provider_name;
