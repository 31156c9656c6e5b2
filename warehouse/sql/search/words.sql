-- The phrase of `ofsted search` as the word index stores words (passage_words_of, migration 010), in order.
SELECT passage_words_of(regexp_replace(trim($words), '\s+', ' ', 'g'));
