"""A command's temporary Prefect server dies with the command, even when the command is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest

PROJECT = Path(__file__).resolve().parents[2]
# How long the server may take to come up on a busy machine, and to go after its command died.
SERVER_START_SECONDS = 120
SERVER_EXIT_SECONDS = 15
POLL_SECONDS = 0.2


def listening_child(command: subprocess.Popen) -> psutil.Process | None:
    """The command's child process that listens on a TCP port: the temporary Prefect server, once it is up."""
    for child in psutil.Process(command.pid).children(recursive=True):
        try:
            if any(c.status == psutil.CONN_LISTEN for c in child.net_connections(kind="tcp")):
                return child
        except psutil.Error:
            continue
    return None


class AnswersOnlyTheCheck(BaseHTTPRequestHandler):
    """Answers the up-front reachability check (HEAD), then never answers a page (GET) until the test ends."""

    released = threading.Event()

    def do_HEAD(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(200)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self.released.wait()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def silent_site():
    """A 'site' that passes the reachability check and then never answers, so the nightly waits in discovery
    for as long as the test needs it alive."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), AnswersOnlyTheCheck)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        AnswersOnlyTheCheck.released.set()
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_the_temporary_prefect_server_dies_with_a_killed_command(silent_site, tmp_path):
    environment = {
        **{name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"},
        "PYTHONPATH": str(PROJECT),
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "OFSTED_HOME": str(tmp_path / "data"),
        "OFSTED_REPORTS_URL": silent_site,
        "OFSTED_FILES_URL": silent_site,
        "OFSTED_READ_TIMEOUT": "600",
    }
    command = subprocess.Popen([sys.executable, "-m", "flows.cli", "nightly"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = None
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while (server := listening_child(command)) is None and time.monotonic() < deadline:
            assert command.poll() is None, "the nightly ended before its Prefect server was up"
            time.sleep(POLL_SECONDS)
        assert server is not None, f"no Prefect server listening after {SERVER_START_SECONDS} s"
        command.send_signal(signal.SIGKILL)
        command.wait()
        gone, alive = psutil.wait_procs([server], timeout=SERVER_EXIT_SECONDS)
        assert alive == [], f"the temporary Prefect server (pid {server.pid}) outlived its killed command"
    finally:  # never leave either behind, whatever failed
        if command.poll() is None:
            command.kill()
            command.wait()
        if server is not None and server.is_running():
            server.kill()


def test_a_configured_prefect_server_is_used_and_nothing_is_started(monkeypatch):
    from flows.prefect_server import prefect_api

    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    before = {child.pid for child in psutil.Process().children()}
    with prefect_api() as url:
        assert url == "http://prefect.example:4200/api"
        assert {child.pid for child in psutil.Process().children()} == before


@pytest.mark.parametrize(
    "flags, api_url, expected",
    [
        pytest.param([], None, False, id="no-server-plain-steps"),
        pytest.param([], "http://127.0.0.1:4200/api", True, id="a-server-shows-the-run"),
        pytest.param(["--with-prefect"], None, True, id="asked-for"),
        pytest.param(["--without-prefect"], "http://127.0.0.1:4200/api", False, id="refused"),
    ],
)
def test_ingest_runs_as_a_flow_only_where_a_prefect_server_shows_it(flags, api_url, expected, monkeypatch):
    from flows.cli import build_parser
    from flows.commands.ingest import uses_prefect

    if api_url:
        monkeypatch.setenv("PREFECT_API_URL", api_url)
    else:
        monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert uses_prefect(build_parser().parse_args(["ingest", "x.pdf", *flags])) is expected
