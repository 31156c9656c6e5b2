-- One authority's history (v_judgement_history WHERE urn = ?) reads only the row groups whose urn range holds
-- the authority: in a table in authority order that is one or two, in a table loads appended to, all of them
-- (at 1,000,000 reports 18 of 18, and 47 against 17 ms of CPU for the query). warehouse/load.py counts the rows
-- loads append here and rewrites the table in authority order when they pass a fraction of it
-- (warehouse/sql/compact_la_judgements.sql); this puts an existing table in that order once.
CREATE TABLE la_judgements_order (appended_rows BIGINT NOT NULL);
COMMENT ON TABLE la_judgements_order IS 'One row: how many rows loads appended to la_judgements since it was last rewritten in authority order (warehouse/load.py rewrites it when they pass a fraction of the table).';
COMMENT ON COLUMN la_judgements_order.appended_rows IS 'Rows appended to la_judgements since its last rewrite in order (urn, inspection_end, report_id, area).';
CREATE TEMP TABLE la_judgements_in_order AS
SELECT * FROM la_judgements ORDER BY urn, inspection_end, report_id, area;
DELETE FROM la_judgements;
INSERT INTO la_judgements BY NAME SELECT * FROM la_judgements_in_order;
DROP TABLE la_judgements_in_order;
INSERT INTO la_judgements_order VALUES (0);
COMMENT ON TABLE la_judgements IS 'Every judgement of a full local-authority inspection (kind la-inspection, status ok, known provider), one report per inspection: of the reports of one authority with the same inspection end (a republished report), the latest published, then the latest loaded, then the smallest report_id. Kept by every load for the inspections it touches, and in authority order but for the rows appended since its last rewrite (la_judgements_order); the base of v_la_judgements and the trend views, which add the provider''s canonical name and region.';
