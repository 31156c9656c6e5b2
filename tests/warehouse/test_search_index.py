"""The search index (warehouse/search_index.py) finds exactly what the scan finds, and stays the warehouse's:
loads keep it, a crash between the two commits is caught up, replaced reports leave it, readers never wait."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import warehouse.search as warehouse_search
import warehouse.search_index as search_index
from tests.factories import make_report
from transform.frames import reports_to_frames
from warehouse.load import load_batch
from warehouse.search import SearchFilters, ready_engine, search_passages
from warehouse.search_index import catch_up, current_path, folder_of, open_engine
from warehouse.snapshot import reading

REPO = Path(__file__).resolve().parents[2]
SENTENCES = [
    "There was drift and delay in planning for children.",
    "Some plans showed drift, and delay followed.",  # punctuation between the words: still the phrase
    "DRIFT AND DELAYS were seen in court work.",  # any case; delays is not delay, but delay* finds it
    "Children's services in Leeds are good.",
    "Children’s homes are inspected separately.",
    "The children‘s guardian reviewed the “well-being” plan.",
    "Unneglected gardens are not a finding.",  # neglect* starts no word here
    "Neglectful parenting was identified quickly.",
    "Neglect — and domestic abuse — were seen.",
    "The multi-agency safeguarding hub (MASH) responds well.",
    "Care leavers’ accommodation is suitable.",
    "16- and 17-year-olds who are homeless get help.",
    "16–17-year-olds: help is given.",
    "Café workers were trained.",
    "Delay delay delay and delay again.",
    "Well being is good; wellbeing is also good.",
    "The snake_case name and the under score.",
]
QUERIES = [
    "drift and delay", "drift and", "DRIFT", "delay", "delay*", "neglect", "neglect*", "children's services",
    "children’s services", "children's", "children's homes", "children’s homes", "“children's homes”", "(MASH)",
    "mash", "care leavers", "leavers'", "16- and 17-year-olds", "16–17", "17-year", "café", "caf*", "delay delay",
    "delay and delay", "  drift   and  delay ", "zzyzx", "d*", "’s", "well-being", "well being", "wellbeing",
    "under score", "snake_case", '"drift and delay"',
    'neglect AND "domestic abuse"', "drift OR neglect*", "delay NOT drift", "(drift OR care) AND NOT leavers",
]
PHRASES = [query for query in QUERIES if not any(op in query.split() for op in ("AND", "OR", "NOT"))]
# Each set of filters with a page limit (None: every row).
FILTERS = [(SearchFilters(), None), (SearchFilters(grade="inadequate"), 2), (SearchFilters(provider="leeds"), None),
           (SearchFilters(region="london", since=date(2021, 1, 1)), None),
           (SearchFilters(la_code="383", kind="la-inspection"), 2)]
AUTHORITIES = ("Leeds", "Croydon", "Bromley", "Atlantis Council")  # Atlantis matches no authority: no URN


def rows(found) -> tuple[list[tuple], int]:
    return [dataclasses.astuple(passage) for passage in found.passages], found.matches


@pytest.fixture(scope="module")
def searching(sentences_db):
    """A read-only connection to the sentences' warehouse and its index, caught up."""
    with reading(sentences_db) as con:
        engine = open_engine(sentences_db)
        assert engine.held.upto == con.execute("SELECT max(report_no) FROM reports").fetchone()[0]
        yield con, engine


def macro_rows(db: Path, phrase: str) -> list[tuple]:
    """search_passages in SQL, as analysts use it, in ofsted search's order."""
    with reading(db) as con:
        return con.execute(
            "SELECT m.report_id, m.seq FROM search_passages(?) AS m JOIN reports AS r USING (report_id) "
            "ORDER BY m.inspection_end DESC NULLS LAST, r.report_no DESC, m.seq", [phrase]).fetchall()


def report(n: int, sentences: list[str], **changes):
    grades = {"overall_effectiveness": ("good", "inadequate")[n % 2]}
    return make_report(AUTHORITIES[n % len(AUTHORITIES)], date(2018 + n, 3, 1 + n), grades, passages=sentences,
                       seed=f"r{n}", **changes)


