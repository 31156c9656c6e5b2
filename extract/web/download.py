"""The polite HTTP client: the only code that fetches from the Ofsted site.

One requests.Session with an honest User-Agent; connect and read timeouts; a global rate limit shared by all
threads; retries of each request with exponential backoff on broken connections, timeouts, cut-short bodies, 403 (the
live site answers some requests so now and then), 429 and 5xx (honouring Retry-After, in seconds or as an HTTP
date), never on 404; only the configured Ofsted hosts, redirects included (followed by our own loop, each hop
checked before it is contacted); report bodies checked (`%PDF-`, Content-Type, a size cap) before anyone stores or
parses them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from extract.web.config import SiteConfig, netloc_of, without_credentials
from extract.web.exceptions import (
    CredentialsInUrl,
    DownloadError,
    HostNotAllowed,
    NotAPdfResponse,
    NotFound,
    RedirectRefused,
    TooLarge,
    TransientDownloadError,
)
from extract.web.ratelimit import RateLimiter

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
PDF_CONTENT_TYPES = frozenset({"application/pdf", "application/octet-stream", "binary/octet-stream"})
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FORBIDDEN = 403  # intermittent on the live site (a scraper added retries for it): retried
TOO_MANY_REQUESTS = 429
NOT_FOUND = 404
GONE = 410
SERVER_ERRORS = range(500, 600)
CHUNK_BYTES = 64 * 1024
# The site redirects at most once or twice (http -> https, a moved page); more is a loop or a misconfiguration.
MAX_REDIRECTS = 5


def is_allowed(url: str, config: SiteConfig) -> bool:
    try:
        return url.lower().startswith(("http://", "https://")) and netloc_of(url) in config.allowed_hosts
    except ValueError:  # a malformed port
        return False


def has_credentials(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.username is not None or parts.password is not None
    except ValueError:
        return False


def require_allowed(url: str, config: SiteConfig) -> None:
    """Refuse, before any connection, an address off the configured hosts or one carrying credentials."""
    if has_credentials(url):
        raise CredentialsInUrl(
            without_credentials(url), "addresses with a user name or password are refused (the Ofsted site needs "
            "none, and they would be stored in the run's records); give the address without them"
        )
    if not is_allowed(url, config):
        hosts = ", ".join(config.allowed_hosts)
        raise HostNotAllowed(
            url, f"not an Ofsted address this pipeline fetches from (allowed hosts: {hosts}; "
            "set OFSTED_REPORTS_URL / OFSTED_FILES_URL to change them)"
        )


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds to wait: either delta-seconds or an HTTP date. None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class PoliteClient:
    def __init__(
        self,
        config: SiteConfig,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.config = config
        self._sleep = sleep
        self.limiter = RateLimiter(config.requests_per_second, sleep=sleep)
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        # Connection pool sized to the download threads, so threads do not queue for sockets.
        adapter = HTTPAdapter(pool_connections=2, pool_maxsize=config.download_threads, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.requests_sent = 0

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def get_html(self, url: str) -> str:
        data, _ = self._get_with_retries(url, self._read_html)
        return data

    def get_pdf(self, url: str) -> bytes:
        data, _ = self._get_with_retries(url, self._read_pdf)
        return data

    def _get_with_retries(self, url: str, read: Callable[[str, requests.Response], object]):
        require_allowed(url, self.config)
        for attempt in range(1, self.config.attempts + 1):
            try:
                return self._get_once(url, read), attempt
            except DownloadError as exc:
                if not exc.retryable or attempt == self.config.attempts:
                    raise
                wait = self._backoff(attempt, getattr(exc, "retry_after", None))
                if wait is None:
                    raise
                log.info("retrying %s in %.2fs (attempt %d of %d): %s", url, wait, attempt + 1,
                         self.config.attempts, exc.reason)
                self._sleep(wait)
        raise AssertionError("unreachable: the loop returns or raises")

    def _backoff(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to wait before the next attempt; None when the site asks for longer than we will wait."""
        if retry_after is not None:
            return retry_after if retry_after <= self.config.max_backoff_seconds else None
        return min(self.config.backoff_seconds * 2 ** (attempt - 1), self.config.max_backoff_seconds)

    def _get_once(self, url: str, read: Callable[[str, requests.Response], object]):
        """One attempt: the request and the redirects it leads to, each hop checked before it is contacted."""
        timeout = (self.config.connect_timeout, self.config.read_timeout)
        visited = [url]
        try:
            for _ in range(MAX_REDIRECTS + 1):
                self.limiter.acquire()
                self.requests_sent += 1
                with self.session.get(visited[-1], timeout=timeout, stream=True, allow_redirects=False) as response:
                    if not response.is_redirect:
                        check_status(url, response)
                        return read(url, response)
                    visited.append(self._next_hop(url, visited, response.headers["Location"]))
            raise RedirectRefused(url, f"more than {MAX_REDIRECTS} redirects ({' -> '.join(visited)}); "
                                  "the site may be misconfigured: try again later")
        except requests.Timeout:
            raise TransientDownloadError(url, f"no answer within {self.config.read_timeout:g}s (timed out)") from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise TransientDownloadError(url, f"connection broken ({type(exc).__name__})") from None

    def _next_hop(self, url: str, visited: list[str], location: str) -> str:
        """Where a redirect leads, refused unless it stays on the configured hosts and goes somewhere new."""
        target = urljoin(visited[-1], location)
        try:
            require_allowed(target, self.config)
        except DownloadError as exc:
            raise RedirectRefused(url, f"the site redirected to {exc.url}, which was not followed: {exc.reason}") from None
        if target in visited:
            raise RedirectRefused(url, f"redirect loop ({' -> '.join(visited + [target])}); the site may be "
                                  "misconfigured: try again later")
        return target

    def _read_html(self, url: str, response: requests.Response) -> str:
        body = self._read_body(url, response)
        return body.decode(response.encoding or "utf-8", errors="replace")

    def _read_pdf(self, url: str, response: requests.Response) -> bytes:
        content_type = media_type(response.headers.get("Content-Type"))
        if content_type and content_type not in PDF_CONTENT_TYPES:
            raise NotAPdfResponse(
                url, f"the site sent {content_type} instead of a PDF (often a maintenance or error page); "
                "it will be tried again on the next run"
            )
        body = self._read_body(url, response)
        if not body.startswith(PDF_MAGIC):
            raise NotAPdfResponse(url, f"the body does not start with {PDF_MAGIC.decode()} so it is not a PDF; "
                                  "it will be tried again on the next run")
        return body

    def _read_body(self, url: str, response: requests.Response) -> bytes:
        cap = self.config.max_pdf_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise TooLarge(url, f"{int(declared)} bytes is over the {cap}-byte cap (OFSTED_MAX_PDF_BYTES)")
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > cap:
                raise TooLarge(url, f"more than {cap} bytes, over the cap (OFSTED_MAX_PDF_BYTES)")
            chunks.append(chunk)
        if declared and declared.isdigit() and int(declared) != size:
            raise TransientDownloadError(url, f"body cut short: {size} of {declared} bytes arrived")
        return b"".join(chunks)


def check_status(url: str, response: requests.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status in (NOT_FOUND, GONE):
        raise NotFound(url, f"HTTP {status}: the site has no such page or file")
    if status in (FORBIDDEN, TOO_MANY_REQUESTS) or status in SERVER_ERRORS:
        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
        raise TransientDownloadError(url, f"HTTP {status} from the site", retry_after=retry_after)
    raise DownloadError(url, f"HTTP {status} from the site")


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()
