"""Redirects are followed by our own loop: every hop is checked against the configured hosts before it is
contacted, and anything else (another host or port, file://, a loop, credentials) is a clear refusal."""

from __future__ import annotations

import socket
import threading

import pytest

from extract.web.download import MAX_REDIRECTS, PoliteClient, require_allowed
from extract.web.exceptions import CredentialsInUrl, DownloadError, RedirectRefused
from flows.site_steps import fetch
from extract.web.rawstore import RawStore
from extract.web.site import ReportLink
from tests.fake_site.fixtures import fast_config

FILE_ID = "50282345"
OTHER_FILE_ID = "50175284"
FILE_PATH = f"/v1/file/{FILE_ID}"


class Listener:
    """A port that records whether anyone connected to it (the host a redirect must never reach)."""

    def __init__(self, host: str = "127.0.0.1"):
        self.socket = socket.create_server((host, 0))
        self.socket.settimeout(0.2)
        self.url = f"http://{host}:{self.socket.getsockname()[1]}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture(params=["127.0.0.1", "127.0.0.2"], ids=["another-port", "another-loopback-address"])
def listener(request):
    listening = Listener(request.param)
    yield listening
    listening.close()


@pytest.fixture
def client(tiny_site):
    with PoliteClient(fast_config(tiny_site)) as client:
        yield client


def test_a_redirect_within_the_configured_hosts_is_followed(tiny_site, client):
    tiny_site.fail(FILE_PATH, "redirect", location=f"/v1/file/{OTHER_FILE_ID}")
    assert client.get_pdf(tiny_site.file_url(FILE_ID)).startswith(b"%PDF-")
    assert tiny_site.count("files", f"/v1/file/{OTHER_FILE_ID}") == 1


def test_a_redirect_to_another_host_is_refused_before_connecting(tiny_site, client, listener):
    tiny_site.fail(FILE_PATH, "redirect", location=f"{listener.url}/stolen", times=None)
    with pytest.raises(RedirectRefused, match=f"redirected to {listener.url}/stolen, which was not followed"):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert listener.connections == 0
    assert tiny_site.count("files", FILE_PATH) == 1  # a refusal is final: not retried


def test_a_redirect_to_another_port_of_an_allowed_host_is_refused(tiny_site, client):
    tiny_site.fail(FILE_PATH, "redirect", location="http://127.0.0.1:22/")
    with pytest.raises(RedirectRefused, match="127.0.0.1:22"):
        client.get_pdf(tiny_site.file_url(FILE_ID))


def test_a_redirect_to_a_local_file_is_refused(tiny_site, client):
    tiny_site.fail(FILE_PATH, "redirect", location="file:///etc/passwd")
    with pytest.raises(RedirectRefused, match="file:///etc/passwd"):
        client.get_pdf(tiny_site.file_url(FILE_ID))


def test_a_redirect_loop_is_refused(tiny_site, client):
    other = f"/v1/file/{OTHER_FILE_ID}"
    tiny_site.fail(FILE_PATH, "redirect", location=other, times=None)
    tiny_site.fail(other, "redirect", location=FILE_PATH, times=None)
    with pytest.raises(RedirectRefused, match="redirect loop"):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert tiny_site.count("files", FILE_PATH) == 1


def test_more_redirects_than_allowed_are_refused(tiny_site, client):
    hops = [f"/v1/file/{FILE_ID}/{n}" for n in range(MAX_REDIRECTS + 1)]
    tiny_site.fail(FILE_PATH, "redirect", location=hops[0])
    for here, there in zip(hops, hops[1:]):
        tiny_site.fail(here, "redirect", location=there)
    with pytest.raises(RedirectRefused, match=f"more than {MAX_REDIRECTS} redirects"):
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert tiny_site.count("files", hops[-1]) == 0


def test_a_refused_redirect_is_recorded_as_a_failure_not_a_traceback(tiny_site, client, listener, tmp_path):
    tiny_site.fail(FILE_PATH, "redirect", location=f"{listener.url}/x", times=None)
    link = ReportLink.bare(tiny_site.file_url(FILE_ID))
    fetched, problems = fetch(client, RawStore(tmp_path), [link])
    assert fetched == [] and [p.stage for p in problems] == ["download"]
    assert "not followed" in problems[0].error


def test_credentials_in_an_address_are_refused_and_never_repeated(tiny_site, client):
    url = tiny_site.file_url(FILE_ID).replace("http://", "http://alice:s3cret@")
    with pytest.raises(CredentialsInUrl) as refused:
        require_allowed(url, client.config)
    assert "s3cret" not in str(refused.value) and "alice" not in str(refused.value)
    assert "***@127.0.0.1" in str(refused.value)
    with pytest.raises(DownloadError):
        client.get_pdf(url)
    assert tiny_site.count("files") == 0


def test_a_redirect_to_an_address_with_credentials_is_refused(tiny_site, client):
    tiny_site.fail(FILE_PATH, "redirect", location=tiny_site.file_url(OTHER_FILE_ID).replace("//", "//u:p@"))
    with pytest.raises(RedirectRefused, match="user name or password") as refused:
        client.get_pdf(tiny_site.file_url(FILE_ID))
    assert "u:p@" not in str(refused.value)
