"""Drive headless Chromium over the DevTools protocol to open a page, watch it load, and take screenshots.

A test-only helper with no dependency beyond `websockets` (already installed with Prefect): Chromium listens on
a loopback port it picks itself and writes to DevToolsActivePort in its profile folder.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM_NAMES = ("chromium", "chromium-browser")
# The flags the issue asks for: no sandbox (CI runs as root), and nothing that reaches the network by itself.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
STARTUP_TIMEOUT_SECONDS = 30
COMMAND_TIMEOUT_SECONDS = 60
POLL_SECONDS = 0.05


def find_chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


@dataclass
class PageEvents:
    """What the page did while it loaded: console errors, uncaught exceptions, every URL it requested."""

    errors: list[str] = field(default_factory=list)
    requested_urls: list[str] = field(default_factory=list)

    def record(self, method: str, params: dict) -> None:
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in params["args"]))
        elif method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "uncaught exception"))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(f"{params['entry']['source']}: {params['entry']['text']}")
        elif method == "Network.requestWillBeSent":
            self.requested_urls.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            self.errors.append(f"failed to load: {params.get('errorText')}")


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str, profile_dir: Path, width: int, height: int):
        self.executable = executable
        self.profile_dir = profile_dir
        self.width, self.height = width, height
        self.events = PageEvents()
        self._ids = itertools.count(1)

    def __enter__(self) -> Browser:
        self.process = subprocess.Popen(
            [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile_dir}",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port, path = self._wait_for_devtools()
            self.socket = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=STARTUP_TIMEOUT_SECONDS)
            target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop()

    def _stop(self) -> None:
        if hasattr(self, "socket"):
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _wait_for_devtools(self) -> tuple[str, str]:
        active_port = self.profile_dir / "DevToolsActivePort"
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.executable} exited with code {self.process.returncode} at startup")
            lines = active_port.read_text().splitlines() if active_port.is_file() else []
            if len(lines) >= 2:
                return lines[0], lines[1]
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"{self.executable} did not open its DevTools port within {STARTUP_TIMEOUT_SECONDS} s")

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        message_id = next(self._ids)
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = self._receive()
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"DevTools {method} failed: {reply['error']}")
                return reply["result"]

    def _receive(self) -> dict:
        reply = json.loads(self.socket.recv(timeout=COMMAND_TIMEOUT_SECONDS))
        if "method" in reply:
            self.events.record(reply["method"], reply.get("params", {}))
            self.last_event = reply["method"]
        return reply

    def call(self, method: str, params: dict | None = None) -> dict:
        return self._send(method, params, session=self.session)

    def open(self, url: str) -> None:
        """Navigate and return once the page's load event has fired."""
        self.last_event = None
        self.call("Page.navigate", {"url": url})
        while self.last_event != "Page.loadEventFired":
            self._receive()

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """The viewport as it is now (scroll first to show another part of the page)."""
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path
