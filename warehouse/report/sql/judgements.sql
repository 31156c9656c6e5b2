-- Every judgement of every full inspection: the cells of each authority's grid.
SELECT
    urn,
    report_id,
    area,
    grade,
    score
FROM v_judgement_history
WHERE ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
ORDER BY urn, inspection_end, report_id, area;
