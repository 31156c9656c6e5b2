"""The fake Ofsted site: two threaded HTTP servers on 127.0.0.1 (reports host, files host) on ephemeral ports.

Tests drive it with:
- `fail(path, kind, times=...)`: inject a fault on a path (500, 403, 429 with Retry-After, a stall past the
  client's timeout, a truncated body, HTML instead of a PDF, 404, the JavaScript-only provider page, the
  files host's "Report not found" page, a 302 to `location=`) for the next `times` requests (None: always);
- `filters`: which page types each search filter lists (a test can make a filter code list the wrong kind);
  `date_filter`: whether the listing honours `latest_report_date_start`;
- `hide(file_id)` / `publish(file_id, on=day)`: keep a report off its provider page until it is "published";
- `requests`: every (host, path) served, to count what a run fetched.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.fake_site import pages
from tests.fake_site.catalogue import FakeProvider, FakeReport

MAX_ROWS = 100
# Search filters as the real site's query string carries them: (level_1, level_2[], level_3[]) -> the page
# types listed. The primary listing also lists special, independent and boarding schools, as the real one does.
FILTERS = {
    ("3", ("12",), ()): {"44"},
    ("3", ("8",), ()): {"2"},
    ("1", ("1",), ()): {"21", "25", "27", "1"},
    ("1", ("2",), ()): {"23"},
    ("1", (), ("1",)): {"25"},
    ("1", (), ("5",)): {"27"},
    ("1", (), ("6",)): {"1"},
    ("1", ("3",), ()): {"46"},
    ("2", (), ()): {"16", "17"},
}
SEARCH_DATE_FORMAT = "%d-%m-%Y"
FAULT_KINDS = ("500", "403", "429", "timeout", "truncate", "html", "404", "js-shell", "report-not-found", "redirect")


@dataclass
class Fault:
    kind: str
    times: int | None = 1  # how many requests it hits; None: every one
    retry_after: str = "0"  # for 429: the Retry-After header, seconds or an HTTP date
    stall_seconds: float = 2.0  # for timeout: how long to sit before answering
    location: str = ""  # for redirect: the Location header of the 302


class FakeOfstedSite:
    def __init__(self, providers: dict[str, FakeProvider]):
        self.providers = providers
        self.reports = {r.file_id: r for p in providers.values() for r in p.reports}
        self._lock = threading.Lock()
        self.reset()
        self._servers = [self._serve("reports"), self._serve("files")]
        self.reports_url = f"http://127.0.0.1:{self._servers[0].server_address[1]}"
        self.files_url = f"http://127.0.0.1:{self._servers[1].server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.faults: dict[str, Fault] = {}
            self.hidden: set[str] = set()
            self.published_on: dict[str, date] = {}
            self.requests: list[tuple[str, str]] = []
            self.queries: list[dict[str, list[str]]] = []  # every search's query, in order
            self.user_agents: set[str] = set()
            self.filters = {key: set(types) for key, types in FILTERS.items()}
            self.date_filter = True  # False: ignore latest_report_date_start (but still sort), like a site that dropped it

    def close(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    # --- test controls -------------------------------------------------------------------------------------
    def fail(self, path: str, kind: str, times: int | None = 1, **options) -> None:
        assert kind in FAULT_KINDS, kind
        self.faults[path] = Fault(kind, times, **options)

    def hide(self, file_id: str) -> None:
        self.hidden.add(file_id)

    def publish(self, file_id: str, on: date) -> None:
        self.hidden.discard(file_id)
        self.published_on[file_id] = on

    def file_url(self, file_id: str) -> str:
        return f"{self.files_url}/v1/file/{file_id}"

    def count(self, host: str, prefix: str = "/") -> int:
        return sum(1 for h, p in list(self.requests) if h == host and p.startswith(prefix))

    def hits(self) -> Counter:
        return Counter(list(self.requests))

    # --- what the site shows -------------------------------------------------------------------------------
    def visible(self, provider: FakeProvider) -> list[tuple[FakeReport, date | None]]:
        return [(r, self.published_on.get(r.file_id, r.published)) for r in provider.reports
                if r.file_id not in self.hidden]

    def latest(self, provider: FakeProvider) -> date | None:
        return max((d for _, d in self.visible(provider) if d), default=None)

    def search(self, query: dict[str, list[str]]) -> str:
        key = (query.get("level_1_types", [""])[0], tuple(sorted(query.get("level_2_types[]", []))),
               tuple(sorted(query.get("level_3_types[]", []))))
        page_types = self.filters.get(key, set())  # a filter the site does not know lists nothing
        start = int(query.get("start", ["0"])[0])
        rows = min(int(query.get("rows", ["10"])[0]), MAX_ROWS)
        matches = [(p, self.latest(p)) for p in sorted(self.providers.values(), key=lambda p: p.name)
                   if p.page_type in page_types]
        since = query.get("latest_report_date_start", [""])[0]
        if since and self.date_filter:
            day = datetime.strptime(since, SEARCH_DATE_FORMAT).date()
            matches = [(p, latest) for p, latest in matches if latest is not None and latest >= day]
        if query.get("sort", [""])[0] == "date":
            matches.sort(key=lambda pair: pair[1] or date.min, reverse=query.get("order", [""])[0] == "desc")
        next_href = None
        if start + rows < len(matches):
            following = {name: values for name, values in query.items() if name != "start"}
            next_href = "/search?" + urlencode({**following, "start": [str(start + rows)]}, doseq=True)
        return pages.search_page(matches[start:start + rows], len(matches), start, rows, next_href)

    def _serve(self, host: str) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                site._handle(self, host)

        server = QuietServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name=f"fake-ofsted-{host}", daemon=True).start()
        return server

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            fault = self.faults.get(path)
            if fault is None:
                return None
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self.faults[path]
            return fault

    def _handle(self, handler: BaseHTTPRequestHandler, host: str) -> None:
        parts = urlsplit(handler.path)
        with self._lock:
            self.requests.append((host, parts.path))
            if parts.path == "/search":
                self.queries.append(parse_qs(parts.query, keep_blank_values=True))
            self.user_agents.add(handler.headers.get("User-Agent", ""))
        fault = self._take_fault(parts.path)
        if fault is not None and self._apply_fault(handler, fault):
            return
        status, content_type, body = self._route(host, parts.path, parse_qs(parts.query, keep_blank_values=True))
        if fault is not None and fault.kind == "truncate":
            send(handler, status, content_type, body[: len(body) // 2], declared_length=len(body))
            handler.close_connection = True
            return
        send(handler, status, content_type, body)

    def _apply_fault(self, handler: BaseHTTPRequestHandler, fault: Fault) -> bool:
        """Answer for the fault; False when the fault changes the normal answer instead (truncate)."""
        if fault.kind == "500":
            send(handler, 500, "text/html", pages.error_page(500).encode())
        elif fault.kind == "429":
            send(handler, 429, "text/html", pages.error_page(429).encode(), {"Retry-After": fault.retry_after})
        elif fault.kind == "404":
            send(handler, 404, "text/html", pages.error_page(404).encode())
        elif fault.kind == "403":
            send(handler, 403, "text/html", pages.error_page(403).encode())
        elif fault.kind == "js-shell":
            send(handler, 200, "text/html; charset=utf-8", pages.javascript_shell().encode())
        elif fault.kind == "report-not-found":
            send(handler, 200, "text/html; charset=utf-8", pages.report_not_found().encode())
        elif fault.kind == "redirect":
            send(handler, 302, "text/html", b"", {"Location": fault.location})
        elif fault.kind == "html":
            send(handler, 200, "text/html; charset=utf-8", pages.error_page(503).encode())
        elif fault.kind == "timeout":
            time.sleep(fault.stall_seconds)
            handler.close_connection = True
        else:
            return False
        return True

    def _route(self, host: str, path: str, query: dict[str, list[str]]) -> tuple[int, str, bytes]:
        segments = [s for s in path.split("/") if s]
        if host == "reports" and segments == ["search"]:
            return 200, "text/html; charset=utf-8", self.search(query).encode()
        if host == "reports" and len(segments) == 3 and segments[0] == "provider":
            provider = self.providers.get(segments[2])
            if provider is not None and provider.page_type == segments[1]:
                page = pages.provider_page(provider, self.visible(provider), self.files_url)
                return 200, "text/html; charset=utf-8", page.encode()
        if host == "files" and len(segments) == 3 and segments[:2] == ["v1", "file"]:
            report = self.reports.get(segments[2])
            if report is not None and report.file_id not in self.hidden:
                data = report.body()
                # The corpus holds one HTML page saved as .pdf: serve it as the HTML it is.
                content_type = "application/pdf" if data.startswith(b"%PDF-") else "text/html; charset=utf-8"
                return 200, content_type, data
        return 404, "text/html", pages.error_page(404).encode()


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that hangs up early (it refused a body, or timed out) is part of the tests, not an error."""
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes,
         headers: dict[str, str] | None = None, declared_length: int | None = None) -> None:
    try:
        handler.send_response(status, HTTPStatus(status).phrase)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(declared_length if declared_length is not None else len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up (a timeout test): nothing to answer
