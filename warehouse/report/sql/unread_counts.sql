-- How many report files were not read, by why (v_unread_reports.status): the page's summary of them, complete
-- however many it lists one by one.
SELECT
    status,
    count(*)::INTEGER AS files
FROM v_unread_reports
GROUP BY status
ORDER BY status;
