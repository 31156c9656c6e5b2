"""The polite client against the fake site: retries where they help, never where they cannot, checks bodies."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from extract.web.download import PoliteClient, retry_after_seconds
from extract.web.exceptions import HostNotAllowed, NotAPdfResponse, NotFound, TooLarge, TransientDownloadError
from extract.web.ratelimit import RateLimiter
from tests.fake_site.fixtures import fast_config

FILE_ID = "50282345"
FILE_PATH = f"/v1/file/{FILE_ID}"


class RecordingSleep:
    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def client(tiny_site):
    with PoliteClient(fast_config(tiny_site)) as client:
        yield client


def test_fetches_a_pdf_with_an_honest_user_agent(tiny_site, client):
    data = client.get_pdf(tiny_site.file_url(FILE_ID))
    assert data.startswith(b"%PDF-")
    (agent,) = tiny_site.user_agents
    assert agent.startswith("ofsted-reports-pipeline/")


@pytest.mark.parametrize(
    "kind, options",
    [
        pytest.param("500", {}, id="server-error"),
        pytest.param("429", {"retry_after": "0"}, id="too-many-requests"),
        pytest.param("timeout", {"stall_seconds": 1.0}, id="timeout"),
        pytest.param("truncate", {}, id="truncated-body"),
    ],
)
def test_transient_faults_are_retried_until_the_file_arrives(tiny_site, client, kind, options):
    tiny_site.fail(FILE_PATH, kind, times=2, **options)
    assert client.get_pdf(tiny_site.file_url(FILE_ID)).startswith(b"%PDF-")
    assert tiny_site.count("files", FILE_PATH) == 3


def test_transient_faults_give_up_after_the_configured_attempts(tiny_site, client):
    tiny_site.fail(FILE_PATH, "500", times=None)
    with pytest.raises(TransientDownloadError, match="HTTP 500"):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert tiny_site.count("files", FILE_PATH) == client.config.attempts


def test_retry_after_is_honoured(tiny_site):
    sleep = RecordingSleep()
    tiny_site.fail(FILE_PATH, "429", times=1, retry_after="1")
    with PoliteClient(fast_config(tiny_site), sleep=sleep) as client:
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert 1.0 in sleep.waits


def test_a_retry_after_longer_than_we_wait_ends_the_attempts_now(tiny_site):
    tiny_site.fail(FILE_PATH, "429", times=1, retry_after="3600")
    with PoliteClient(fast_config(tiny_site, max_backoff_seconds=60), sleep=RecordingSleep()) as client:
        with pytest.raises(TransientDownloadError, match="HTTP 429"):
            client.get_pdf(tiny_site.file_url(FILE_ID))
    assert tiny_site.count("files", FILE_PATH) == 1


def test_backoff_doubles_between_attempts(tiny_site):
    sleep = RecordingSleep()
    tiny_site.fail(FILE_PATH, "500", times=None)
    config = fast_config(tiny_site, attempts=4, backoff_seconds=0.5, max_backoff_seconds=1.5)
    with PoliteClient(config, sleep=sleep) as client, pytest.raises(TransientDownloadError):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert [w for w in sleep.waits if w >= 0.5] == [0.5, 1.0, 1.5]


def test_404_is_never_retried(tiny_site, client):
    tiny_site.fail(FILE_PATH, "404", times=None)
    with pytest.raises(NotFound, match="HTTP 404"):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert tiny_site.count("files", FILE_PATH) == 1


def test_html_instead_of_a_pdf_is_refused_before_storing(tiny_site, client):
    tiny_site.fail(FILE_PATH, "html", times=1)
    with pytest.raises(NotAPdfResponse, match="sent text/html instead of a PDF"):
        client.get_pdf(tiny_site.file_url(FILE_ID))


def test_bodies_over_the_size_cap_are_refused(tiny_site):
    with PoliteClient(fast_config(tiny_site, max_pdf_bytes=16)) as client:
        with pytest.raises(TooLarge, match="over the 16-byte cap"):
            client.get_pdf(tiny_site.file_url(FILE_ID))


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://example.com/v1/file/1", id="other-host"),
        pytest.param("http://127.0.0.1:1/v1/file/1", id="same-host-other-port"),
        pytest.param("file:///etc/passwd", id="not-http"),
    ],
)
def test_addresses_outside_the_ofsted_hosts_are_never_fetched(client, url):
    with pytest.raises(HostNotAllowed, match="not an Ofsted address this pipeline fetches from"):
        client.get_pdf(url)
    assert client.requests_sent == 0


@pytest.mark.parametrize(
    "header, expected",
    [
        pytest.param("7", 7.0, id="seconds"),
        pytest.param("Wed, 21 Oct 2026 07:28:10 GMT", 10.0, id="http-date"),
        pytest.param("Wed, 21 Oct 2026 07:27:00 GMT", 0.0, id="date-in-the-past"),
        pytest.param("soon", None, id="unreadable"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_retry_after_header(header, expected):
    now = datetime(2026, 10, 21, 7, 28, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(header, now=now) == expected


def test_rate_limiter_spaces_requests_at_the_configured_rate():
    clock = [0.0]
    waits: list[float] = []

    def sleep(seconds):
        waits.append(seconds)
        clock[0] += seconds

    limiter = RateLimiter(rate=2.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(5):
        limiter.acquire()
    assert clock[0] == pytest.approx(2.0)  # five requests at 2/s: the first at once, then every 0.5 s
