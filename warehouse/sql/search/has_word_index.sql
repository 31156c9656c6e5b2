-- Whether the warehouse has the word index (migration 010); one opened by an older version of ofsted has not.
SELECT EXISTS (SELECT 1 FROM duckdb_tables() WHERE table_name = 'passage_words' AND database_name = current_database());
