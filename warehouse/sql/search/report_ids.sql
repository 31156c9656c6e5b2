-- The reports numbered after $after up to $upto: the search index deletes whatever it holds of each before it
-- adds their sentences (a report loaded again had other sentences under its old number).
SELECT report_id FROM reports WHERE report_no > $after AND report_no <= $upto;
