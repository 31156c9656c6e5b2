"""`ofsted search`: the sentences that say the words, narrowed by the options, in three shapes, with exit codes."""

from __future__ import annotations

import csv
import io
import json

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


def test_a_word_is_found_in_any_case_from_the_start_of_a_word_newest_first(sample_db, capsys):
    assert search(sample_db, "neglect") == 0
    assert texts(capsys.readouterr().out) == [NEGLECT_GOOD, NEGLECTFUL_VISIT, NEGLECT_INADEQUATE]


def test_a_word_inside_another_word_does_not_match(sample_db, capsys):
    assert search(sample_db, "glect") == 1


def test_words_are_one_phrase(sample_db, capsys):
    assert search(sample_db, "drift   and delay") == 0
    assert texts(capsys.readouterr().out) == ["There is drift and delay for too many children."]
    assert search(sample_db, "delay and drift") == 1


def test_each_sentence_says_who_when_where_and_the_file(sample_db, capsys):
    search(sample_db, "neglect", "--grade", "inadequate")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Croydon, 2017-07-21 (la-inspection, overall inadequate)"
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
        (["--kind", "la-inspection", "--since", "2019", "--grade", "good"], [NEGLECT_GOOD]),
    ],
    ids=["grade", "grade-spelled-loosely", "kind", "since-year", "since-date", "provider-name", "provider-urn",
         "all-together"],
)
def test_filters_narrow_the_sentences(sample_db, capsys, options, expected):
    assert search(sample_db, "neglect", *options) == (0 if expected else 1)
    assert texts(capsys.readouterr().out) == expected


def test_grade_never_matches_a_report_without_an_overall_grade(sample_db, capsys):
    """The focused visit has no overall grade: no --grade finds it, whatever the grade."""
    for grade in ("outstanding", "good", "requires_improvement", "inadequate", "not_judged"):
        search(sample_db, "neglectful", "--grade", grade)
        assert NEGLECTFUL_VISIT not in capsys.readouterr().out


def test_json_is_one_object_per_sentence_with_every_field(sample_db, capsys):
    assert search(sample_db, "neglect", "--json", "--grade", "inadequate") == 0
    [line] = capsys.readouterr().out.splitlines()
    found = json.loads(line)
    assert tuple(found) == FIELDS
    assert found | {"report_id": None, "urn": None} == {
        "provider_name": "Croydon", "urn": None, "kind": "la-inspection", "framework": "sif",
        "inspection_end": "2017-07-21", "overall_grade": "inadequate", "section": "Help and protection",
        "paragraph": 14, "page": 5, "text": NEGLECT_INADEQUATE, "source_url": None,
        "path": "/reports/London Borough of Croydon|la-inspection|2017-07-21.pdf", "report_id": None, "seq": 2,
    }


def test_csv_has_a_header_and_a_row_per_sentence(sample_db, capsys):
    assert search(sample_db, "neglect", "--csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["text"] for row in rows] == [NEGLECT_GOOD, NEGLECTFUL_VISIT, NEGLECT_INADEQUATE]
    assert tuple(rows[0]) == FIELDS
    assert rows[0]["paragraph"] == "" and rows[2]["paragraph"] == "14"


def test_json_and_csv_together_are_refused(sample_db, capsys):
    with pytest.raises(SystemExit) as exit_:
        search(sample_db, "neglect", "--json", "--csv")
    assert exit_.value.code == 2


def test_the_limit_keeps_the_newest_and_the_total_is_still_told(sample_db, capsys):
    assert search(sample_db, "neglect", "--limit", "1") == 0
    captured = capsys.readouterr()
    assert texts(captured.out) == [NEGLECT_GOOD]
    assert captured.err.strip() == "3 sentences match 'neglect'; the newest 1 shown (--limit for more)"


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
        (["  "], "WORDS is empty: give the words to search for, e.g. ofsted search neglect"),
    ],
    ids=["grade", "since", "limit", "kind", "no-words"],
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


def test_help_explains_words_filters_output_and_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for phrase in ("from the start of a word", "ILACS 2026 grades no overall effectiveness", "--json", "--csv",
                   "Exit codes: 0 all done; 1 nothing matched (as grep); 2 could not run",
                   "local file", "search_passages", "OFSTED_DB"):
        assert phrase in out
