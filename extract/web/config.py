"""How the pipeline talks to the Ofsted site: addresses, politeness and limits, from environment variables.

Every value has a default suited to the real site; tests point the two addresses at a local fake site and
raise the rate limit so they run fast. A bad value is refused when the settings are built, naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urlsplit

DEFAULT_REPORTS_URL = "https://reports.ofsted.gov.uk"
DEFAULT_FILES_URL = "https://files.ofsted.gov.uk"
PROJECT_NAME = "ofsted-reports-pipeline"
DISTRIBUTION = "ofsted-reports"
MIB = 1024 * 1024


def project_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # running from a checkout that was never pip-installed
        return "dev"


class ConfigError(ValueError):
    """A configuration variable has a value the pipeline cannot use; the message names it."""


@dataclass(frozen=True)
class SiteConfig:
    reports_url: str = DEFAULT_REPORTS_URL
    files_url: str = DEFAULT_FILES_URL
    requests_per_second: float = 2.0  # global, shared by every download thread
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    check_timeout: float = 5.0  # the reachability check before a run: offline should fail in seconds, not minutes
    attempts: int = 5  # per request, counting the first
    backoff_seconds: float = 2.0  # first wait; doubles each retry
    max_backoff_seconds: float = 120.0  # longest single wait, Retry-After included
    max_pdf_bytes: int = 50 * MIB
    search_rows: int = 100  # the site serves at most 100 results a page
    download_threads: int = 4
    contact: str = ""  # added to the User-Agent so the site's operators can reach whoever runs this copy

    def __post_init__(self) -> None:
        for name in ("reports_url", "files_url"):
            parts = urlsplit(getattr(self, name))
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ConfigError(f"OFSTED_{name.upper()} must be an http(s) address, got {getattr(self, name)!r}")
        positive = ("requests_per_second", "connect_timeout", "read_timeout", "check_timeout", "attempts",
                    "max_pdf_bytes", "search_rows", "download_threads")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ConfigError(f"{ENV_NAMES[name]} must be greater than 0, got {getattr(self, name)}")
        if self.backoff_seconds < 0 or self.max_backoff_seconds < 0:
            raise ConfigError("OFSTED_BACKOFF_SECONDS and OFSTED_MAX_BACKOFF_SECONDS cannot be negative")

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"{PROJECT_NAME}/{project_version()} (Ofsted reports to a DuckDB warehouse{contact})"

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        """host[:port] of the two configured addresses: the only places the pipeline fetches from."""
        return tuple(dict.fromkeys(netloc_of(url) for url in (self.reports_url, self.files_url)))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SiteConfig:
        environ = os.environ if environ is None else environ
        values = {}
        for field_name, env_name in ENV_NAMES.items():
            raw = environ.get(env_name)
            if raw is None or raw == "":
                continue
            kind = type(getattr(cls, field_name))
            try:
                values[field_name] = kind(raw.rstrip("/") if kind is str else raw)
            except ValueError:
                raise ConfigError(f"{env_name} must be a {kind.__name__}, got {raw!r}") from None
        return cls(**values)


ENV_NAMES = {
    "reports_url": "OFSTED_REPORTS_URL",
    "files_url": "OFSTED_FILES_URL",
    "requests_per_second": "OFSTED_REQUESTS_PER_SECOND",
    "connect_timeout": "OFSTED_CONNECT_TIMEOUT",
    "read_timeout": "OFSTED_READ_TIMEOUT",
    "check_timeout": "OFSTED_CHECK_TIMEOUT",
    "attempts": "OFSTED_ATTEMPTS",
    "backoff_seconds": "OFSTED_BACKOFF_SECONDS",
    "max_backoff_seconds": "OFSTED_MAX_BACKOFF_SECONDS",
    "max_pdf_bytes": "OFSTED_MAX_PDF_BYTES",
    "search_rows": "OFSTED_SEARCH_ROWS",
    "download_threads": "OFSTED_DOWNLOAD_THREADS",
    "contact": "OFSTED_CONTACT",
}


def netloc_of(url: str) -> str:
    """host:port with the scheme's default port made explicit, so http://h and http://h:80 compare equal."""
    parts = urlsplit(url)
    default_port = {"http": 80, "https": 443}.get(parts.scheme)
    port = parts.port or default_port
    return f"{(parts.hostname or '').lower()}:{port}"


def without_credentials(url: str) -> str:
    """The address with any user:password@ part masked, safe to print and to store."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"***@{host}").geturl()
