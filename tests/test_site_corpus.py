"""End to end over every corpus report, served by the fake site: the nightly flow loads every report; a second
nightly finds nothing new and downloads nothing; a report published later appears after the next nightly, and
refresh by URN picks one up at once."""

from __future__ import annotations

import time
from datetime import date

import pytest

from flows.outcome import summary_of_run
from tests.fake_site.catalogue import invented_file_id
from tests.fake_site.fixtures import site_environment
from warehouse.snapshot import reading

LEEDS_URN = "80481"
LEEDS_2025 = "50284438"  # la-inspection/80481-leeds-2025-08-12.pdf
BEDFORD_2022 = "50175284"  # la-inspection/80428-bedford-2022-01-14.pdf
NOT_A_PDF = "not-a-pdf"


def query(db, sql, *params):
    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


@pytest.mark.slow
@pytest.mark.corpus
def test_nightly_over_the_whole_corpus(corpus_site, manifest, tmp_path, monkeypatch, prefect_harness):
    from flows.nightly import nightly
    from flows.refresh import refresh

    monkeypatch.delenv("OFSTED_DB", raising=False)
    for name, value in site_environment(corpus_site, tmp_path).items():
        monkeypatch.setenv(name, value)
    db = tmp_path / "ofsted.duckdb"
    la_rows = [r for r in manifest if r["la_urn"]]
    expected = {r["file_id"] or invented_file_id(r["sha256"]) for r in la_rows if r["kind"] != NOT_A_PDF}
    (html_page,) = [r["file_id"] for r in la_rows if r["kind"] == NOT_A_PDF]
    corpus_site.hide(LEEDS_2025)
    corpus_site.hide(BEDFORD_2022)

    first = summary_of_run(nightly)
    loaded = {row[0] for row in query(db, "SELECT file_id FROM reports")}
    assert loaded == expected - {LEEDS_2025, BEDFORD_2022}
    assert first.providers_visited == len({r["la_urn"] for r in la_rows})
    open_downloads = query(db, "SELECT target FROM failures WHERE stage = 'download' AND resolved_at IS NULL")
    assert open_downloads == [(corpus_site.file_url(html_page),)]  # the HTML page saved as .pdf: refused

    corpus_site.requests.clear()
    started = time.monotonic()
    second = summary_of_run(nightly)
    seconds = time.monotonic() - started
    print(f"second nightly over the corpus: {seconds:.2f} s, {len(corpus_site.requests)} requests")
    assert (second.inserted, second.downloaded) == (0, 0)
    assert corpus_site.count("reports", "/provider/") == 0
    # Only the open failure is tried again: its PDF request, and (it is HTML) one read of the page to tell the
    # site's "Report not found" page from any other.
    assert corpus_site.count("files") == 2

    corpus_site.publish(BEDFORD_2022, on=date.today())
    third = summary_of_run(nightly)
    assert [r.url for r in third.new_reports] == [corpus_site.file_url(BEDFORD_2022)]

    corpus_site.publish(LEEDS_2025, on=date.today())
    refreshed = summary_of_run(refresh, urn=LEEDS_URN)
    assert [r.url for r in refreshed.new_reports] == [corpus_site.file_url(LEEDS_2025)]
    assert refreshed.downloaded == 1
    assert query(db, "SELECT count(*), count(DISTINCT file_id) FROM reports") == [(len(expected), len(expected))]
