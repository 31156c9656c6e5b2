-- Overall effectiveness grades given in each inspection year, all regions together (national stacked bars).
-- Reads v_grade_distribution, which counts only graded full inspections: 2026 reform reports carry no
-- overall grade and so are not counted.
SELECT
    year,
    grade,
    min(score) AS score,
    sum(providers)::INTEGER AS count
FROM v_grade_distribution
WHERE year IS NOT NULL
GROUP BY year, grade
ORDER BY year, score, grade;
