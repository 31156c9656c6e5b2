-- A stand-in for the warehouse, built to the contract agreed with the warehouse package (tables and views,
-- names and columns). It exists only so the report can be tested before, and independently of, the real
-- loader; the corpus test builds the real warehouse when it is available.

CREATE TABLE providers (
    urn VARCHAR PRIMARY KEY, name VARCHAR, provider_type VARCHAR, la_code VARCHAR, ons_code VARCHAR, region VARCHAR
);
CREATE TABLE reports (
    report_id VARCHAR PRIMARY KEY, urn VARCHAR, kind VARCHAR, framework VARCHAR, provider_name VARCHAR,
    inspection_start DATE, inspection_end DATE, published DATE, lead_inspector VARCHAR, outcome VARCHAR,
    next_inspection VARCHAR, source_url VARCHAR, file_id VARCHAR, sha256 VARCHAR, pages INTEGER,
    parser_version VARCHAR, status VARCHAR, error VARCHAR, path VARCHAR, loaded_at TIMESTAMP
);
CREATE TABLE judgements (
    report_id VARCHAR, area VARCHAR, grade VARCHAR, score INTEGER, label VARCHAR, page INTEGER,
    PRIMARY KEY (report_id, area)
);
CREATE TABLE quotations (
    report_id VARCHAR, seq INTEGER, section VARCHAR, page INTEGER, text VARCHAR, PRIMARY KEY (report_id, seq)
);

CREATE VIEW ok_reports AS
SELECT r.*, coalesce(p.name, r.provider_name) AS display_name, p.region
FROM reports AS r LEFT JOIN providers AS p USING (urn)
WHERE r.status = 'ok';

CREATE VIEW v_judgement_history AS
SELECT
    r.urn, r.display_name AS provider_name, r.region, r.report_id, r.framework, r.inspection_start,
    r.inspection_end, r.published, j.area, j.grade, j.score,
    lag(j.grade) OVER history AS previous_grade,
    lag(j.score) OVER history AS previous_score,
    CASE
        WHEN lag(j.score) OVER history IS NULL OR j.score IS NULL THEN NULL
        WHEN j.score < lag(j.score) OVER history THEN 'improved'
        WHEN j.score > lag(j.score) OVER history THEN 'declined'
        ELSE 'unchanged'
    END AS direction
FROM judgements AS j JOIN ok_reports AS r USING (report_id)
WHERE r.kind = 'la-inspection'
WINDOW history AS (PARTITION BY r.urn, j.area ORDER BY r.inspection_end, r.report_id);
COMMENT ON VIEW v_judgement_history IS 'fake: every la-inspection judgement with the previous grade';

CREATE VIEW v_latest_judgements AS
SELECT urn, provider_name, region, area, grade, score, report_id, framework, inspection_end, published
FROM v_judgement_history
QUALIFY row_number() OVER (PARTITION BY urn, area ORDER BY inspection_end DESC, report_id DESC) = 1;
COMMENT ON VIEW v_latest_judgements IS 'fake: latest judgement per provider and area';

CREATE VIEW v_overall_streaks AS
WITH overall AS (
    SELECT urn, provider_name, grade, inspection_end,
        row_number() OVER (PARTITION BY urn ORDER BY inspection_end)
          - row_number() OVER (PARTITION BY urn, grade ORDER BY inspection_end) AS island,
        max(inspection_end) OVER (PARTITION BY urn) AS latest
    FROM v_judgement_history
    WHERE area = 'overall_effectiveness'
)
SELECT urn, any_value(provider_name) AS provider_name, grade, count(*) AS streak_length,
    min(inspection_end) AS first_inspection_end, max(inspection_end) AS last_inspection_end,
    max(inspection_end) = any_value(latest) AS is_current
FROM overall
GROUP BY urn, grade, island;
COMMENT ON VIEW v_overall_streaks IS 'fake: runs of equal overall grades';

CREATE VIEW v_grade_distribution AS
SELECT year(inspection_end) AS year, region, grade, min(score) AS score, count(*) AS providers
FROM v_judgement_history
WHERE area = 'overall_effectiveness'
GROUP BY ALL;
COMMENT ON VIEW v_grade_distribution IS 'fake: overall grades by year and region';

CREATE VIEW v_provider_timeline AS
SELECT
    r.urn, r.display_name AS provider_name, r.region, r.report_id, r.kind, r.framework, r.inspection_start,
    r.inspection_end, r.published,
    (SELECT grade FROM judgements AS j WHERE j.report_id = r.report_id AND j.area = 'overall_effectiveness')
        AS overall_grade,
    r.outcome,
    (SELECT text FROM quotations AS q WHERE q.report_id = r.report_id ORDER BY seq LIMIT 1) AS headline
FROM ok_reports AS r;
COMMENT ON VIEW v_provider_timeline IS 'fake: every report of a provider';

CREATE VIEW v_quotations AS
SELECT q.report_id, r.urn, r.display_name AS provider_name, r.kind, r.inspection_end,
    (SELECT grade FROM judgements AS j WHERE j.report_id = r.report_id AND j.area = 'overall_effectiveness')
        AS overall_grade,
    q.seq, q.section, q.page, q.text
FROM quotations AS q JOIN ok_reports AS r USING (report_id);
COMMENT ON VIEW v_quotations IS 'fake: quotations with their report context';
