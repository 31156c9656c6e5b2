-- The highest report number of the warehouse: the search index holds every report up to it once caught up.
SELECT coalesce(max(report_no), 0) FROM reports;
