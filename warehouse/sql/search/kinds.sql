-- Kinds of report the warehouse holds, to check `ofsted search --kind` against.
SELECT DISTINCT kind FROM reports WHERE status = 'ok' AND kind IS NOT NULL ORDER BY kind;
