-- The sentences of many search results at once (found_keys: position, report_no, seq), for a file of every match:
-- one pass over passages instead of a query per report.
SELECT k.position, s.report_no, s.seq, s.section, s.paragraph, s.page, s.text
FROM found_keys AS k
JOIN passages AS s ON s.report_no = k.report_no AND s.seq = k.seq
ORDER BY k.position;
