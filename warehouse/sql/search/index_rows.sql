-- The sentences the search index adds for the reports numbered after $after up to $upto, with what its filters
-- need: the sentences of reports with status ok (those v_passages shows), in report order.
SELECT
    s.text,
    s.report_no,
    s.seq,
    r.inspection_end,
    r.report_id,
    r.kind,
    overall.grade,
    r.urn
FROM passages AS s
JOIN reports AS r USING (report_no)
LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
WHERE s.report_no > $after AND s.report_no <= $upto AND r.status = 'ok'
ORDER BY s.report_no, s.seq;
