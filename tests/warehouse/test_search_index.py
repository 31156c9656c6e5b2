"""The word index (passage_words, migration 010) finds exactly what the scan finds, and loads keep it."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import duckdb
import pytest

from tests.factories import make_report
from tests.warehouse.old_schemas import (
    NUMBERED_TABLES,
    undo_reference_tables,
    undo_report_numbers,
    without_report_no,
)
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from warehouse.search import SearchFilters, indexed_words, scan_passages, search_passages
from warehouse.snapshot import WRITTEN, changes_path, copy_paths, log_file, reading

SENTENCES = [
    "There was drift and delay in planning for children.",
    "Some plans showed drift, and delay followed.",  # the comma: not the phrase
    "DRIFT AND DELAYS were seen in court work.",  # any case; the last word as a start
    "Children's services in Leeds are good.",
    "Unneglected gardens are not a finding.",  # 'neglect' starts no word here
    "Neglectful parenting was identified quickly.",
    "The multi-agency safeguarding hub (MASH) responds well.",
    "Care leavers’ accommodation is suitable.",
    "16- and 17-year-olds who are homeless get help.",
    "Café workers were trained.",
    "Delay delay delay and delay again.",
]
PHRASES = [
    "drift and delay", "drift and", "DRIFT", "delay", "neglect", "children's services", "children's", "(MASH)",
    "MASH)", "care leavers", "leavers’", "16- and 17-year-olds", "17-year", "café", "caf", "delay delay",
    "delay and delay", "  drift   and  delay ", "zzyzx", "d", "’s", "services in leeds are good.",
]


def scanned(con, words: str, filters: SearchFilters):
    """What the scan (search_passages' pattern over every passage) returns."""
    found = scan_passages(con, words, filters)
    return [dataclasses.astuple(passage) for passage in found.passages], found.matches


def searched(con, words: str, filters: SearchFilters):
    found = search_passages(con, words, filters)
    return [dataclasses.astuple(passage) for passage in found.passages], found.matches


@pytest.fixture
def sentences_db(tmp_path):
    db = tmp_path / "w.duckdb"
    reports = [make_report("Leeds", date(2020 + n % 4, 3, 1 + n), passages=SENTENCES[n::2], seed=f"r{n}",
                           grades={"overall_effectiveness": ("good", "inadequate")[n % 2]})
               for n in range(4)]
    load_batch(db, reports_to_frames([(report, None) for report in reports[:2]]))
    load_batch(db, reports_to_frames([(report, None) for report in reports[2:]]))
    return db


@pytest.mark.parametrize("words", PHRASES)
def test_the_index_finds_what_the_scan_finds(sentences_db, words):
    with reading(sentences_db) as con:
        for filters in (SearchFilters(), SearchFilters(grade="inadequate", limit=2)):
            assert searched(con, words, filters) == scanned(con, words, filters)


def test_a_phrase_is_its_words_with_what_separates_them(sentences_db):
    with reading(sentences_db) as con:
        texts = [passage.text for passage in search_passages(con, "drift and delay").passages]
        assert sorted(set(texts)) == ["DRIFT AND DELAYS were seen in court work.",
                                 "There was drift and delay in planning for children."]
        assert [w.word for w in indexed_words(con, "Children's  services")] == ["children'", "s ", "services"]


def test_a_phrase_that_starts_inside_a_word_boundary_is_scanned(sentences_db):
    with reading(sentences_db) as con:
        assert indexed_words(con, "(MASH)") is None
        assert indexed_words(con, "MASH)") is not None


def test_the_index_holds_every_word_of_every_passage_once(sentences_db):
    with reading(sentences_db) as con:
        expected = con.execute("SELECT sum(len(passage_words_of(text))) FROM passages").fetchone()[0]
        held, distinct = con.execute(
            "SELECT count(*), count(DISTINCT (report_no, seq, pos)) FROM passage_words").fetchone()
        orphans = con.execute(
            "SELECT count(*) FROM passage_words ANTI JOIN passages USING (report_no, seq)").fetchone()[0]
    assert held == distinct == expected
    assert orphans == 0


def test_a_replaced_report_leaves_the_index_with_its_old_words(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(make_report("Leeds", passages=["Drift was seen."], seed="x"), None)]))
    newer = make_report("Leeds", passages=["Delay was seen."], seed="x", parser_version="99.0")
    load_batch(db, reports_to_frames([(newer, None)]))
    with reading(db) as con:
        assert search_passages(con, "drift").matches == 0
        assert [p.text for p in search_passages(con, "delay").passages] == ["Delay was seen."]
        numbers = con.execute("SELECT DISTINCT report_no FROM passage_words").fetchall()
        assert numbers == con.execute("SELECT report_no FROM reports").fetchall() == [(2,)]


