"""Every command that opens the warehouse turns a locked, missing or foreign file into one line; `ofsted sql`
reads the warehouse only (unless --allow-files) and within a time limit; every --help documents exit codes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from flows.cli import COMMAND_MODULES, build_parser, main
from flows.commands import EXIT_COULD_NOT_RUN
from tests.factories import sample_reports
from transform.frames import reports_to_frames
from warehouse.load import load_frames
from warehouse.snapshot import writing

# Commands that open the warehouse, with what else they need to get as far as opening it.
WAREHOUSE_COMMANDS = {
    "sql": ["sql", "SELECT 1"],
    "export": ["export", "--parquet", "{tmp}/parquet"],
    "report": ["report", "--out", "{tmp}/site"],
    "chart": ["chart", "Leeds", "--png", "{tmp}/leeds.png"],
}


@pytest.fixture
def warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    with writing(db) as con:
        load_frames(con, reports_to_frames([(r, None) for r in sample_reports()]))
    return db


def run(command: str, db, tmp_path) -> list[str]:
    return [part.format(tmp=tmp_path) for part in WAREHOUSE_COMMANDS[command]] + ["--db", str(db)]


@pytest.fixture
def held_for_writing(warehouse):
    """Another program (a DuckDB client) holding the warehouse open for writing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, time, duckdb
            con = duckdb.connect(sys.argv[1])
            print("open", flush=True)
            time.sleep(60)
        """), str(warehouse)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    yield warehouse
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("command", list(WAREHOUSE_COMMANDS))
def test_a_warehouse_locked_by_another_program_is_one_line(held_for_writing, tmp_path, capsys, command):
    assert main(run(command, held_for_writing, tmp_path)) == EXIT_COULD_NOT_RUN
    err = capsys.readouterr().err
    assert err.startswith(f"ofsted {command}: {held_for_writing} is open for writing in another program (")
    assert err.endswith("close it, and open the warehouse read-only instead (`duckdb -readonly FILE`, or "
                        "duckdb.connect(FILE, read_only=True))\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", list(WAREHOUSE_COMMANDS))
@pytest.mark.parametrize("content", [b"", b"id,grade\n1,good\n"], ids=["empty", "csv"])
def test_a_file_that_is_not_duckdb_is_one_line(tmp_path, capsys, command, content):
    db = tmp_path / "not.duckdb"
    db.write_bytes(content)
    assert main(run(command, db, tmp_path)) == EXIT_COULD_NOT_RUN
    assert capsys.readouterr().err == (
        f"ofsted {command}: {db} is not a DuckDB warehouse file; check the path given, or give the path of a new "
        "file to create one\n"
    )


@pytest.mark.parametrize("command", list(WAREHOUSE_COMMANDS))
def test_a_missing_warehouse_is_one_line(tmp_path, capsys, command):
    db = tmp_path / "none.duckdb"
    assert main(run(command, db, tmp_path)) == EXIT_COULD_NOT_RUN
    err = capsys.readouterr().err
    assert err == (
        f"ofsted {command}: no warehouse at {db}: check the path, or create a warehouse there with "
        f"`ofsted ingest PATH... --db {db}`\n"
    )
    assert "OFSTED_DB" not in err  # the path was given with --db: the environment is beside the point


def test_ingest_into_a_file_that_is_not_duckdb_is_one_line(tmp_path, capsys):
    db = tmp_path / "not.duckdb"
    db.write_bytes(b"hello")
    (tmp_path / "a.pdf").write_bytes(b"<html>not found</html>")
    assert main(["ingest", str(tmp_path / "a.pdf"), "--db", str(db), "--without-prefect"]) == EXIT_COULD_NOT_RUN
    assert capsys.readouterr().err.endswith(f"ofsted ingest: {db} is not a DuckDB warehouse file; check the path "
                                            "given, or give the path of a new file to create one\n")
    assert db.read_bytes() == b"hello"


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_sql_without_a_query_is_one_line(warehouse, capsys, query):
    assert main(["sql", query, "--db", str(warehouse)]) == EXIT_COULD_NOT_RUN
    assert capsys.readouterr().err == 'ofsted sql: no SQL given; for example: ofsted sql "SHOW ALL TABLES"\n'


@pytest.mark.parametrize("query", [
    pytest.param("COPY (SELECT * FROM reports) TO '{out}'", id="copy-to"),
    pytest.param("SELECT * FROM read_csv('{secret}')", id="read-csv"),
    pytest.param("SELECT * FROM read_text('{secret}')", id="read-text"),
    pytest.param("ATTACH '{out}' AS other", id="attach"),
])
def test_sql_cannot_touch_files_unless_allowed(warehouse, tmp_path, capsys, query):
    secret, out = tmp_path / "secret.csv", tmp_path / "out.csv"
    secret.write_text("a,b\n1,2\n")
    assert main(["sql", query.format(out=out, secret=secret), "--db", str(warehouse)]) == EXIT_COULD_NOT_RUN
    err = capsys.readouterr().err
    assert "file system operations are disabled by configuration" in err
    assert err.endswith("queries read the warehouse only; add --allow-files to let this one read or write files\n")
    assert not out.exists()


def test_sql_with_allow_files_can_read_and_write_files(warehouse, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["sql", f"COPY (SELECT 1 AS one) TO '{out}'", "--allow-files", "--db", str(warehouse)]) == 0
    assert out.read_text().splitlines() == ["one", "1"]


def test_sql_stops_a_query_that_runs_past_its_timeout(warehouse, capsys):
    endless = "SELECT count(*) FROM range(1000000000000) AS a"
    assert main(["sql", endless, "--timeout", "0.5", "--db", str(warehouse)]) == EXIT_COULD_NOT_RUN
    assert capsys.readouterr().err == (
        "ofsted sql: the query was stopped after 0.5 s; give it longer with --timeout SECONDS\n"
    )


def test_refresh_refuses_credentials_in_the_address_before_anything_is_stored(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path))
    monkeypatch.delenv("OFSTED_DB", raising=False)
    assert main(["refresh", "--url", "https://alice:s3cret@files.ofsted.gov.uk/v1/file/50282345"]) == 2
    err = capsys.readouterr().err
    assert err == ("ofsted refresh: https://***@files.ofsted.gov.uk/v1/file/50282345: addresses with a user name or "
                   "password are refused (the Ofsted site needs none, and they would be stored in the run's records); "
                   "give the address without them\n")
    assert list(tmp_path.iterdir()) == []


def test_every_help_documents_the_exit_codes(capsys):
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert len(commands) == len(COMMAND_MODULES)
    for name, command in [("ofsted", parser), *commands.items()]:
        text = " ".join(command.format_help().split())
        assert "Exit codes: 0 all done;" in text, name
        assert "2 could not run (one line on stderr says why)" in text, name
