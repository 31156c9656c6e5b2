-- Every judgement of every full inspection: the cells of each authority's grid.
SELECT
    urn,
    report_id,
    area,
    grade,
    score
FROM v_judgement_history
WHERE ($urn IS NULL OR urn = $urn)
ORDER BY urn, inspection_end, report_id, area;
