-- The top-ranked quotations of the given reports (each authority's latest full inspection, rank 1 first); a
-- report read by a parser that did not rank its quotations gives its first ones, headline and summary first.
-- The caller picks the reports out of the timeline it already read, so only their quotations are read here.
SELECT
    urn,
    report_id,
    seq,
    section,
    page,
    text,
    rank,
    reason
FROM v_quotations
WHERE report_id IN (SELECT unnest($report_ids::VARCHAR[]))
QUALIFY row_number() OVER (PARTITION BY report_id ORDER BY rank NULLS LAST, seq) <= $per_authority
ORDER BY urn, rank NULLS LAST, seq;
