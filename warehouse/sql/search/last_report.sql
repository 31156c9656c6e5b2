-- The last report numbered up to $upto, and its number: the search index's watermark names it, so that an index
-- built from another warehouse (or an older copy of this one) is told apart.
SELECT report_id, report_no FROM reports WHERE report_no <= $upto ORDER BY report_no DESC LIMIT 1;
