"""Golden tests: the ungraded families (focused visits, JTAI letters, area SEND, the joint area review) over every
such report in the corpus.

Expected values live in tests/golden/letters.csv, verified by reading each report: provider as printed in the
title, dates from the opening, lead inspector (the signatory of a focused visit, the Ofsted lead of an area SEND
team, none for JTAI letters and the joint area review), area SEND outcome and next-inspection timing.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "letters.csv"
ROWS = list(csv.DictReader(GOLDEN.open(encoding="utf-8")))
FAMILY_FOLDERS = ("focused-visit/", "jtai/", "area-send/", "joint-area-review/")
# Key quotations are a choice from the report's sentences, not all of them (by characters).
MAX_QUOTED_SHARE_OF_PROSE = 0.5


def optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def letter_reports(corpus_reports):
    return {path: report for path, report in corpus_reports.items() if path.startswith(FAMILY_FOLDERS)}


def test_golden_table_covers_every_letter_family_report(letter_reports):
    assert sorted(letter_reports) == sorted(row["path"] for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_fields(letter_reports, row):
    report = letter_reports[row["path"]]
    assert report.status.value == "ok", report.error
    assert (report.kind, report.framework) == (row["kind"], row["kind"])
    assert report.provider == row["provider"]
    assert (report.inspection_start, report.inspection_end) == (optional_date(row["start"]), optional_date(row["end"]))
    assert report.lead_inspector == (row["lead_inspector"] or None)
    assert report.outcome == (row["outcome"] or None)
    assert report.next_inspection == (row["next_inspection"] or None)
    assert report.judgements == []


@pytest.mark.parametrize("row", ROWS, ids=[row["path"] for row in ROWS])
def test_a_quotable_choice_without_repeats(letter_reports, row):
    report = letter_reports[row["path"]]
    texts = [quotation.text for quotation in report.quotations]
    assert texts
    assert sum(map(len, texts)) <= MAX_QUOTED_SHARE_OF_PROSE * sum(len(p.text) for p in report.passages)
    assert len(set(texts)) == len(texts)


# A letter's own date ("18 July 2022") and its salutation: the address block they open and close is no passage.
LETTER_DATE_LINE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}\b")
SALUTATION = re.compile(r"\bDear\b")


def test_no_passage_is_from_a_letters_address_block(letter_reports):
    found = [
        f"{path}: {passage.text[:80]!r}"
        for path, report in letter_reports.items()
        if path.startswith(("focused-visit/", "jtai/"))
        for passage in report.passages
        if LETTER_DATE_LINE.match(passage.text) or SALUTATION.search(passage.text) or SALUTATION.match(passage.section)
    ]
    assert found == []
