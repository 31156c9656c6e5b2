"""Operating the pipeline in Prefect, as an operator does, against the session's Prefect server (the test harness):
prefect.yaml deployed to a process work pool, a worker, the README's trigger, alerting on failed runs, and an
automation that posts each new report to a webhook (a receiver on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.fake_site import FakeOfstedSite
from tests.fake_site.catalogue import LABELS, FakeProvider, FakeReport
from tests.fake_site.fixtures import site_environment
from warehouse.snapshot import reading

# Deployments, a worker and automations against the Prefect server: end-to-end.
pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[2]
LEEDS, BEDFORD = "80481", "80428"
UNREADABLE_FILE_ID = "50175284"
# How long a flow run may take on a busy 2-core machine (a worker starts each one in a new process), and how
# long the server's automation may take to post; both are limits for waiting, not measured.
RUN_SECONDS = 300
POLL_SECONDS = 0.5
FLOW_RUN_ID = re.compile(r"UUID: ([0-9a-f-]{36})")


class Receiver(BaseHTTPRequestHandler):
    """A webhook on 127.0.0.1 that keeps every JSON body posted to it."""

    posts: list[dict] = []
    arrived = threading.Condition()

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.arrived:
            self.posts.append(body)
            self.arrived.notify_all()
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def webhook():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.posts.clear()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def leeds_and_an_unreadable_file(corpus, manifest):
    """Leeds with its newest full inspection (a real report), and Bedford with a file no parser can read."""
    row = max((r for r in manifest if r["la_urn"] == LEEDS and r["kind"] == "la-inspection" and r["file_id"]),
              key=lambda r: r["published"])
    published = date.fromisoformat(row["published"])
    site = FakeOfstedSite({
        LEEDS: FakeProvider(LEEDS, "Leeds", "la", "44", [
            FakeReport(row["file_id"], corpus / row["path"], LABELS["la-inspection"], "la-inspection", published,
                       published, LEEDS)]),
        BEDFORD: FakeProvider(BEDFORD, "Bedford", "la", "44", [
            FakeReport(UNREADABLE_FILE_ID, None, LABELS["la-inspection"], "la-inspection", date(2022, 1, 14),
                       date(2021, 11, 8), BEDFORD)]),
    })
    try:
        yield site, row["file_id"]
    finally:
        site.close()


def readme_trigger() -> str:
    """The README's command for a manual refresh, word for word."""
    lines = (PROJECT / "README.md").read_text(encoding="utf-8").splitlines()
    trigger = "prefect deployment run 'refresh/manual' "
    (command,) = [line.split("#")[0].strip() for line in lines if line.startswith(trigger)]
    return command


def prefect_command(command: list[str]) -> list[str]:
    """A `prefect ...` command run with this interpreter's Prefect."""
    assert command[0] == "prefect"
    return [sys.executable, "-m", "prefect", *command[1:]]


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=PROJECT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=RUN_SECONDS)
    assert done.returncode == 0, f"{shlex.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def final_state(flow_run_id: str, worker_log: Path):
    from prefect.client.orchestration import get_client

    deadline = time.monotonic() + RUN_SECONDS
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            state = client.read_flow_run(flow_run_id).state
            if state is not None and state.is_final():
                return state
            time.sleep(POLL_SECONDS)
    pytest.fail(f"flow run {flow_run_id} did not finish within {RUN_SECONDS} s; worker said:\n{worker_log.read_text()}")


def webhook_posts_about(text: str) -> list[dict]:
    """The posts that say this (a report's address, a run's name), once there is one: other tests' events are
    no concern."""
    def about() -> list[dict]:
        return [post for post in Receiver.posts if text in post["body"]]

    with Receiver.arrived:
        Receiver.arrived.wait_for(about, timeout=RUN_SECONDS)
        return about()