def load(db: Path, *reports) -> None:
    load_batch(db, reports_to_frames([(r, None) for r in reports]))


@pytest.fixture(scope="module")
def sentences_db(tmp_path_factory) -> Path:
    """Six reports of the tricky sentences, loaded in two writes (so the index is caught up twice)."""
    db = tmp_path_factory.mktemp("search-index") / "w.duckdb"
    reports = [report(n, SENTENCES[n::3] + SENTENCES[(n + 1) % 3::5]) for n in range(6)]
    load(db, *reports[:3])
    load(db, *reports[3:])
    return db


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_the_scan_finds(searching, query):
    con, engine = searching
    for filters, limit in FILTERS:
        assert (rows(search_passages(con, query, filters, engine=engine, limit=limit))
                == rows(search_passages(con, query, filters, engine=None, limit=limit))), (filters, limit)


@pytest.mark.parametrize("phrase", PHRASES)
def test_the_index_finds_what_search_passages_finds_in_sql(sentences_db, phrase):
    with reading(sentences_db) as con:
        found = search_passages(con, phrase, engine=open_engine(sentences_db), limit=None)
    assert [(p.report_id, p.seq) for p in found.passages] == macro_rows(sentences_db, phrase)
    assert found.matches == len(found.passages)


def test_apostrophes_quotes_dashes_and_hyphens_match_however_typed(sentences_db):
    def found(query):
        with reading(sentences_db) as con:
            return sorted({p.text for p in search_passages(con, query, engine=open_engine(sentences_db)).passages})

    assert found("children's homes") == found("children’s homes") == found("children‘s homes") == [
        "Children’s homes are inspected separately."]
    assert found("“well-being”") == found('"well being"') == found("well–being") == [
        "The children‘s guardian reviewed the “well-being” plan.", "Well being is good; wellbeing is also good."]
    assert found("16–17") == found("16-17") == ["16–17-year-olds: help is given."]
    assert "Some plans showed drift, and delay followed." in found("drift and delay")
    assert "DRIFT AND DELAYS were seen in court work." not in found("drift and delay")
    assert "DRIFT AND DELAYS were seen in court work." in found("drift and delay*")


def test_boolean_queries_are_the_sets_their_phrases_make(sentences_db):
    def keys(query):
        return {(report_id, seq) for report_id, seq in macro_rows(sentences_db, query)}

    with reading(sentences_db) as con:
        engine = open_engine(sentences_db)

        def found(query):
            return {(p.report_id, p.seq) for p in search_passages(con, query, engine=engine, limit=None).passages}

        assert found('neglect AND "domestic abuse"') == keys("neglect") & keys("domestic abuse") != set()
        assert found("drift OR neglect*") == keys("drift") | keys("neglect*")
        assert found("delay NOT drift") == keys("delay") - keys("drift") != set()


def test_newest_first_or_most_relevant_first(sentences_db):
    with reading(sentences_db) as con:
        engine = open_engine(sentences_db)
        newest = search_passages(con, "delay", engine=engine, limit=None).passages
        relevant = search_passages(con, "delay", engine=engine, limit=None, sort="relevance").passages
    assert [p.inspection_end for p in newest] == sorted((p.inspection_end for p in newest), reverse=True)
    assert sorted(newest, key=lambda p: (p.report_id, p.seq)) == sorted(relevant, key=lambda p: (p.report_id, p.seq))
    assert relevant[0].text == "Delay delay delay and delay again."  # the word four times in a short sentence


def test_the_sentences_of_many_reports_are_read_in_one_pass_the_same(searching, monkeypatch):
    con, engine = searching
    one_by_one = rows(search_passages(con, "delay* OR children*", engine=engine, limit=None))
    monkeypatch.setattr(warehouse_search, "JOIN_ABOVE_REPORTS", 0)
    assert rows(search_passages(con, "delay* OR children*", engine=engine, limit=None)) == one_by_one


