"""nightly, refresh and backfill against the tiny fake site (no corpus needed): what each run fetches, loads
and records, and how injected faults end (a stored report, or a failure the next run retries)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.web.site import PROVIDER_TYPES
from extract.web.rawstore import RawStore
from flows import site_steps
from flows.outcome import summary_of_run
from tests.fake_site.fixtures import site_environment
from warehouse.snapshot import reading

# Each test runs whole Prefect flows against the fake site: end-to-end, about 2 s each (the edit loop skips them).
pytestmark = pytest.mark.slow

ALL_FILE_IDS = {"50282345", "50100001", "50175284"}
LEEDS_NEW = "50282345"


@pytest.fixture
def env(tiny_site, tmp_path, monkeypatch, prefect_harness):
    monkeypatch.delenv("OFSTED_DB", raising=False)
    for name, value in site_environment(tiny_site, tmp_path, OFSTED_WORKERS="1", OFSTED_SEARCH_ROWS="1").items():
        monkeypatch.setenv(name, value)
    return tmp_path / "ofsted.duckdb"


def query(db, sql, *params):
    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


def loaded_ids(db) -> set[str]:
    return {row[0] for row in query(db, "SELECT file_id FROM reports")}


def open_failures(db, stage=None) -> set[tuple[str, str]]:
    rows = query(db, "SELECT stage, target FROM failures WHERE resolved_at IS NULL")
    return {(s, t) for s, t in rows if stage is None or s == stage}


def test_nightly_loads_every_report_then_finds_nothing_new(tiny_site, env):
    from flows.nightly import nightly
    from flows.outcome import ReportsFailed

    # The tiny site's files are no readable reports: the run loads them, and ends Failed (what alerting matches).
    state = nightly(return_state=True)
    assert (state.type.value, state.name) == ("FAILED", "Failed")
    assert state.message.startswith(
        "nightly: 3 failed (listed in the 'nightly-summary' artifact, retried by the next run); first: extract ")
    failed = state.result(raise_on_failure=False)
    assert isinstance(failed, ReportsFailed)
    first = failed.summary
    assert loaded_ids(env) == ALL_FILE_IDS
    assert first.downloaded == 3 and first.inserted == 3
    assert (env.parent / "report" / "index.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    tiny_site.reset()

    state = nightly(return_state=True)
    assert state.is_completed()
    second = state.result()
    assert tiny_site.count("files") == 0
    assert tiny_site.count("reports", "/provider/") == 0  # no provider has a report newer than the last run
    assert (second.planned, second.downloaded, second.inserted) == (0, 0, 0)
    statuses = query(env, "SELECT flow, status, reports_new FROM runs ORDER BY started_at")
    assert [s[0] for s in statuses] == ["nightly", "nightly"]
    assert statuses[1][2] == 0


def test_a_report_published_later_appears_after_the_next_nightly(tiny_site, env):
    from flows.nightly import nightly

    tiny_site.hide(LEEDS_NEW)
    summary_of_run(nightly)
    assert LEEDS_NEW not in loaded_ids(env)
    tiny_site.publish(LEEDS_NEW, on=date.today())
    tiny_site.requests.clear()
    summary = summary_of_run(nightly)
    assert LEEDS_NEW in loaded_ids(env)
    assert [r.url for r in summary.new_reports] == [tiny_site.file_url(LEEDS_NEW)]
    assert tiny_site.count("files") == 1


def test_refresh_by_urn_picks_up_a_new_report_at_once(tiny_site, env):
    from flows.nightly import nightly
    from flows.refresh import refresh

    tiny_site.hide(LEEDS_NEW)
    summary_of_run(nightly)
    tiny_site.publish(LEEDS_NEW, on=date(2025, 8, 12))  # dated before the nightly window: only refresh sees it
    summary = summary_of_run(refresh, urn=80481)  # digits as a number, as `prefect deployment run -p` sends them
    assert LEEDS_NEW in loaded_ids(env)
    assert summary.downloaded == 1
    provenance = query(env, "SELECT urn, published, source_url FROM reports WHERE file_id = ?", LEEDS_NEW)
    assert provenance == [("80481", date(2025, 8, 12), tiny_site.file_url(LEEDS_NEW))]


def test_refresh_by_report_url_fetches_just_that_file(tiny_site, env):
    from flows.refresh import refresh

    summary = summary_of_run(refresh, url=tiny_site.file_url(LEEDS_NEW))
    assert loaded_ids(env) == {LEEDS_NEW}
    assert tiny_site.count("reports") == 0 and tiny_site.count("files") == 1
    assert summary.inserted == 1


@pytest.mark.parametrize(
    "kind, options",
    [
        pytest.param("500", {}, id="server-error"),
        pytest.param("429", {"retry_after": "0"}, id="too-many-requests"),
        pytest.param("timeout", {"stall_seconds": 1.0}, id="timeout"),
        pytest.param("truncate", {}, id="truncated-body"),
        pytest.param("html", {}, id="html-instead-of-pdf"),
        pytest.param("404", {}, id="not-found"),
    ],
)
def test_a_file_that_keeps_failing_is_recorded_and_loaded_by_the_next_run(tiny_site, env, kind, options):
    from flows.nightly import nightly

    path = f"/v1/file/{LEEDS_NEW}"
    tiny_site.fail(path, kind, times=None, **options)
    first = summary_of_run(nightly)
    assert loaded_ids(env) == ALL_FILE_IDS - {LEEDS_NEW}
    assert open_failures(env, "download") == {("download", tiny_site.file_url(LEEDS_NEW))}
    assert [p.stage for p in first.problems if p.stage != "extract"] == ["download"]
    assert not list((env.parent / "raw" / "ids").glob(LEEDS_NEW))  # nothing half-stored

    tiny_site.reset()
    summary_of_run(nightly)
    assert loaded_ids(env) == ALL_FILE_IDS
    assert open_failures(env, "download") == set()
    assert query(env, "SELECT count(*) FROM reports") == [(3,)]  # nothing duplicated
    leeds = query(env, "SELECT published, urn FROM reports WHERE file_id = ?", LEEDS_NEW)
    assert leeds == [(date(2025, 8, 12), "80481")]  # the retry kept what the provider page said


def test_a_provider_page_that_fails_is_recorded_and_revisited_next_run(tiny_site, env):
    from flows.nightly import nightly

    tiny_site.fail("/provider/44/80428", "500", times=None)
    summary_of_run(nightly)
    assert open_failures(env, "discover") == {("discover", f"{tiny_site.reports_url}/provider/44/80428")}
    assert "50175284" not in loaded_ids(env)
    tiny_site.reset()
    summary_of_run(nightly)
    assert "50175284" in loaded_ids(env)
    assert open_failures(env, "discover") == set()


def test_a_search_page_that_fails_fails_the_run_and_says_so_in_runs(tiny_site, env):
    from extract.web.exceptions import TransientDownloadError
    from flows.nightly import nightly

    tiny_site.fail("/search", "500", times=None)
    with pytest.raises(TransientDownloadError):
        summary_of_run(nightly)
    assert query(env, "SELECT status, detail LIKE 'stopped: %HTTP 500%' FROM runs") == [("failed", True)]
    assert tiny_site.count("reports", "/search") == 3  # OFSTED_ATTEMPTS of one request; the walk is not repeated


def test_backfill_takes_a_date_range_and_resumes_from_the_raw_store(tiny_site, env):
    from flows.backfill import backfill

    summary_of_run(backfill, since=date(2021, 1, 1), until=date(2023, 1, 1))
    assert loaded_ids(env) == {"50175284"}
    summary = summary_of_run(backfill)
    assert loaded_ids(env) == ALL_FILE_IDS
    assert summary.downloaded == 2  # the one already loaded is skipped
    env.unlink()  # lose the warehouse: the raw store still has every file
    tiny_site.reset()
    again = summary_of_run(backfill)
    assert tiny_site.count("files") == 0
    assert (again.reused, again.inserted) == (3, 3)


def test_a_local_file_ingest_could_not_read_is_never_retried_as_a_download(tiny_site, env, tmp_path):
    from flows.ingest import ingest
    from flows.nightly import nightly

    unreadable = tmp_path / "notes.pdf"
    unreadable.write_bytes(b"not a report at all")
    ingest([unreadable], env, workers=1)
    assert open_failures(env, "extract") == {("extract", str(unreadable))}
    assert site_steps.retries_due(env, RawStore(tmp_path / "raw")).links == []

    summary = summary_of_run(nightly)
    assert not [p for p in summary.problems if p.target == str(unreadable)]
    assert open_failures(env, "download") == set()
    assert ("extract", str(unreadable)) in open_failures(env, "extract")  # still ingest's to retry


def test_discovery_keeps_only_providers_and_reports_in_the_window(tiny_site):
    from extract.web.download import PoliteClient
    from tests.fake_site.fixtures import fast_config

    with PoliteClient(fast_config(tiny_site)) as client:
        found = site_steps.discover(client, [PROVIDER_TYPES["la"]], since=date(2025, 1, 1))
    assert [link.file_id for link in found.links] == [LEEDS_NEW]
    assert found.providers_visited == [f"{tiny_site.reports_url}/provider/44/80481"]
