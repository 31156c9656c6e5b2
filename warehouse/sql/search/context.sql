-- What ofsted search shows of each report it found ($report_nos): report_context.sql's columns.
SELECT *
FROM ({report_context}) AS context
WHERE report_no IN (SELECT unnest($report_nos));
