"""Every passage of every readable corpus report is printed from the page it names, and reports have prose."""

from __future__ import annotations

import re
import statistics

from extract.text.quotes import text_is_verbatim
from extract.text.verdict import PRINTED_SECTION


def test_every_passage_is_verbatim_from_its_page(corpus_reports, document_of):
    misquoted = [
        f"{path} page {passage.page}: {passage.text[:80]!r}"
        for path, report in corpus_reports.items()
        if report.ok
        for passage in report.passages
        if not text_is_verbatim(document_of(report.path), passage.page, passage.text)
    ]
    assert misquoted == []


def test_passages_are_numbered_in_reading_order(corpus_reports):
    for path, report in corpus_reports.items():
        assert [p.seq for p in report.passages] == list(range(1, len(report.passages) + 1)), path


def test_every_readable_report_has_passages(corpus_reports):
    counts = [len(report.passages) for report in corpus_reports.values() if report.ok]
    assert min(counts) > 0
    assert statistics.median(counts) > 100


def made_of_passages(text: str, passages: list) -> bool:
    """The text is a passage, or consecutive passages joined (a list's stem with its items, their printed numbers
    kept: "... because 1. Too many children ...")."""
    for start, passage in enumerate(passages):
        if not text.startswith(passage.text):
            continue
        rest, index = text[len(passage.text) :], start + 1
        while rest and index < len(passages):
            piece = re.sub(r"^ (?:\d{1,3}\. )?", "", rest)
            if not piece.startswith(passages[index].text):
                break
            rest, index = piece[len(passages[index].text) :], index + 1
        if not rest:
            return True
    return False


def test_key_quotations_are_passages_ranked_in_order(corpus_reports):
    for path, report in corpus_reports.items():
        assert [q.rank for q in report.quotations] == list(range(1, len(report.quotations) + 1)), path
        assert all(q.reason for q in report.quotations), path
        if report.kind in ("la-inspection", "focused-visit", "jtai", "area-send"):
            # The verdict may be the judgement as the cover or the judgement table prints it, outside the prose.
            quoted = [q for q in report.quotations if q.section != PRINTED_SECTION]
            assert all(made_of_passages(q.text, report.passages) for q in quoted), path
