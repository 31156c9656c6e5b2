-- Every report file the warehouse holds but could not read, and why (v_unread_reports): a family no parser reads
-- yet (early years, further education, children's homes, ...), not a PDF, a scan without text, a parser error, or
-- a result that broke a warehouse rule. Grouped by why, then by provider; at most $limit files (the page says how
-- many there are in all, and how to list the rest).
SELECT
    report_id,
    status,
    error,
    provider_type,
    urn,
    provider_name,
    site_label,
    first_line,
    published,
    source_url,
    path
FROM v_unread_reports
ORDER BY status, provider_type, provider_name NULLS LAST, urn NULLS LAST, coalesce(source_url, path), report_id
LIMIT $limit;