def test_past_the_cap_the_count_stops_and_the_page_is_still_the_newest(sentences_db, monkeypatch):
    """Common words go back in time a slice of dates at a time: the page is the same, the count stops."""
    with reading(sentences_db) as con:
        engine = open_engine(sentences_db)
        exact = search_passages(con, "delay OR children", engine=engine, limit=None)
        monkeypatch.setattr(search_index, "DIRECT_POSTINGS", 0)
        monkeypatch.setattr(search_index, "FIRST_SLICE_DAYS", 1)
        monkeypatch.setattr(search_index, "COUNT_CAP", 3)
        capped = search_passages(con, "delay OR children", engine=engine, limit=2)
        monkeypatch.setattr(search_index, "COUNT_CAP", 1000)
        sliced = search_passages(con, "delay OR children", engine=engine, limit=2)
    assert exact.matches > 3 and not exact.more
    assert capped.passages == sliced.passages == exact.passages[:2]
    assert (capped.matches, capped.more) == (3, True)
    assert (sliced.matches, sliced.more) == (exact.matches, False)


def test_a_replaced_report_leaves_the_index_with_its_sentences(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]), report(1, ["Drift again."]))
    load(db, report(0, ["Delay was seen."], parser_version="99.0"))
    with reading(db) as con:
        engine = open_engine(db)
        assert search_passages(con, "drift", engine=engine).matches == 1
        assert [p.text for p in search_passages(con, "delay", engine=engine).passages] == ["Delay was seen."]
    assert engine.searcher.num_docs == 2 + 1  # two sentences and the watermark: the old one is gone


def test_a_load_killed_between_the_two_commits_is_caught_up_by_the_next_search(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]), report(1, ["Neglect was seen."]))
    killed = run_load(db, "os.kill(os.getpid(), signal.SIGKILL)", reports="report(0, ['Delay now.'], "
                      "parser_version='99.0'), report(2, ['Drift and delay.'])")
    assert killed.returncode == -9, killed.stderr
    with reading(db) as con:
        assert open_engine(db).held.upto == 2  # the warehouse has reports 3 and 4; the index does not
        engine = ready_engine(db, con)
        assert engine.held.upto == 4
        for query in ("drift", "delay", "neglect"):
            assert rows(search_passages(con, query, engine=engine)) == rows(search_passages(con, query))
        assert [p.text for p in search_passages(con, "drift", engine=engine).passages] == ["Drift and delay."]


def test_a_search_runs_while_a_load_writes_the_index(tmp_path):
    """A load that has published the warehouse and holds the index: the search does not wait for it, and reads
    the reports the index lacks from the warehouse."""
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]), report(1, ["Neglect was seen."]))
    paused, go = tmp_path / "paused", tmp_path / "go"
    wait = (f"pathlib.Path({str(paused)!r}).touch()\n"
            f"    while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.05)")
    writer = start_load(db, wait, reports="report(0, ['Delay now.'], parser_version='99.0'), "
                                          "report(2, ['Drift and delay.'])")
    try:
        wait_for(paused, writer)
        with reading(db) as con:
            engine = ready_engine(db, con)  # does not wait for the lock the load holds
            assert engine.held.upto == 2
            found = search_passages(con, "drift", engine=engine)
            assert rows(found) == rows(search_passages(con, "drift"))
            assert found.lagging_reports == 2
            assert [p.text for p in search_passages(con, "delay", engine=engine).passages] == [
                "Drift and delay.", "Delay now."]
    finally:
        go.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert open_engine(db).held.upto == 4


def test_a_reader_keeps_its_view_while_a_load_commits(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]))
    before = open_engine(db)
    load(db, report(1, ["Drift again."]))
    assert before.searcher.search(before.text_query(parse_words("drift")), 10).count == 1
    after = open_engine(db)
    assert after.searcher.search(after.text_query(parse_words("drift")), 10).count == 2


