-- One authority's history (v_judgement_history WHERE urn = ?) reads only the row groups whose urn range holds
-- the authority: in a table in authority order one or two, in a table loads appended to all of them (at
-- 1,000,000 reports 18 of 18). warehouse/load.py counts the rows loads append here and rewrites the table in
-- authority order when they pass a fraction of it (warehouse/sql/rewrite_la_judgements.sql). An existing table
-- counts as appended whole, so the first load after this migration rewrites it if it is large enough to gain.
CREATE TABLE la_judgements_order (appended_rows BIGINT NOT NULL);
COMMENT ON TABLE la_judgements_order IS 'One row: how many rows loads appended to la_judgements since it was last rewritten in authority order (warehouse/load.py rewrites it when they pass a fraction of the table).';
COMMENT ON COLUMN la_judgements_order.appended_rows IS 'Rows appended to la_judgements since its last rewrite in order (urn, inspection_end, report_id, area).';
INSERT INTO la_judgements_order SELECT count(*) FROM la_judgements;
COMMENT ON TABLE la_judgements IS 'Every judgement of a full local-authority inspection (kind la-inspection, status ok, known provider), one report per inspection: of the reports of one authority with the same inspection end (a republished report), the latest published, then the latest loaded, then the smallest report_id. Kept by every load for the inspections it touches, and in authority order but for the rows appended since its last rewrite (la_judgements_order); the base of v_la_judgements and the trend views, which add the provider''s canonical name and region.';
