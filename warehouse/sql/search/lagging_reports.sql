-- The reports the search index does not hold yet (numbered after $held): searched by scanning, and whatever the
-- index holds of them under an older number is left out.
SELECT report_id FROM reports WHERE report_no > $held;