def test_an_index_of_another_warehouse_is_rebuilt(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]), report(1, ["Neglect was seen."]))
    first = current_path(folder_of(db))
    for path in tmp_path.iterdir():  # a new warehouse where the old one was; its index stays
        if path != folder_of(db):
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    load(db, report(2, ["Delay was seen."]), report(3, ["Care was good."]))
    assert current_path(folder_of(db)) != first and not first.exists()
    with reading(db) as con:
        engine = open_engine(db)
        assert search_passages(con, "drift", engine=engine).matches == 0
        assert search_passages(con, "delay", engine=engine).matches == 1


def test_reindex_writes_a_new_index_that_finds_the_same(sentences_db):
    with reading(sentences_db) as con:
        before = rows(search_passages(con, "delay*", engine=open_engine(sentences_db)))
        old = current_path(folder_of(sentences_db))
        built = catch_up(sentences_db, con, rebuild=True)
        assert built.rebuilt and built.reports == 6 and built.sentences == con.execute(
            "SELECT count(*) FROM passages").fetchone()[0]
        assert current_path(folder_of(sentences_db)) != old and not old.exists()
        assert rows(search_passages(con, "delay*", engine=open_engine(sentences_db))) == before


def test_without_an_index_every_sentence_is_scanned(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, report(0, ["Drift was seen."]))
    shutil.rmtree(folder_of(db))
    with reading(db) as con:
        found = search_passages(con, "drift", engine=open_engine(db))
        assert (found.matches, found.indexed) == (1, False)
        assert ready_engine(db, con).held.upto == 1  # and the next search builds it


@pytest.mark.corpus
def test_the_index_finds_what_the_scan_finds_in_real_reports(corpus_db):
    """Phrases cut at random from the corpus's sentences (whole words, prefixes, punctuation), and a few chosen:
    every row, its order and the count equal the scan's."""
    rng = random.Random(16)
    with reading(corpus_db) as con:
        engine = ready_engine(corpus_db, con)
        texts = [text for (text,) in con.execute("SELECT text FROM passages ORDER BY report_id, seq").fetchall()]
        queries = ["neglect", "drift and delay", "children's services", "care leavers", "the local authority",
                   "safeguard*", 'neglect AND "domestic abuse"']
        for text in rng.sample(texts, 20):
            words = text.split()
            start = rng.randrange(len(words))
            phrase = " ".join(words[start:start + rng.randint(1, 4)])
            queries += [phrase.replace('"', ""), phrase[: max(1, len(phrase) // 2)].replace('"', "") + "*"]
        for query in queries:
            if not search_index.analyze(query.rstrip("*")):
                continue
            for filters in (SearchFilters(), SearchFilters(grade="inadequate", kind="la-inspection")):
                limit = 200 if filters == SearchFilters() else 5
                assert (rows(search_passages(con, query, filters, engine=engine, limit=limit))
                        == rows(search_passages(con, query, filters, limit=limit))), query


def parse_words(query: str):
    from warehouse.search_query import parse

    return parse(query, search_index.analyze)


LOAD_SCRIPT = """
import os, pathlib, signal, sys, time
sys.path.insert(0, {repo!r})
from tests.warehouse.test_search_index import load, report
import warehouse.search as warehouse_search
import warehouse.search_index as search_index

mark_held = search_index.mark_held

def between_the_commits(*args):
    mark_held(*args)  # the sentences and the watermark are added, not committed: the warehouse is published
    {action}

search_index.mark_held = between_the_commits
load(pathlib.Path({db!r}), {reports})
"""


def start_load(db: Path, action: str, reports: str) -> subprocess.Popen:
    script = LOAD_SCRIPT.format(repo=str(REPO), db=str(db), action=action, reports=reports)
    return subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})


def run_load(db: Path, action: str, reports: str) -> subprocess.CompletedProcess:
    process = start_load(db, action, reports)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def wait_for(path: Path, process: subprocess.Popen) -> None:
    """Until the other process says it has got there (or has died, which fails the test with its error)."""
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"the load ended before pausing: {process.stderr.read()}")
        time.sleep(0.05)
