"""Is the Ofsted site there at all? One quick request to each configured host before a run starts.

Offline, a run would otherwise spend minutes on retries and timeouts (every attempt of every request) before
saying anything useful. Any HTTP answer, even an error status, means the host is reachable; only a connection
that fails or stays silent for OFSTED_CHECK_TIMEOUT seconds stops the run, with one line saying what to do.
"""

from __future__ import annotations

import requests

from extract.web.config import SiteConfig, netloc_of
from extract.web.exceptions import SiteUnreachable

WHAT_TO_DO = (
    "check the network, set OFSTED_REPORTS_URL / OFSTED_FILES_URL if the site has moved, or load local PDFs "
    "offline with `ofsted ingest PATH...`"
)


def check_reachable(config: SiteConfig, session: requests.Session | None = None) -> None:
    """Raise SiteUnreachable naming the first configured host that does not answer within check_timeout."""
    session = session or requests.Session()
    timeout = (config.check_timeout, config.check_timeout)
    try:
        for url in dict.fromkeys((config.reports_url, config.files_url)):
            try:
                session.head(url, timeout=timeout, allow_redirects=False, headers={"User-Agent": config.user_agent})
            except requests.Timeout:
                raise SiteUnreachable(url, f"cannot reach the Ofsted site at {netloc_of(url)}: no answer within "
                                      f"{config.check_timeout:g} s (OFSTED_CHECK_TIMEOUT); {WHAT_TO_DO}") from None
            except requests.ConnectionError as exc:
                raise SiteUnreachable(url, f"cannot reach the Ofsted site at {netloc_of(url)} ({reason_of(exc)}); "
                                      f"{WHAT_TO_DO}") from None
    finally:
        session.close()


def reason_of(exc: requests.ConnectionError) -> str:
    """The short cause (refused, name not known, ...) from the chain of exceptions requests wraps."""
    text = str(exc)
    for cause in ("Connection refused", "Name or service not known", "Temporary failure in name resolution",
                  "No route to host", "Network is unreachable"):
        if cause in text:
            return cause.lower()
    return "connection failed"
