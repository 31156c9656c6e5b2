"""The nightly against the fake site for every provider type, and what it costs: listings asked for what was
published, late additions with older dates, pages without a timeline, filters that list the wrong kind, and files
the site says are gone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from flows.outcome import summary_of_run
from tests.fake_site import FakeOfstedSite
from tests.fake_site.catalogue import CONVERSION_LETTER, school_listing
from tests.fake_site.fixtures import seed_good_nightly, site_environment
from warehouse.snapshot import reading

# Each test runs whole Prefect flows against the fake site: end-to-end, about 2-5 s each.
pytestmark = pytest.mark.slow

NIGHTLY_TYPES = ["la", "school", "childrens-home", "early-years"]
SCHOOL_TYPES = {"primary", "secondary", "special", "independent", "boarding"}
LEEDS_OLD, LEEDS_NEW, BEDFORD = "50100001", "50282345", "50175284"
# The nightly over 5,000 listed schools of which 3 published since the last run: one listing page per school
# type (five), three provider pages, three files.
MAX_NIGHTLY_REQUESTS = 12


def use_site(site, tmp_path, monkeypatch, **overrides):
    monkeypatch.delenv("OFSTED_DB", raising=False)
    for name, value in site_environment(site, tmp_path, OFSTED_WORKERS="1", **overrides).items():
        monkeypatch.setenv(name, value)
    return tmp_path / "ofsted.duckdb"


@pytest.fixture
def typed_env(typed_site, tmp_path, monkeypatch, prefect_harness):
    return use_site(typed_site, tmp_path, monkeypatch)


@pytest.fixture
def tiny_env(tiny_site, tmp_path, monkeypatch, prefect_harness):
    return use_site(tiny_site, tmp_path, monkeypatch)


def query(db, sql, *params):
    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


def loaded_ids(db) -> set[str]:
    return {row[0] for row in query(db, "SELECT file_id FROM reports")}


@pytest.mark.slow  # 262 files through download, extraction and load
def test_a_nightly_of_every_type_loads_every_listed_report(typed_site, typed_env):
    from flows.nightly import nightly

    wanted_types = SCHOOL_TYPES | {"la", "childrens-home", "early-years"}
    listed = {r.file_id: r for p in typed_site.providers.values() if p.provider_type in wanted_types
              for r in p.reports}
    letters = {i for i, r in listed.items() if r.label == CONVERSION_LETTER}
    typed_site.fail("/search", "403", times=1)  # the live site's intermittent 403s, on a listing and a page
    typed_site.fail("/provider/2/SC400123", "403", times=1)

    summary = summary_of_run(nightly, types=NIGHTLY_TYPES)
    assert letters and loaded_ids(typed_env) == set(listed) - letters
    assert [p for p in summary.problems if p.stage != "extract"] == []  # small generated PDFs do not extract
    assert not any(typed_site.count("files", f"/v1/file/{i}") for i in letters)
    assert typed_site.count("reports", "/provider/2/SC400123") == 2  # retried once, on that request only
    urns = dict(query(typed_env, "SELECT file_id, urn FROM reports"))
    by_urn = {r.urn for i, r in listed.items() if i not in letters}
    assert set(urns.values()) == by_urn and {"SC023666", "SC400123", "EY360232", "2766766"} <= by_urn
    assert query(typed_env, "SELECT count(*) FROM providers WHERE urn = 'EY501461'") == [(1,)]
    asked = {(q["level_1_types"][0], tuple(q.get("level_2_types[]", [])), tuple(q.get("level_3_types[]", [])))
             for q in typed_site.queries}
    assert ("3", ("8",), ()) in asked and ("1", (), ("6",)) in asked and ("2", (), ()) in asked
    assert ("1", ("3",), ()) not in asked  # further education was not asked for


def test_a_provider_page_without_a_timeline_is_a_failure_retried_next_run(typed_site, typed_env):
    from flows.nightly import nightly

    typed_site.fail("/provider/23/136420", "js-shell", times=None)
    first = summary_of_run(nightly, types=["secondary"])
    (problem,) = [p for p in first.problems if p.stage == "discover"]
    assert problem.target.endswith("/provider/23/136420") and "no timeline of reports" in problem.error
    assert loaded_ids(typed_env) == set()
    typed_site.reset()
    # its reports are older than the window: found by revisiting the failed page
    summary_of_run(nightly, types=["secondary"])
    assert loaded_ids(typed_env) == {r.file_id for r in typed_site.providers["136420"].reports}


def test_a_childrens_home_filter_that_lists_another_kind_fails_clearly(typed_site, typed_env):
    from extract.web.exceptions import ListingMismatch
    from flows.nightly import nightly

    typed_site.filters[("3", ("8",), ())] = {"44"}  # as if code 8 were local authorities
    with pytest.raises(ListingMismatch, match="filter code is a guess the evidence could not confirm"):
        summary_of_run(nightly, types=["childrens-home"])
    assert query(typed_env, "SELECT status, detail LIKE '%children''s homes listing%' FROM runs") == [("failed", True)]
    assert typed_site.count("reports", "/provider/") == 0 and typed_site.count("files") == 0


def test_a_report_added_late_with_an_older_date_is_loaded_by_the_next_visit(tiny_site, tiny_env):
    from flows.nightly import nightly

    tiny_site.hide(LEEDS_OLD)
    tiny_site.hide(LEEDS_NEW)
    summary_of_run(nightly)
    assert loaded_ids(tiny_env) == {BEDFORD}
    tiny_site.publish(LEEDS_OLD, on=date(2020, 3, 2))  # added late, dated years ago
    tiny_site.publish(LEEDS_NEW, on=date.today())  # and a new report, so the nightly visits Leeds
    tiny_site.requests.clear()
    summary = summary_of_run(nightly)
    assert loaded_ids(tiny_env) == {BEDFORD, LEEDS_OLD, LEEDS_NEW}
    assert summary.providers_visited == 1 and tiny_site.count("files") == 2


def test_the_weekly_sweep_loads_a_late_addition_no_nightly_visits(tiny_site, tiny_env):
    from flows.nightly import nightly

    tiny_site.hide(BEDFORD)
    summary_of_run(nightly)
    tiny_site.publish(BEDFORD, on=date(2022, 1, 14))
    summary_of_run(nightly)  # Bedford's latest report is older than the window: its page is not visited
    assert BEDFORD not in loaded_ids(tiny_env)
    tiny_site.requests.clear()
    sweep = summary_of_run(nightly, full=True)
    assert BEDFORD in loaded_ids(tiny_env)
    assert sweep.providers_visited == 2 and tiny_site.count("files") == 1  # only what the warehouse lacked


def test_a_file_the_site_says_is_gone_is_given_up_after_three_runs(tiny_site, tiny_env):
    from flows.nightly import nightly
    from flows.site_steps import REPORT_NOT_FOUND_ATTEMPTS

    path = f"/v1/file/{LEEDS_NEW}"
    tiny_site.fail(path, "report-not-found", times=None)
    for run in range(REPORT_NOT_FOUND_ATTEMPTS):
        summary = summary_of_run(nightly)
        (problem,) = [p for p in summary.problems if p.stage == "download"]
        assert problem.gone and "Report not found" in problem.error
    rows = query(tiny_env, "SELECT attempts, gave_up_at IS NOT NULL, resolved_at FROM failures WHERE stage = 'download'")
    assert rows == [(REPORT_NOT_FOUND_ATTEMPTS, True, None)]
    tiny_site.requests.clear()
    sweep = summary_of_run(nightly, full=True)  # even a visit to its provider page does not ask for it again
    assert tiny_site.count("files", path) == 0 and sweep.problems == []
    assert tiny_site.count("reports", "/provider/44/80481") == 1


def test_a_nightly_over_5000_schools_asks_for_a_dozen_pages_at_most(tmp_path, monkeypatch, prefect_harness):
    from flows.nightly import nightly

    today = date.today()
    site = FakeOfstedSite(school_listing(5000, recent=3, recent_day=today, older_day=today - timedelta(days=400)))
    try:
        # A generous read timeout: on a busy machine a timed-out (retried) request would count as one more.
        db = use_site(site, tmp_path, monkeypatch, OFSTED_READ_TIMEOUT="30")
        seed_good_nightly(db, datetime.now() - timedelta(days=1))
        summary = summary_of_run(nightly, types=["school"])
        assert len(site.requests) <= MAX_NIGHTLY_REQUESTS, site.requests
        assert (summary.providers_visited, summary.downloaded) == (3, 3)
        assert site.count("reports", "/search") == len(SCHOOL_TYPES)  # one page per school type, then done
    finally:
        site.close()
