"""pytest fixtures for the fake site; tests/conftest.py imports them.

- `tiny_site`: two providers with hand-made PDFs, for tests that need no corpus (fast, always run);
- `typed_site`: providers of every type (SC and EY URNs, 120+ schools, an undated letter), small PDFs;
- `corpus_site`: every corpus report, for end-to-end tests (skips without OFSTED_CORPUS);
- `fast_config(site)`: client settings for tests: high rate limit, millisecond backoff, sub-second timeouts.
Both sites live for the session; each test that uses one gets it reset (no faults, nothing hidden, no log).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from extract.web.config import SiteConfig
from tests.fake_site.catalogue import FakeProvider, FakeReport, catalogue_from_corpus, tiny_pdf, typed_catalogue
from tests.fake_site.server import FakeOfstedSite

FAST = dict(requests_per_second=1000.0, backoff_seconds=0.001, max_backoff_seconds=1.0, connect_timeout=2.0,
            read_timeout=0.5, attempts=3)


def tiny_catalogue(folder: Path) -> dict[str, FakeProvider]:
    def report(file_id: str, urn: str, label: str, published: date, inspected: date) -> FakeReport:
        path = folder / f"{file_id}.pdf"
        path.write_bytes(tiny_pdf(f"report {file_id} of {urn}"))
        return FakeReport(file_id, path, label, "la-inspection", published, inspected, urn)

    return {
        "80481": FakeProvider("80481", "Leeds", "la", "44", [
            report("50282345", "80481", "Children's services inspection", date(2025, 8, 12), date(2025, 6, 30)),
            report("50100001", "80481", "Children's services focused visit", date(2020, 3, 2), date(2020, 1, 20)),
        ]),
        "80428": FakeProvider("80428", "Bedford", "la", "44", [
            report("50175284", "80428", "Children's services inspection", date(2022, 1, 14), date(2021, 11, 8)),
        ]),
    }


@pytest.fixture(scope="session")
def _tiny_site(tmp_path_factory):
    site = FakeOfstedSite(tiny_catalogue(tmp_path_factory.mktemp("tiny-site")))
    yield site
    site.close()


@pytest.fixture
def tiny_site(_tiny_site):
    _tiny_site.reset()
    yield _tiny_site
    _tiny_site.reset()


@pytest.fixture(scope="session")
def _typed_site():
    site = FakeOfstedSite(typed_catalogue())
    yield site
    site.close()


@pytest.fixture
def typed_site(_typed_site):
    _typed_site.reset()
    yield _typed_site
    _typed_site.reset()


@pytest.fixture(scope="session")
def _corpus_site(corpus):
    site = FakeOfstedSite(catalogue_from_corpus(corpus))
    yield site
    site.close()


@pytest.fixture
def corpus_site(_corpus_site):
    _corpus_site.reset()
    yield _corpus_site
    _corpus_site.reset()


def fast_config(site: FakeOfstedSite, **overrides) -> SiteConfig:
    return SiteConfig(reports_url=site.reports_url, files_url=site.files_url, **{**FAST, **overrides})


def site_environment(site: FakeOfstedSite, home: Path, **overrides: str) -> dict[str, str]:
    """Environment for running the site flows against a fake site, with a fresh data folder."""
    env = {
        "OFSTED_HOME": str(home),
        "OFSTED_REPORTS_URL": site.reports_url,
        "OFSTED_FILES_URL": site.files_url,
        "OFSTED_REQUESTS_PER_SECOND": "1000",
        "OFSTED_BACKOFF_SECONDS": "0.001",
        "OFSTED_MAX_BACKOFF_SECONDS": "1",
        "OFSTED_READ_TIMEOUT": "0.5",
        "OFSTED_ATTEMPTS": "3",
    }
    return {**env, **overrides}


def seed_good_nightly(db: Path, started_at: datetime) -> None:
    """A warehouse whose last good nightly run started at `started_at` (the next nightly's window starts there)."""
    from warehouse.runs import RunCounts, finish_run, start_run
    from warehouse.snapshot import writing

    with writing(db) as con:
        run_id = start_run(con, "nightly", detail="seeded by a test")
        finish_run(con, run_id, RunCounts())
        con.execute("UPDATE runs SET started_at = ? WHERE run_id = ?", [started_at, run_id])
