"""Every quotation of every readable corpus report, whatever its family, is printed on the page it names."""

from __future__ import annotations

from extract.text.quotes import quotation_is_verbatim


def test_every_quotation_is_verbatim_on_its_page(corpus_reports, document_of):
    misquoted = [
        f"{path} page {quotation.page}: {quotation.text[:80]!r}"
        for path, report in corpus_reports.items()
        if report.ok
        for quotation in report.quotations
        if not quotation_is_verbatim(document_of(report.path), quotation)
    ]
    assert misquoted == []


def test_readable_reports_are_quoted(corpus_reports):
    assert sum(len(report.quotations) for report in corpus_reports.values() if report.ok) > 0
