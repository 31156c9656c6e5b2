-- The analyst views as they were before migration 009 (deduplicating republished reports at every query),
-- as temporary views named old_*: tests/warehouse/test_views_after_009.py checks the views on la_judgements
-- give the same rows in these columns (later columns, such as the authority's codes, have tests of their own).
-- The previous grade of old_v_judgement_history follows the area lineage of migration 015.

CREATE OR REPLACE TEMP VIEW old_v_la_judgements AS
WITH inspections AS (
    SELECT
        r.report_id, r.urn, r.provider_name, r.framework, r.inspection_start, r.inspection_end, r.published,
        -- The same inspection loaded from two files (a republished report): the latest publication wins.
        -- A report without an end date cannot be matched to another, so it stands alone.
        row_number() OVER (
            PARTITION BY r.urn, coalesce(CAST(r.inspection_end AS VARCHAR), r.report_id)
            ORDER BY r.published DESC NULLS LAST, r.loaded_at DESC, r.report_id
        ) AS copy_rank
    FROM reports AS r
    WHERE r.status = 'ok' AND r.kind = 'la-inspection' AND r.urn IS NOT NULL
)
SELECT
    i.urn,
    coalesce(p.name, i.provider_name) AS provider_name,
    p.region,
    i.report_id,
    i.framework,
    i.inspection_start,
    i.inspection_end,
    i.published,
    j.area,
    j.grade,
    j.score,
    j.label,
    j.page
FROM inspections AS i
JOIN judgements AS j USING (report_id)
LEFT JOIN providers AS p USING (urn)
WHERE i.copy_rank = 1;

CREATE OR REPLACE TEMP VIEW old_v_latest_judgements AS
-- Aggregates rather than windows: a hash table keeps one row per authority and area instead of sorting every
-- judgement (about half the time at 100,000 reports, measured by bench/scale.py). Latest means the latest
-- inspection end, then publication (missing dates count as earliest), then the smallest report_id.
WITH dated AS (
    SELECT
        *,
        (coalesce(inspection_end, DATE '0001-01-01'), coalesce(published, DATE '0001-01-01')) AS recency
    FROM old_v_la_judgements
),
latest AS (
    SELECT urn, area, max(recency) AS recency FROM dated GROUP BY urn, area
),
chosen AS (
    SELECT urn, area, min(report_id) AS report_id FROM dated JOIN latest USING (urn, area, recency) GROUP BY urn, area
),
latest_inspection AS (
    SELECT urn, max(inspection_end) AS latest_inspection_end FROM dated GROUP BY urn
)
SELECT
    d.urn, d.provider_name, d.region, d.area, d.grade, d.score, d.report_id, d.framework, d.inspection_end,
    d.published, d.inspection_end IS NOT DISTINCT FROM i.latest_inspection_end AS from_latest_inspection
FROM dated AS d
JOIN chosen USING (urn, area, report_id)
JOIN latest_inspection AS i USING (urn);

CREATE OR REPLACE TEMP VIEW old_v_judgement_history AS
-- The previous grade by the rule of migration 015 (area_lineage), written as the rule reads rather than as the view
-- computes it: of every earlier judgement of the authority in the area or an area it continues, the one at the
-- latest inspection, the most preferred area there. A join of every judgement with every earlier one.
WITH positioned AS (
    SELECT
        *,
        {'end': coalesce(inspection_end, DATE '0001-01-01'), 'published': coalesce(published, DATE '0001-01-01'),
         'report_id': report_id} AS position
    FROM old_v_la_judgements
),
lineage AS (
    SELECT DISTINCT area, area AS continues, 0 AS preference FROM positioned
    UNION ALL
    SELECT area, continues, preference FROM area_lineage
),
previous AS (
    SELECT
        j.report_id, j.area, e.grade, e.score, e.area AS previous_area, e.report_id AS previous_report_id,
        e.inspection_end AS previous_inspection_end
    FROM positioned AS j
    JOIN lineage AS l ON l.area = j.area
    JOIN positioned AS e ON e.urn = j.urn AND e.area = l.continues AND e.position < j.position
    QUALIFY row_number() OVER (PARTITION BY j.report_id, j.area ORDER BY e.position DESC, l.preference) = 1
)
SELECT
    j.urn, j.provider_name, j.region, j.report_id, j.framework, j.inspection_start, j.inspection_end, j.published,
    j.area, j.grade, j.score, p.grade AS previous_grade, p.score AS previous_score, p.previous_area,
    p.previous_report_id, p.previous_inspection_end,
    CASE
        WHEN j.score IS NULL OR p.score IS NULL THEN NULL
        WHEN j.score < p.score THEN 'improved'
        WHEN j.score > p.score THEN 'declined'
        ELSE 'unchanged'
    END AS direction
FROM positioned AS j
LEFT JOIN previous AS p USING (report_id, area);

CREATE OR REPLACE TEMP VIEW old_v_overall_streaks AS
WITH overall AS (
    SELECT
        urn, provider_name, grade, inspection_end,
        row_number() OVER (PARTITION BY urn ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id)
            AS inspection_number,
        row_number() OVER (
            PARTITION BY urn, grade ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id
        ) AS number_with_grade,
        count(*) OVER (PARTITION BY urn) AS inspections
    FROM old_v_la_judgements
    WHERE area = 'overall_effectiveness'
)
SELECT
    urn,
    any_value(provider_name) AS provider_name,
    grade,
    count(*) AS streak_length,
    min(inspection_end) AS first_inspection_end,
    max(inspection_end) AS last_inspection_end,
    bool_or(inspection_number = inspections) AS is_current
FROM overall
-- Gaps and islands: within a run of equal grades both numbers rise together, so their difference is constant.
GROUP BY urn, grade, inspection_number - number_with_grade;

CREATE OR REPLACE TEMP VIEW old_v_grade_distribution AS
SELECT
    year(inspection_end) AS year,
    region,
    grade,
    any_value(score) AS score,
    count(DISTINCT urn) AS providers
FROM old_v_la_judgements
WHERE area = 'overall_effectiveness'
GROUP BY year(inspection_end), region, grade;

CREATE OR REPLACE TEMP VIEW old_v_provider_timeline AS
SELECT
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    p.region,
    r.report_id,
    r.kind,
    r.framework,
    r.inspection_start,
    r.inspection_end,
    r.published,
    overall.grade AS overall_grade,
    r.outcome,
    -- The headline as views.sql now reads it (passing over a verdict printed in the judgement table): a change of
    -- what the column means, made after 009 and unrelated to la_judgements, which this file checks.
    CASE
        WHEN first_quote.reason = 'verdict' AND first_quote.section = 'Overall judgement' THEN second_quote.text
        ELSE first_quote.text
    END AS headline
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
LEFT JOIN quotations AS first_quote ON first_quote.report_id = r.report_id AND first_quote.seq = 1
LEFT JOIN quotations AS second_quote ON second_quote.report_id = r.report_id AND second_quote.seq = 2
WHERE r.status = 'ok' AND r.urn IS NOT NULL;

CREATE OR REPLACE TEMP VIEW old_v_quotations AS
SELECT
    q.report_id,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    r.kind,
    r.inspection_end,
    overall.grade AS overall_grade,
    q.seq,
    q.section,
    q.page,
    q.text,
    q.rank,
    q.reason
FROM quotations AS q
JOIN reports AS r USING (report_id)
LEFT JOIN providers AS p ON p.urn = r.urn
LEFT JOIN judgements AS overall ON overall.report_id = q.report_id AND overall.area = 'overall_effectiveness'
WHERE r.status = 'ok';
