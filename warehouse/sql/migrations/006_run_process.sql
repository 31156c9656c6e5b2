-- Which process ran each run, so a run whose process died (kill -9, a crash, a power cut) is marked `died` by
-- the next write instead of staying `running` forever. Runs load batch by batch and release the writer lock in
-- between, so holding the lock alone cannot tell a live run from a dead one: its process can.
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host VARCHAR;
COMMENT ON COLUMN runs.pid IS 'Process id of the program that ran the run; with host, how the next write tells a run that died from one still going.';
COMMENT ON COLUMN runs.host IS 'Machine (host name) the run ran on.';
COMMENT ON COLUMN runs.status IS 'running, succeeded (no failures), partial (some failures), failed (the run stopped with an error) or died (its process ended without finishing: killed, crashed, power cut; set by the next write).';
