"""Errors raised while fetching pages and report files from the Ofsted site."""


class DownloadError(Exception):
    """A page or report file could not be fetched from the Ofsted site. The message is shown to users as-is.

    `retryable` says whether trying again within this run may help (a 5xx, a 429, a timeout, a broken
    connection or a cut-short body); terminal errors (404, a body that is not a PDF, a file over the size cap)
    are not retried in the run. Every DownloadError is recorded as a failure and tried again on the next run.
    """

    retryable: bool = False

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class TransientDownloadError(DownloadError):
    retryable = True

    def __init__(self, url: str, reason: str, retry_after: float | None = None):
        super().__init__(url, reason)
        self.retry_after = retry_after  # seconds the site asked us to wait (429/503 Retry-After), if it said


class NotFound(DownloadError):
    """404: the site says the address does not exist; retrying now cannot help."""


class NotAPdfResponse(DownloadError):
    """The site answered a report address with something other than a PDF (often an HTML error page)."""


class TooLarge(DownloadError):
    """The body is larger than the configured size cap."""


class HostNotAllowed(DownloadError):
    """An address outside the configured Ofsted hosts: never fetched."""


class ReportNotFound(DownloadError):
    """The files host answered with its "Report not found" page (status 200, HTML): the file id is gone.

    It may come back (the site has been seen to answer so while a file is replaced), so it is tried again on a
    few nights before it is recorded as a permanent failure and no longer asked for.
    """


class ListingMismatch(DownloadError):
    """A search listing holds providers of another kind than its filter should select: the filter code is
    wrong (or the site changed it). The run stops rather than load the wrong providers."""


class PageUnreadable(DownloadError):
    """A page arrived but lacks what every page of its kind has (a provider page without its timeline)."""
class RedirectRefused(DownloadError):
    """A redirect to somewhere this pipeline does not fetch from, or one redirect too many (a loop): the
    address it leads to is never contacted."""


class CredentialsInUrl(DownloadError):
    """An address carrying a user name or password: refused, and never stored or printed with them."""


class SiteUnreachable(DownloadError):
    """The configured Ofsted host does not answer at all (offline, wrong address): the run stops before it
    starts. The message names the host and what to do."""

    def __str__(self) -> str:
        return self.reason  # it names the host already; the URL would only repeat it
