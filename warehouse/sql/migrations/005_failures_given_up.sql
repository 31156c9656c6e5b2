-- A failure the pipeline stops retrying: a report file the Ofsted site answers with its "Report not found" page
-- on several runs is gone for good; it is kept as a row (so an operator sees it) but no longer asked for.
ALTER TABLE failures ADD COLUMN gave_up_at TIMESTAMP;
COMMENT ON COLUMN failures.gave_up_at IS 'When the pipeline stopped retrying this target (UTC): the site said it no longer exists (its "Report not found" page) on several runs, so it is a permanent failure; NULL while it is retried.';