def test_loads_number_reports_in_load_order_and_store_passages_in_it(tmp_path):
    db = tmp_path / "w.duckdb"
    for batch in range(3):
        reports = [make_report(f"Authority {batch}-{n}", passages=[f"Sentence {k} of {batch}-{n}." for k in range(3)],
                               seed=f"{batch}-{n}") for n in range(4)]
        load_batch(db, reports_to_frames([(report, None) for report in reports]))
    held = set()
    for path in copy_paths(db):  # the standby replayed the write before the last in the same order
        with duckdb.connect(str(path), read_only=True) as con:
            stored = con.execute("SELECT report_no, seq FROM passages ORDER BY rowid").fetchall()
            assert stored == sorted(stored)
            held.add(con.execute("SELECT max(report_no) FROM reports").fetchone()[0])
    assert held == {8, 12}


def test_a_warehouse_from_before_010_gets_numbers_and_the_index_from_its_live_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(make_report("Kent", passages=["Neglect was seen."], seed="k"), None)]))
    load_batch(db, reports_to_frames([(make_report("Leeds", passages=["Neglected gardens."], seed="l"), None)]))
    for path in copy_paths(db):
        with duckdb.connect(str(path)) as con:
            undo_report_numbers(con)
            con.execute("DROP TABLE la_judgements_order")  # migration 011's, which came after
            undo_reference_tables(con)  # and 014's
            con.execute("DELETE FROM schema_migrations WHERE version >= 10")
    (log,) = changes_path(db).iterdir()
    for prefix in ("written_", "dropped_"):
        log_file(log, prefix, "passage_words").unlink()
    for table in NUMBERED_TABLES:
        without_report_no(log_file(log, WRITTEN, table))
    for path in copy_paths(db):  # the live copy must not look newer than the change log
        path.touch()
    log.touch()
    load_batch(db, reports_to_frames([(make_report("York", passages=["No neglect."], seed="y"), None)]))
    load_batch(db, reports_to_frames([(make_report("Hull", passages=["Neglect again."], seed="h"), None)]))
    for path in copy_paths(db):  # both copies: one migrated one write behind, the other after replaying
        with duckdb.connect(str(path), read_only=True) as con:
            numbers = con.execute("SELECT report_no FROM reports ORDER BY report_no").fetchall()
            assert [n for (n,) in numbers][:3] == [1, 2, 3]
            found = con.execute("SELECT count(DISTINCT report_no) FROM passage_words WHERE word LIKE 'neglect%'")
            assert found.fetchone()[0] >= 3
    with reading(db) as con:
        assert search_passages(con, "neglect").matches == 4


def test_an_old_warehouse_without_the_index_is_searched_by_scanning(sample_db):
    for path in copy_paths(sample_db):
        with duckdb.connect(str(path)) as con:
            undo_report_numbers(con)
    with reading(sample_db) as con:
        assert indexed_words(con, "neglect") is None
        assert search_passages(con, "neglect").matches > 0


def test_the_index_finds_what_the_scan_finds_in_real_reports(corpus_db):
    """Phrases cut at random from the corpus's sentences (whole words, word starts, punctuation), and a few
    chosen: every row, its order and the count equal the scan's."""
    rng = random.Random(15)
    with reading(corpus_db) as con:
        texts = [text for (text,) in con.execute("SELECT text FROM passages ORDER BY report_id, seq").fetchall()]
        phrases = ["neglect", "drift and delay", "children's services", "care leavers", "the local authority"]
        for text in rng.sample(texts, 60):
            words = text.split()
            start = rng.randrange(len(words))
            phrase = " ".join(words[start:start + rng.randint(1, 4)])
            phrases += [phrase, phrase[: max(1, len(phrase) // 2)]]
        for words in phrases:
            for filters in (SearchFilters(limit=200), SearchFilters(grade="inadequate", kind="la-inspection", limit=5)):
                assert searched(con, words, filters) == scanned(con, words, filters), words
