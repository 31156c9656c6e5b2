-- Bookkeeping of warehouse.schema: which migration files have been applied to this file.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE schema_migrations IS 'Schema migrations applied to this warehouse file, in order (warehouse/sql/migrations).';
COMMENT ON COLUMN schema_migrations.version IS 'Number of the migration, the leading digits of its file name.';
COMMENT ON COLUMN schema_migrations.name IS 'File name of the migration.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).';
