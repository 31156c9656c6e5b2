"""The site commands' help, clean errors, deployments and the run summary (no flow runs here)."""

from __future__ import annotations

import io

import pytest

from flows.cli import main
from flows.progress import TextBar, render
from flows.site_steps import Problem
from flows.site_tasks import NewReport, RunSummary, summary_to_markdown


@pytest.mark.parametrize("command", ["nightly", "refresh", "backfill", "serve"])
def test_every_site_command_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert "Prefect" in capsys.readouterr().out


def test_refresh_refuses_addresses_outside_the_ofsted_hosts(capsys, monkeypatch):
    monkeypatch.delenv("OFSTED_REPORTS_URL", raising=False)
    monkeypatch.delenv("OFSTED_FILES_URL", raising=False)
    assert main(["refresh", "--url", "https://evil.example.com/v1/file/1"]) == 2
    assert capsys.readouterr().err == (
        "ofsted refresh: https://evil.example.com/v1/file/1: not an Ofsted address this pipeline fetches from "
        "(allowed hosts: reports.ofsted.gov.uk:443, files.ofsted.gov.uk:443; set OFSTED_REPORTS_URL / "
        "OFSTED_FILES_URL to change them)\n"
    )


def test_refresh_refuses_an_ofsted_address_that_is_neither_provider_nor_file(capsys, monkeypatch):
    monkeypatch.delenv("OFSTED_REPORTS_URL", raising=False)
    assert main(["refresh", "--url", "https://reports.ofsted.gov.uk/search?q=leeds"]) == 2
    assert "is neither a provider page (/provider/<type>/<URN>) nor a report file" in capsys.readouterr().err


def test_refresh_needs_a_urn_of_a_form_the_site_uses(capsys):
    assert main(["refresh", "--urn", "leeds"]) == 2
    assert capsys.readouterr().err.startswith(
        "ofsted refresh: 'leeds' is not an Ofsted URN: a URN is 5 to 8 digits (e.g. 80481, 2766766) or two letters "
        "and 6 or 7 digits (e.g. SC023666, EY360232)"
    )


def test_backfill_refuses_a_reversed_date_range(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path))
    assert main(["backfill", "--since", "2024-01-01", "--until", "2023-01-01", "--quiet"]) == 2
    assert "--since 2024-01-01 is after --until 2023-01-01" in capsys.readouterr().err


def test_a_bad_setting_is_named(capsys, monkeypatch):
    monkeypatch.setenv("OFSTED_REQUESTS_PER_SECOND", "fast")
    assert main(["nightly"]) == 2
    assert capsys.readouterr().err == "ofsted nightly: OFSTED_REQUESTS_PER_SECOND must be a float, got 'fast'\n"


