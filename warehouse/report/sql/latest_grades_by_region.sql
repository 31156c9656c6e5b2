-- Each authority's latest overall effectiveness grade, counted by region (the current national picture).
SELECT
    coalesce(region, 'Region not known') AS region,
    grade,
    min(score) AS score,
    count(DISTINCT urn)::INTEGER AS count
FROM v_latest_judgements
WHERE area = 'overall_effectiveness'
GROUP BY ALL
ORDER BY region, score, grade;
