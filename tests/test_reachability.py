"""Offline, a site run stops in seconds with one line naming the host and what to do, before Prefect starts."""

from __future__ import annotations

import socket

import pytest

from extract.web.config import ConfigError, SiteConfig
from extract.web.exceptions import SiteUnreachable
from extract.web.reachability import check_reachable
from flows.cli import main
from tests.fake_site.fixtures import fast_config


def closed_port_url() -> str:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there once the server is closed


@pytest.fixture
def silent_url():
    """A host that accepts connections (the kernel completes them) but never answers a request."""
    with socket.create_server(("127.0.0.1", 0), backlog=16) as server:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


@pytest.fixture
def offline(monkeypatch, tmp_path):
    def point_at(url: str) -> None:
        monkeypatch.setenv("OFSTED_HOME", str(tmp_path))
        monkeypatch.delenv("OFSTED_DB", raising=False)
        monkeypatch.setenv("OFSTED_REPORTS_URL", url)
        monkeypatch.setenv("OFSTED_FILES_URL", url)
        monkeypatch.setenv("OFSTED_CHECK_TIMEOUT", "0.5")

        def prefect_must_not_start():
            raise AssertionError("Prefect was started although the site is unreachable")

        monkeypatch.setattr("flows.prefect_settings.apply_defaults", prefect_must_not_start)

    return point_at


def test_a_reachable_site_passes_the_check_whatever_it_answers(tiny_site):
    check_reachable(fast_config(tiny_site))  # the fake site answers HEAD with 501: reachable all the same
    assert tiny_site.count("reports") == 0


def test_a_closed_port_is_reported_as_unreachable_with_what_to_do():
    url = closed_port_url()
    with pytest.raises(SiteUnreachable) as unreachable:
        check_reachable(SiteConfig(reports_url=url, files_url=url, check_timeout=0.5))
    host = url.removeprefix("http://")
    assert str(unreachable.value) == (
        f"cannot reach the Ofsted site at {host} (connection refused); check the network, set OFSTED_REPORTS_URL "
        "/ OFSTED_FILES_URL if the site has moved, or load local PDFs offline with `ofsted ingest PATH...`"
    )


@pytest.mark.parametrize("command", [["nightly"], ["backfill", "--quiet"], ["refresh", "--urn", "80481"]])
def test_offline_site_commands_stop_in_one_line_before_prefect_starts(offline, capsys, command):
    url = closed_port_url()
    offline(url)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"ofsted {command[0]}: cannot reach the Ofsted site at {url.removeprefix('http://')}")
    assert "OFSTED_REPORTS_URL" in err and "ofsted ingest" in err


def test_a_site_that_never_answers_stops_the_nightly_after_the_check_timeout(offline, silent_url, capsys):
    offline(silent_url)
    assert main(["nightly"]) == 2
    err = capsys.readouterr().err
    assert f"cannot reach the Ofsted site at {silent_url.removeprefix('http://')}: no answer within 0.5 s" in err


def test_the_check_timeout_is_configurable_and_must_be_positive():
    assert SiteConfig.from_env({"OFSTED_CHECK_TIMEOUT": "2.5"}).check_timeout == 2.5
    with pytest.raises(ConfigError, match="OFSTED_CHECK_TIMEOUT must be greater than 0"):
        SiteConfig.from_env({"OFSTED_CHECK_TIMEOUT": "0"})


def test_a_site_command_refuses_a_warehouse_that_is_not_duckdb_before_prefect_starts(offline, tiny_site, tmp_path,
                                                                                      capsys):
    offline(tiny_site.reports_url)
    db = tmp_path / "not.duckdb"
    db.write_bytes(b"not a database")
    assert main(["nightly", "--db", str(db)]) == 2
    assert capsys.readouterr().err == (
        f"ofsted nightly: {db} is not a DuckDB warehouse file; point OFSTED_DB (or --db) at the warehouse, or create "
        "one with `ofsted ingest PATH...`\n"
    )