def test_serve_without_a_prefect_server_says_how_to_start_one(capsys, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve"]) == 2
    assert "schedules need a Prefect server: start one with `prefect server start`" in capsys.readouterr().err


def test_served_deployments_nightly_on_schedule_and_manual_refresh():
    from flows.deployments import build_deployments

    nightly, sweep, refresh, backfill = build_deployments()
    assert (nightly.flow_name, nightly.name) == ("nightly", "nightly-served")
    (schedule,) = nightly.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 2 * * *", "Europe/London")
    assert nightly.parameters == {"types": ["la"]}
    assert (sweep.flow_name, sweep.name, sweep.parameters) == (
        "nightly", "weekly-sweep-served", {"types": ["la"], "full": True})
    assert sweep.schedules[0].schedule.cron == "0 3 * * 0"
    assert (refresh.flow_name, refresh.name, refresh.schedules) == ("refresh", "manual-served", [])
    assert "prefect deployment run 'refresh/manual-served' -p urn=80481" in refresh.description
    assert (backfill.flow_name, backfill.name) == ("backfill", "manual-served")


def prefect_yaml() -> dict:
    from pathlib import Path

    import yaml

    return yaml.safe_load((Path(__file__).parent.parent / "prefect.yaml").read_text())


def test_prefect_yaml_holds_the_served_deployments_under_names_of_their_own():
    from flows.deployments import SERVED_SUFFIX, build_deployments

    config = prefect_yaml()
    flow_of = {"flows/nightly.py:nightly": "nightly", "flows/refresh.py:refresh": "refresh",
               "flows/backfill.py:backfill": "backfill"}
    pool = {(flow_of[d["entrypoint"]], d["name"]) for d in config["deployments"]}
    served = {(d.flow_name, d.name) for d in build_deployments()}
    assert pool == {("nightly", "nightly"), ("nightly", "weekly-sweep"), ("refresh", "manual"), ("backfill", "manual")}
    assert pool.isdisjoint(served)  # neither can take over the other's deployments or pause their schedules
    assert {(flow, name + SERVED_SUFFIX) for flow, name in pool} == served
    nightly = next(d for d in config["deployments"] if d["name"] == "nightly")
    assert nightly["schedules"] == [{"cron": "0 2 * * *", "timezone": "Europe/London"}]
    sweep = next(d for d in config["deployments"] if d["name"] == "weekly-sweep")
    assert sweep["parameters"] == {"types": ["la"], "full": True}
    assert sweep["schedules"] == [{"cron": "0 3 * * 0", "timezone": "Europe/London"}]


def test_prefect_yaml_says_what_prefect_deploy_would_ask():
    config = prefect_yaml()
    for deployment in config["deployments"]:
        assert "schedules" in deployment, f"{deployment['name']}: without schedules, `prefect deploy` asks for one"
        assert deployment["work_pool"]["name"] == "ofsted"
    assert config["pull"] == [{"flows.pull_steps.enter_project_dir": {}}]


def test_every_documented_trigger_names_a_deployment_that_exists():
    import re
    from pathlib import Path

    from flows.deployments import build_deployments

    project = Path(__file__).parent.parent
    flow_of = {"flows/nightly.py:nightly": "nightly", "flows/refresh.py:refresh": "refresh",
               "flows/backfill.py:backfill": "backfill"}
    known = {(flow_of[d["entrypoint"]], d["name"]) for d in prefect_yaml()["deployments"]}
    known |= {(d.flow_name, d.name) for d in build_deployments()}
    files = [project / "README.md", project / "prefect.yaml", *(project / "docs").glob("*.md"),
             *(project / "flows").rglob("*.py")]
    found = {(path.name, match) for path in files
             for match in re.findall(r"prefect deployment run '([\w-]+/[\w-]+)'", path.read_text(encoding="utf-8"))}
    assert {name for _, name in found} >= {"refresh/manual", "refresh/manual-served"}
    assert {(path, name) for path, name in found if tuple(name.split("/")) not in known} == set()


def test_summary_artifact_lists_new_reports_grades_and_failures():
    summary = RunSummary("nightly", "run-1", "published on or after 2025-08-01", providers_visited=2, found=3,
                         planned=2, downloaded=1, inserted=1)
    summary.new_reports.append(NewReport("Leeds", "Children's services inspection", None, "la-inspection",
                                         "outstanding", "https://files.ofsted.gov.uk/v1/file/50282345"))
    summary.problems.append(Problem("download", "https://files.ofsted.gov.uk/v1/file/1", "HTTP 503 | busy"))
    markdown = summary_to_markdown(summary)
    assert "| Leeds | Children's services inspection | - | outstanding | https://files.ofsted.gov.uk/v1/file/50282345 |" in markdown
    assert "| download | https://files.ofsted.gov.uk/v1/file/1 | HTTP 503 \\| busy |" in markdown
    assert "## Failures (1), retried on the next run" in markdown


def test_progress_bar_draws_on_one_line_and_ends_each_stage():
    stream, clock = io.StringIO(), iter([0.0, 0.0, 1.0])
    bar = TextBar(stream, clock=lambda: next(clock))
    bar("download", 1, 2)
    bar("download", 2, 2)
    assert stream.getvalue() == "\r" + render("download", 1, 2, 0.0) + "\r" + render("download", 2, 2, 1.0) + "\n"
    assert render("load", 15, 30, 3.0) == "load      [###############...............]    15/30    5.0/s"


@pytest.mark.parametrize("urn, provider_type, path", [
    ("SC023666", "boarding", "/provider/1/SC023666"),
    ("ey360232", "early-years", "/provider/16/EY360232"),
    ("2766766", "childrens-home", "/provider/2/2766766"),
])
def test_refresh_takes_urns_with_letters_to_their_types_page(urn, provider_type, path):
    from extract.web.config import SiteConfig
    from flows.refresh import target_url

    assert target_url(SiteConfig(), urn, None, provider_type) == f"https://reports.ofsted.gov.uk{path}"


def test_the_types_option_documents_every_name(capsys):
    from extract.web.provider_types import PROVIDER_TYPE_GROUPS, PROVIDER_TYPES

    with pytest.raises(SystemExit):
        main(["nightly", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert all(name in help_text for name in [*PROVIDER_TYPES, *PROVIDER_TYPE_GROUPS])
    assert "childrens-home (children's homes; filter code unverified, checked on every run)" in help_text
