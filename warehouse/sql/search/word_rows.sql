-- How many rows of the word index the lookup of one word of the phrase reads, up to $enough (a constant prefix,
-- so DuckDB skips the row groups of other words): the rarest word is looked up first and narrows the rest.
SELECT count(*) FROM (SELECT 1 FROM passage_words WHERE starts_with(word, $word) LIMIT $enough);
