-- Runs of the same overall grade at consecutive full inspections, longest first.
SELECT
    urn,
    provider_name,
    grade,
    streak_length,
    first_inspection_end,
    last_inspection_end,
    is_current
FROM v_overall_streaks
WHERE streak_length >= $min_streak
  AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
ORDER BY streak_length DESC, is_current DESC, last_inspection_end DESC, provider_name;