@pytest.mark.slow
def test_an_operator_deploys_triggers_hears_and_is_alerted(prefect_harness, leeds_and_an_unreadable_file, webhook,
                                                          tmp_path):
    from prefect.blocks.notifications import CustomWebhookNotificationBlock
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL
    from prefect.workers.process import ProcessWorker

    from flows.alerts import AUTOMATION_NAME, FAILED_RUNS_NAME, alert_on_failed_runs, follow_new_reports
    from transform.providers import local_authorities

    site, leeds_file = leeds_and_an_unreadable_file
    home = tmp_path / "data"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")},
        **site_environment(site, home, OFSTED_WORKERS="1"),
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PYTHONPATH": str(PROJECT),
        "OFSTED_PROJECT_DIR": str(PROJECT),
    }
    env.pop("OFSTED_DB", None)

    # People hear about new reports of the authority they follow: an automation posts to a webhook block.
    leeds_code = local_authorities().by_urn[LEEDS].la_code
    block = CustomWebhookNotificationBlock(name="test receiver", url=webhook,
                                           json_data={"subject": "{{subject}}", "body": "{{body}}"})
    block.save("ofsted-test-receiver", overwrite=True)
    follow_new_reports(block, la_codes=[leeds_code])
    alert_on_failed_runs(block)

    # Deploys: a process work pool, then `prefect deploy --all` with prompts forced on and nothing to answer them.
    with get_client(sync_client=True) as client:
        template = ProcessWorker.get_default_base_job_template()
        client.create_work_pool(WorkPoolCreate(name="ofsted", type="process", base_job_template=template),
                                overwrite=True)
    worker_log = tmp_path / "worker.log"
    with open(worker_log, "w") as log:  # started first: it comes up while the deployments are made
        worker = subprocess.Popen(prefect_command(["prefect", "worker", "start", "--pool", "ofsted"]), cwd=tmp_path,
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        run(prefect_command(["prefect", "--prompt", "deploy", "--all"]), env)

        # The README's trigger, as written: the URN's digits arrive as a number and are taken as the URN.
        output = run(prefect_command(shlex.split(readme_trigger())), env)
        refreshed = final_state(FLOW_RUN_ID.search(output)[1], worker_log)
        assert refreshed.is_completed(), refreshed.message
        with reading(home / "ofsted.duckdb") as con:
            assert con.execute("SELECT status FROM reports WHERE file_id = ?", [leeds_file]).fetchall() == [("ok",)]
            (grade,) = con.execute("SELECT j.grade FROM judgements j JOIN reports r USING (report_id) "
                                   "WHERE r.file_id = ? AND j.area = 'overall_effectiveness'", [leeds_file]).fetchone()

        # The new report's event reached the automation, which posted it.
        (post,) = webhook_posts_about(site.file_url(leeds_file))
        assert post["subject"] == "New Ofsted report: Leeds"
        assert f"(LA {leeds_code})" in post["body"] and f"overall {grade}" in post["body"]
        assert '" (page ' in post["body"]  # its top quotation, with the page it is on

        # A nightly in which one file cannot be read ends Failed, with the file in its message and its artifact.
        flow_run = run_deployment("nightly/nightly", timeout=0)
        nightly = final_state(str(flow_run.id), worker_log)
        assert nightly.is_failed() and nightly.name == "Failed"
        unreadable = site.file_url(UNREADABLE_FILE_ID)
        assert "1 failed" in nightly.message and unreadable in nightly.message
        with get_client(sync_client=True) as client:
            (artifact,) = client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])))
        assert artifact.key == "nightly-summary" and f"| extract | {unreadable} |" in artifact.data

        # The failed-run automation posted it.
        (alert,) = webhook_posts_about(f"nightly run {flow_run.name} ended Failed")
        assert unreadable in alert["body"]
    finally:  # the session's server outlives the test: nothing of it may post or run after
        with get_client(sync_client=True) as client:
            for name in (AUTOMATION_NAME, FAILED_RUNS_NAME):
                for automation in client.read_automations_by_name(name):
                    client.delete_automation(automation.id)
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


# --- the parts, without a worker ------------------------------------------------------------------------------


def loaded_notice(tmp_path, report, provenance):
    from flows import site_steps
    from warehouse.state import report_notices

    db = tmp_path / "ofsted.duckdb"
    site_steps.load(db, "run-1", [(report, provenance)], [], {})
    with reading(db) as con:
        (notice,) = report_notices(con, [report.sha256])
    return notice


def test_a_loaded_report_becomes_an_event_with_its_codes_grade_address_and_top_quotation(tmp_path):
    from dataclasses import replace

    from extract.records import Provenance, Quotation
    from flows.announce import REPORT_LOADED, notice_to_event
    from tests.factories import make_report

    report = make_report("Leeds", date(2025, 7, 4), {"overall_effectiveness": "outstanding"})
    report = replace(report, quotations=[Quotation("Summary", 3, "Second best.", rank=2),
                                         Quotation("Headline findings", 2, "Children in Leeds thrive.", rank=1)])
    url = "https://files.ofsted.gov.uk/v1/file/50284438"
    event = notice_to_event(loaded_notice(tmp_path, report, Provenance(
        source_url=url, file_id="50284438", published=date(2025, 8, 12), urn=LEEDS, provider_name="Leeds")))

    assert event["event"] == REPORT_LOADED
    assert event["resource"]["prefect.resource.id"] == f"ofsted.report.{report.sha256}"
    labels = {"ofsted.urn": LEEDS, "ofsted.la-code": "383", "ofsted.ons-code": "E08000035", "ofsted.overall": "outstanding"}
    assert {label: event["resource"][label] for label in labels} == labels
    payload = event["payload"]
    assert (payload["provider"], payload["framework"], payload["overall"], payload["url"]) == (
        "Leeds", "ilacs", "outstanding", url)
    assert (payload["quotation"], payload["quotation_page"]) == ("Children in Leeds thrive.", 2)
    assert payload["published"] == "2025-08-12" and payload["status"] == "ok"


