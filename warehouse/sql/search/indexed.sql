-- ofsted search by the word index: the passages where the phrase's words ($words, as passage_words_of splits
-- them) stand at consecutive positions, all but the last equal to the phrase's and the last starting with it,
-- which is exactly what the word-start pattern of search_passages finds. The rarest word ($anchor, at
-- $anchor_position in the phrase) is looked up first, in the reports the filters keep; the other words count
-- only in the sentences that hold it. Filters and order as passages.sql; `matches` counts every match. The
-- page's text comes from sentences.sql.
WITH
context AS (
    SELECT
        coalesce(p.name, r.provider_name) AS provider_name,
        r.urn,
        r.kind,
        r.framework,
        r.inspection_end,
        overall.grade AS overall_grade,
        r.source_url,
        r.path,
        r.report_id,
        r.report_no
    FROM reports AS r
    LEFT JOIN providers AS p ON p.urn = r.urn
    LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
    WHERE r.status = 'ok'
      AND ($grade IS NULL OR overall.grade = $grade)
      AND ($kind IS NULL OR r.kind = $kind)
      AND ($since IS NULL OR r.inspection_end >= $since)
      AND ($provider IS NULL OR r.urn = $provider OR coalesce(p.name, r.provider_name) ILIKE '%' || $provider || '%')
),
phrase AS (SELECT unnest($words) AS word, generate_subscripts($words, 1) - 1 AS position),
-- Where the phrase would start, as one number per word position: report, sentence and word (a sentence has
-- fewer than 65,536 words), so matching positions are one join on one column.
anchor AS (
    SELECT DISTINCT
        w.report_no, w.seq, (CAST(w.report_no AS BIGINT) << 32) + (CAST(w.seq AS BIGINT) << 16) + w.pos - $anchor_position AS start
    FROM passage_words AS w
    SEMI JOIN context USING (report_no)
    WHERE starts_with(w.word, $anchor) AND (w.word = $anchor OR $anchor_position = len($words) - 1)
),
others AS (
    SELECT (CAST(w.report_no AS BIGINT) << 32) + (CAST(w.seq AS BIGINT) << 16) + w.pos - p.position AS start, p.position
    FROM passage_words AS w
    JOIN phrase AS p ON w.word = p.word
    WHERE p.position <> $anchor_position AND p.position < len($words) - 1
    UNION ALL
    SELECT (CAST(report_no AS BIGINT) << 32) + (CAST(seq AS BIGINT) << 16) + pos - (len($words) - 1) AS start, len($words) - 1
    FROM passage_words
    WHERE starts_with(word, $words[-1]) AND $anchor_position < len($words) - 1
),
matched AS (
    SELECT DISTINCT report_no, seq
    FROM anchor
    WHERE len($words) = 1
    UNION
    SELECT a.report_no, a.seq
    FROM anchor AS a
    JOIN others AS o USING (start)
    GROUP BY a.report_no, a.seq, a.start
    HAVING count(DISTINCT o.position) = len($words) - 1
)
SELECT c.*, m.seq, count(*) OVER () AS matches
FROM matched AS m
JOIN context AS c USING (report_no)
ORDER BY c.inspection_end DESC NULLS LAST, c.provider_name, c.report_id, m.seq
LIMIT $limit;
