-- The reports `ofsted reparse` reads again, oldest first. $selection:
--   'due'            what a newer parser or table could change: rows read by another parser version, files no
--                    parser read (unrecognised, error, invalid), and read reports that landed on no provider;
--   'all'            every report;
--   any other value  the reports with that status.
-- $since (a date or NULL): only reports published on or after it (a file loaded from disk has no publication
-- date: its inspection end date counts instead).
SELECT report_id, sha256, path, source_url, file_id, published, site_label, site_inspection_date, urn
FROM reports
WHERE CASE
        WHEN $selection = 'all' THEN true
        WHEN $selection = 'due' THEN parser_version <> $parser_version
            OR status IN ('unrecognised', 'error', 'invalid')
            OR (status = 'ok' AND urn IS NULL)
        ELSE status = $selection
      END
  AND ($since IS NULL OR coalesce(published, inspection_end) >= $since)
ORDER BY coalesce(published, inspection_end) NULLS FIRST, report_id;
