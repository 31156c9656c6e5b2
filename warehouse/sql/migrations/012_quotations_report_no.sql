-- v_quotations joins every key quotation to its report's context: read whole at 1,000,000 synthetic reports, on
-- 64-character report ids it took 0.70-1.38 s (1.30-1.61 s of CPU), on report numbers (migration 010) 0.37-0.58 s
-- (0.61-0.82 s of CPU), the same rows, three runs each in turns on one warehouse.
ALTER TABLE quotations ADD COLUMN report_no INTEGER;
COMMENT ON COLUMN quotations.report_no IS 'Number of the report (reports.report_no), which v_quotations joins on.';
UPDATE quotations SET report_no = r.report_no FROM reports AS r WHERE quotations.report_id = r.report_id;
