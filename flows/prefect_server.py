"""A temporary Prefect server that never outlives the command that started it.

With no PREFECT_API_URL, Prefect starts its own temporary server (a uvicorn subprocess, ~190 MB) and stops it
at exit; but a command that crashes hard or is killed (kill -9, the OOM killer) leaves that server running
for good. Commands that need Prefect therefore start the same server themselves, as a child that the kernel
stops when the command dies (Linux's parent-death signal), and point PREFECT_API_URL at it. With
PREFECT_API_URL set, nothing is started: flows report to that server.

Elsewhere than Linux there is no parent-death signal: the server is stopped at exit, as Prefect's own is.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from extract.web.config import ConfigError

API_URL_VARIABLE = "PREFECT_API_URL"
STARTUP_TIMEOUT_VARIABLE = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
DEFAULT_STARTUP_TIMEOUT_SECONDS = 120.0
HEALTH_POLL_SECONDS = 0.2
STOP_TIMEOUT_SECONDS = 10
# What Prefect's own temporary server runs with: no UI, and the ephemeral server's settings.
SERVER_ENVIRONMENT = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def parent_death_signal(parent: int):
    """What the child runs before it starts: ask the kernel for SIGTERM when `parent` dies, however it dies.

    prctl is looked up here, in the parent: the child, forked from a process that may run threads, only calls.
    """
    prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None

    def in_child() -> None:
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return in_child


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(port: int) -> list[str]:
    # Located without importing Prefect: its settings must be read after PREFECT_API_URL is set.
    prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent
    return [
        sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
        "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]


def wait_until_healthy(process: subprocess.Popen, api_url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ConfigError(
                f"the temporary Prefect server stopped at start (exit code {process.returncode}); start one with "
                "`prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api"
            )
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=HEALTH_POLL_SECONDS * 5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(HEALTH_POLL_SECONDS)
    raise ConfigError(
        f"the temporary Prefect server did not answer within {timeout:.0f} s (raise {STARTUP_TIMEOUT_VARIABLE}, "
        "or start one with `prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api)"
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def prefect_api() -> Iterator[str]:
    """PREFECT_API_URL while the block runs: the one configured, else a temporary server tied to this process.

    Enter it before Prefect is imported (Prefect reads its settings once, at import).
    """
    configured = os.environ.get(API_URL_VARIABLE)
    if configured:
        yield configured
        return
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    process = subprocess.Popen(
        server_command(port),
        env={**os.environ, **SERVER_ENVIRONMENT},
        preexec_fn=parent_death_signal(os.getpid()),  # noqa: PLW1509 - only prctl and getppid run in the child
    )
    try:
        wait_until_healthy(
            process, api_url, float(os.environ.get(STARTUP_TIMEOUT_VARIABLE) or DEFAULT_STARTUP_TIMEOUT_SECONDS)
        )
        os.environ[API_URL_VARIABLE] = api_url
        yield api_url
    finally:
        os.environ.pop(API_URL_VARIABLE, None)
        stop(process)