def test_an_unreadable_new_report_is_announced_without_a_grade(tmp_path):
    from extract.records import Provenance, Status
    from flows.announce import notice_to_event
    from tests.factories import make_report

    report = make_report(seed="bedford-damaged", status=Status.ERROR, error="the PDF is damaged")
    event = notice_to_event(loaded_notice(tmp_path, report, Provenance(
        source_url="https://files.ofsted.gov.uk/v1/file/1", file_id="1", urn=BEDFORD, provider_name="Bedford")))
    assert event["payload"]["status"] == "error" and event["payload"]["overall"] is None
    assert event["payload"]["quotation"] is None
    assert "ofsted.overall" not in event["resource"] and event["resource"]["ofsted.urn"] == BEDFORD


@pytest.mark.parametrize("la_codes, posted", [
    pytest.param(None, {"383", "822"}, id="every-authority"),
    pytest.param(["383"], {"383"}, id="only-those-followed"),
])
def test_the_automation_matches_new_reports_of_the_authorities_followed(la_codes, posted):
    from uuid import uuid4

    from prefect.events import Event
    from prefect.server.events.schemas.automations import EventTrigger as ServerTrigger
    from prefect.server.events.schemas.events import Event as ServerEvent

    from flows.alerts import new_report_automation

    automation = new_report_automation(uuid4(), la_codes)
    trigger = ServerTrigger.model_validate(automation.trigger.model_dump())
    events = {
        code: ServerEvent.model_validate(Event(
            event=event, resource={"prefect.resource.id": f"ofsted.report.{code}", "ofsted.la-code": code},
        ).model_dump()).receive()
        for code, event in (("383", "ofsted.report.loaded"), ("822", "ofsted.report.loaded"),
                            ("380", "ofsted.report.replaced"))
    }
    assert {code for code, event in events.items() if trigger.covers(event)} == posted


@pytest.mark.parametrize("event, flow_name, posted", [
    pytest.param("prefect.flow-run.Failed", "nightly", True, id="nightly-failed"),
    pytest.param("prefect.flow-run.Crashed", "refresh", True, id="refresh-crashed"),
    pytest.param("prefect.flow-run.Completed", "nightly", False, id="nightly-completed"),
    pytest.param("prefect.flow-run.Failed", "someone-elses-flow", False, id="another-flow"),
])
def test_the_failed_run_automation_matches_the_site_flows_failed_or_crashed(event, flow_name, posted):
    from uuid import uuid4

    from prefect.events import Event
    from prefect.server.events.schemas.automations import EventTrigger as ServerTrigger
    from prefect.server.events.schemas.events import Event as ServerEvent

    from flows.alerts import failed_run_automation

    trigger = ServerTrigger.model_validate(failed_run_automation(uuid4()).trigger.model_dump())
    received = ServerEvent.model_validate(Event(
        event=event, resource={"prefect.resource.id": f"prefect.flow-run.{uuid4()}"},
        related=[{"prefect.resource.id": f"prefect.flow.{uuid4()}", "prefect.resource.role": "flow",
                  "prefect.resource.name": flow_name}],
    ).model_dump()).receive()
    assert trigger.covers(received) is posted


def test_a_worker_without_the_project_folder_ends_the_run_with_one_line(prefect_harness, monkeypatch, tmp_path):
    from prefect import flow
    from prefect.client.orchestration import get_client

    from extract.web.config import ConfigError
    from flows.pull_steps import enter_project_dir

    with get_client(sync_client=True) as client:
        flow_run = client.create_flow_run(flow(name="pull-step-check")(lambda: None))
        monkeypatch.setenv("PREFECT__FLOW_RUN_ID", str(flow_run.id))
        monkeypatch.delenv("OFSTED_PROJECT_DIR", raising=False)
        with pytest.raises(ConfigError, match="^OFSTED_PROJECT_DIR is not set on the worker: set it to"):
            enter_project_dir()
        state = client.read_flow_run(flow_run.id).state
    assert state.is_crashed() and state.message.startswith("OFSTED_PROJECT_DIR is not set on the worker")
    assert "\n" not in state.message

    monkeypatch.setenv("OFSTED_PROJECT_DIR", str(tmp_path))
    with pytest.raises(ConfigError, match="is not a checkout of this project"):
        enter_project_dir()


def test_the_pull_step_enters_the_checkout_and_checks_the_settings(monkeypatch, tmp_path):
    from extract.web.config import ConfigError
    from flows.pull_steps import enter_project_dir

    monkeypatch.delenv("PREFECT__FLOW_RUN_ID", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OFSTED_PROJECT_DIR", str(PROJECT))
    assert enter_project_dir() == {"directory": str(PROJECT)}
    assert Path.cwd() == PROJECT
    monkeypatch.setenv("OFSTED_TASK_RUNNER", "spark")
    with pytest.raises(ConfigError, match="OFSTED_TASK_RUNNER must be one of local, dask"):
        enter_project_dir()
