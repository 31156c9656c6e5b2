-- The top-ranked quotations of each authority's latest full inspection (rank 1 first); a report read by a
-- parser that did not rank its quotations gives its first ones, headline and summary first.
WITH latest_inspection AS (
    SELECT urn, report_id
    FROM v_provider_timeline
    WHERE kind = 'la-inspection'
      AND urn IS NOT NULL
      AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
    QUALIFY row_number() OVER (PARTITION BY urn ORDER BY inspection_end DESC NULLS LAST, report_id DESC) = 1
)
SELECT
    latest_inspection.urn,
    quotation.report_id,
    quotation.seq,
    quotation.section,
    quotation.page,
    quotation.text,
    quotation.rank,
    quotation.reason
FROM v_quotations AS quotation
JOIN latest_inspection USING (report_id)
QUALIFY row_number() OVER (PARTITION BY report_id ORDER BY rank NULLS LAST, seq) <= $per_authority
ORDER BY latest_inspection.urn, quotation.rank NULLS LAST, quotation.seq;
