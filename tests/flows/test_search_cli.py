"""`ofsted search`: the sentences that say the words, narrowed by the options, in three shapes, with exit codes."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date

import duckdb
import pytest

from flows.cli import main
from flows.commands.search import FIELDS
from tests.factories import make_report, sample_reports
from transform.frames import reports_to_frames
from warehouse.load import load_batch

NEGLECT_INADEQUATE = "Neglect is not recognised soon enough."
NEGLECT_GOOD = "NEGLECT is now identified early."
NEGLECTFUL_VISIT = "Social workers recognise neglectful home conditions."


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("search") / "sample.duckdb"
    load_batch(db, reports_to_frames([(report, None) for report in sample_reports()]))
    return db


def search(db, *args):
    return main(["search", *args, "--db", str(db)])


def texts(out: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("  ") and ": " in line]


def test_a_word_is_found_in_any_case_newest_first(sample_db, capsys):
    assert search(sample_db, "neglect") == 0
    assert texts(capsys.readouterr().out) == [NEGLECT_GOOD, NEGLECT_INADEQUATE]


def test_a_word_with_a_star_is_a_prefix(sample_db, capsys):
    assert search(sample_db, "neglect*") == 0
    assert texts(capsys.readouterr().out) == [NEGLECT_GOOD, NEGLECTFUL_VISIT, NEGLECT_INADEQUATE]


def test_a_word_inside_another_word_does_not_match(sample_db, capsys):
    assert search(sample_db, "glect") == 1
    assert search(sample_db, "glect*") == 1


def test_words_are_one_phrase(sample_db, capsys):
    assert search(sample_db, "drift   and delay") == 0
    assert texts(capsys.readouterr().out) == ["There is drift and delay for too many children."]
    assert search(sample_db, "delay and drift") == 1
    assert search(sample_db, "drift", "and", "delay") == 0  # unquoted words are one phrase too


def test_boolean_queries_combine_phrases(sample_db, capsys):
    assert search(sample_db, 'neglect* AND NOT "home conditions"') == 0
    assert texts(capsys.readouterr().out) == [NEGLECT_GOOD, NEGLECT_INADEQUATE]
    assert search(sample_db, '"drift and delay" OR neglectful') == 0
    assert texts(capsys.readouterr().out) == [NEGLECTFUL_VISIT, "There is drift and delay for too many children."]


def test_an_apostrophe_typed_either_way_finds_the_same(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    load_batch(db, reports_to_frames([(make_report("Leeds", passages=[
        "Children’s homes are good.", "Children's homes are safe.", "The children's-homes team."]), None)]))
    assert search(db, "children's homes", "--csv") == 0
    typed_straight = capsys.readouterr().out
    assert search(db, "children’s homes", "--csv") == 0
    assert capsys.readouterr().out == typed_straight
    assert len(list(csv.DictReader(io.StringIO(typed_straight)))) == 3


def test_each_sentence_says_who_when_where_and_the_file(sample_db, capsys):
    search(sample_db, "neglect", "--grade", "inadequate")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Croydon [LA 306, E09000008], 2017-07-21 (la-inspection, overall inadequate)"
    assert out[1] == "  local file /reports/London Borough of Croydon|la-inspection|2017-07-21.pdf"
    assert out[2] == f"  Help and protection, paragraph 14, page 5: {NEGLECT_INADEQUATE}"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--grade", "inadequate"], [NEGLECT_INADEQUATE]),
        (["--grade", "Requires-Improvement"], []),
        (["--kind", "focused-visit"], [NEGLECTFUL_VISIT]),
        (["--since", "2018"], [NEGLECT_GOOD, NEGLECTFUL_VISIT]),
        (["--since", "2018-02-10"], [NEGLECT_GOOD]),
        (["--provider", "croydon"], [NEGLECT_GOOD, NEGLECT_INADEQUATE]),
        (["--provider", "80481"], [NEGLECTFUL_VISIT]),
        (["--region", "yorkshire and the humber"], [NEGLECTFUL_VISIT]),
        (["--la-code", "306"], [NEGLECT_GOOD, NEGLECT_INADEQUATE]),
        (["--region", "London", "--la-code", "383"], []),
        (["--kind", "la-inspection", "--since", "2019", "--grade", "good"], [NEGLECT_GOOD]),
    ],
    ids=["grade", "grade-spelled-loosely", "kind", "since-year", "since-date", "provider-name", "provider-urn",
         "region", "la-code", "region-and-code-disagree", "all-together"],
)
def test_filters_narrow_the_sentences(sample_db, capsys, options, expected):
    assert search(sample_db, "neglect*", *options) == (0 if expected else 1)
    assert texts(capsys.readouterr().out) == expected


def test_grade_never_matches_a_report_without_an_overall_grade(sample_db, capsys):
    """The focused visit has no overall grade: no --grade finds it, whatever the grade."""
    for grade in ("outstanding", "good", "requires_improvement", "inadequate", "not_judged"):
        search(sample_db, "neglect*", "--grade", grade)
        assert NEGLECTFUL_VISIT not in capsys.readouterr().out


def test_json_is_one_object_per_sentence_with_every_field(sample_db, capsys):
    assert search(sample_db, "neglect", "--json", "--grade", "inadequate") == 0
    [line] = capsys.readouterr().out.splitlines()
    found = json.loads(line)
    assert tuple(found) == FIELDS
    path = "/reports/London Borough of Croydon|la-inspection|2017-07-21.pdf"
    assert found | {"report_id": None} == {
        "provider_name": "Croydon", "urn": "80492", "la_code": "306", "ons_code": "E09000008", "region": "London",
        "kind": "la-inspection", "framework": "sif", "inspection_end": "2017-07-21", "overall_grade": "inadequate",
        "section": "Help and protection", "paragraph": 14, "page": 5, "text": NEGLECT_INADEQUATE,
        "snippet": "**Neglect** is not recognised soon enough.", "address": path, "source_url": None, "path": path,
        "report_id": None, "seq": 2,
    }


def test_csv_has_a_header_and_a_row_per_sentence(sample_db, capsys):
    assert search(sample_db, "neglect*", "--csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["text"] for row in rows] == [NEGLECT_GOOD, NEGLECTFUL_VISIT, NEGLECT_INADEQUATE]
    assert tuple(rows[0]) == FIELDS
    assert rows[0]["paragraph"] == "" and rows[2]["paragraph"] == "14"
    assert [row["la_code"] for row in rows] == ["306", "383", "306"]


@pytest.fixture(scope="module")
def many_db(tmp_path_factory):
    """More matching sentences than a page: 120 of them in 40 reports."""
    db = tmp_path_factory.mktemp("many") / "many.duckdb"
    reports = [make_report("Leeds", date(2010 + n % 15, 1 + n % 12, 1 + n % 28), seed=f"many{n}",
                           passages=[f"Drift and delay in case {n}-{k}." for k in range(3)]) for n in range(40)]
    load_batch(db, reports_to_frames([(report, None) for report in reports]))
    return db


@pytest.mark.parametrize("output", ["--csv", "--json"])
def test_files_get_every_row_and_the_terminal_a_page(many_db, capsys, output):
    assert search(many_db, "drift and delay", output) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 120 + (output == "--csv")
    assert captured.err.strip() == "120 sentences match 'drift and delay'"
    assert search(many_db, "drift and delay") == 0
    captured = capsys.readouterr()
    assert len(texts(captured.out)) == 50
    assert captured.err.strip() == ("120 sentences match 'drift and delay'; the newest 50 shown (--limit for more, "
                                    "--csv or --json for all)")


def test_a_limit_is_for_the_terminal_only(many_db, capsys):
    assert search(many_db, "drift", "--csv", "--limit", "5") == 2
    assert "--limit is for text on a terminal" in capsys.readouterr().err


def test_by_relevance_the_closing_line_says_so(many_db, capsys):
    assert search(many_db, "drift", "--sort", "relevance", "--limit", "3") == 0
    captured = capsys.readouterr()
    assert len(texts(captured.out)) == 3
    assert "; the most relevant 3 shown" in captured.err


def test_a_terminal_sees_the_match_in_bold(sample_db, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert search(sample_db, "neglect", "--grade", "inadequate") == 0
    out = capsys.readouterr().out
    assert "page 5: \033[1mNeglect\033[0m is not recognised soon enough." in out


def test_json_and_csv_together_are_refused(sample_db, capsys):
    with pytest.raises(SystemExit) as exit_:
        search(sample_db, "neglect", "--json", "--csv")
    assert exit_.value.code == 2


def test_the_limit_keeps_the_newest_and_the_total_is_still_told(sample_db, capsys):
    assert search(sample_db, "neglect*", "--limit", "1") == 0
    captured = capsys.readouterr()
    assert texts(captured.out) == [NEGLECT_GOOD]
    assert captured.err.strip() == ("3 sentences match 'neglect*'; the newest 1 shown (--limit for more, --csv or "
                                    "--json for all)")


def test_nothing_found_exits_1_saying_so(sample_db, capsys):
    assert search(sample_db, "safeguarding partnership", "--grade", "outstanding") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "nothing matches 'safeguarding partnership' with --grade outstanding"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["neglect", "--grade", "brilliant"], "--grade 'brilliant' is not a grade; use one of outstanding, good,"),
        (["neglect", "--since", "last year"], "--since 'last year' is neither a year (2020) nor a date (2020-09-01)"),
        (["neglect", "--limit", "0"], "--limit must be at least 1 (got 0)"),
        (["neglect", "--kind", "ofsted"], "no reports of kind 'ofsted' in the warehouse; it holds area-send,"),
        (["  "], "QUERY is empty: give the words to search for, e.g. ofsted search neglect"),
        (['"drift and delay'], "the quote before 'drift and delay' is not closed: end the phrase with \""),
        (["NOT neglect"], "NOT needs words to find beside it: e.g. neglect AND NOT \"domestic abuse\""),
    ],
    ids=["grade", "since", "limit", "kind", "no-words", "open-quote", "only-not"],
)
def test_bad_options_are_one_line_and_exit_2(sample_db, capsys, options, message):
    assert search(sample_db, *options) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ofsted search: {message}") and err.count("\n") == 1


def test_a_missing_warehouse_says_how_to_make_one(tmp_path, capsys):
    assert search(tmp_path / "none.duckdb", "neglect") == 2
    assert capsys.readouterr().err.strip() == (
        f"ofsted search: no warehouse at {tmp_path / 'none.duckdb'}: check the path, or create a warehouse there "
        f"with `ofsted ingest PATH... --db {tmp_path / 'none.duckdb'}`"
    )


def test_a_warehouse_without_sentences_says_so_when_nothing_matches(tmp_path, capsys):
    db = tmp_path / "no-sentences.duckdb"
    load_batch(db, reports_to_frames([(make_report(passages=[]), None)]))
    assert search(db, "neglect") == 1
    assert capsys.readouterr().err.strip() == (
        "nothing matches 'neglect': the warehouse holds no sentences yet (its reports were read by a parser that "
        "does not store them; load them again with one that does)"
    )


def test_a_warehouse_written_before_passages_says_to_load_again(tmp_path, capsys):
    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()
    assert search(old, "neglect") == 2
    err = capsys.readouterr().err
    assert err.startswith("ofsted search: this warehouse has no passages to search")
    assert err.rstrip().endswith("load the reports again (`ofsted ingest PATH...`) with this version")


def test_reindex_rebuilds_the_index_and_search_finds_the_same(sample_db, capsys):
    assert search(sample_db, "neglect*", "--csv") == 0
    before = capsys.readouterr().out
    assert main(["reindex", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("search index rebuilt from 13 reports (")
    assert out.rstrip().endswith(f"{sample_db}.search")
    assert search(sample_db, "neglect*", "--csv") == 0
    assert capsys.readouterr().out == before


def test_help_explains_words_filters_output_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for phrase in ("words side by side are one phrase", "neglect* a word that starts so", "AND", "--region",
                   "--la-code", "ILACS 2026 grades no overall effectiveness", "--json", "--csv", "--sort",
                   "Exit codes: 0 all done; 1 nothing matched (as grep); 2 could not run", "local file",
                   "search_passages", "OFSTED_DB", "ofsted reindex", "write every matching sentence"):
        assert phrase in out, phrase
