"""`ofsted ingest`, `ofsted sql` and `ofsted export` through the CLI entry point."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from warehouse.snapshot import reading
from warehouse.state import fingerprint

SUBPROCESS_TIMEOUT_SECONDS = 120


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "home" / "ofsted.duckdb"
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OFSTED_DB", raising=False)
    return path


@pytest.fixture
def error_pages(tmp_path):
    """Files named .pdf that are not PDFs: the site's error pages, which still get a reports row."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.pdf").write_bytes(f"<html>{name}: report not found</html>".encode())
    return folder


def test_ingest_loads_every_file_reports_progress_and_exits_0_when_every_file_is_recorded(db, error_pages, capsys):
    """Files that are not reports are an answer, not an error: each is loaded with its status and reason."""
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1", "--batch-size", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines()[0] == f"ingesting 3 files into {db}"
    assert [line.split(":")[0] for line in captured.err.splitlines() if line.startswith("batch")] == [
        "batch 1/2", "batch 2/2"
    ]
    assert f"not read: {error_pages / 'a.pdf'}: the file is a web page (HTML), not a PDF" in captured.err
    assert captured.out.splitlines()[0] == "3 files: 0 read; 3 not read as reports (listed above)"
    assert captured.out.splitlines()[1].startswith(f"warehouse {db}: 3 reports added, 0 updated, 0 unchanged (")
    with reading(db) as con:
        assert con.execute("SELECT status, count(*) FROM reports GROUP BY status").fetchall() == [("not_a_pdf", 3)]
        assert con.execute("SELECT count(*) FROM failures").fetchone() == (3,)


def test_ingest_strict_exits_1_when_a_file_was_not_read(db, error_pages, capsys):
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1", "--strict"]) == 1
    assert "3 not read as reports" in capsys.readouterr().out


def test_ingest_exits_1_when_a_file_could_not_be_opened(db, error_pages, monkeypatch, capsys):
    """A file that vanishes before it is read has no row to hold its reason: that is an error, exit code 1."""
    import extract.batch

    vanishing = error_pages / "vanishing.pdf"
    vanishing.write_bytes(b"%PDF-1.7")
    read = extract.batch.extract_path

    def read_after_it_vanished(path):
        if path == str(vanishing):
            vanishing.unlink()
        return read(path)

    monkeypatch.setattr(extract.batch, "extract_path", read_after_it_vanished)
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert f"not read: {vanishing}" in captured.err
    assert captured.out.splitlines()[0] == "4 files: 0 read; 4 not read as reports (listed above)"
    assert captured.out.splitlines()[1].startswith(f"warehouse {db}: 3 reports added")


def test_ingest_twice_changes_nothing(db, error_pages, capsys):
    main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"])
    capsys.readouterr()
    with reading(db) as con:
        before = fingerprint(con)
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "3 files: 3 not read as reports (listed above)"
    assert "0 reports added, 0 updated, 3 unchanged" in captured.out
    assert f"not read: {error_pages / 'a.pdf'}: the file is a web page (HTML), not a PDF" in captured.err
    with reading(db) as con:
        assert fingerprint(con) == before


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_ingest_shows_each_file_on_a_terminal_only(db, error_pages, monkeypatch, capsys):
    args = ["ingest", str(error_pages), "--without-prefect", "--workers", "1"]
    assert main(args + ["--db", str(db.with_name("piped.duckdb"))]) == 0
    assert "\r" not in capsys.readouterr().err  # a log file gets the batch lines only
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(args) == 0
    frames = terminal.getvalue().split("\r")
    assert frames[-1].startswith("read      [##############################]     3/3")
    assert any(frame.startswith("read      [") and " 0/3" in frame for frame in frames)


def test_ingest_of_a_missing_path_is_one_clean_message(db, tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope.pdf")]) == 2
    assert capsys.readouterr().err.strip() == f"ofsted ingest: no such file: {tmp_path / 'nope.pdf'}"


def test_ingest_of_an_empty_folder_says_so(db, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["ingest", str(tmp_path / "empty")]) == 2
    assert capsys.readouterr().err.strip() == f"ofsted ingest: no *.pdf files under {tmp_path / 'empty'}"


def test_ingest_refuses_a_batch_size_below_one(db, error_pages, capsys):
    assert main(["ingest", str(error_pages), "--batch-size", "0"]) == 2
    assert capsys.readouterr().err.strip() == "ofsted ingest: --batch-size and --workers must be at least 1"


@pytest.mark.parametrize(
    ("command", "phrase"),
    [("ingest", "Works offline"), ("sql", "read-only connection"), ("export", "a first sheet describing every table and column"),
     ("search", "words side by side are one phrase"), ("reindex", "Rebuild the search index")],
)
def test_every_command_explains_itself(command, phrase, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert phrase in out and "OFSTED_DB" in out


@pytest.fixture
def loaded(db, error_pages, capsys):
    main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"])
    capsys.readouterr()
    return db


def test_sql_prints_an_aligned_table(loaded, capsys):
    assert main(["sql", "SELECT status, count(*) AS files, NULL AS nothing FROM reports GROUP BY status"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "status     files  nothing",
        "---------  -----  -------",
        "not_a_pdf  3      NULL",
        "(1 row)",
    ]


def test_sql_prints_csv_and_json_lines(loaded, capsys):
    main(["sql", "SELECT 'a,b' AS x, 1 AS n", "--format", "csv"])
    assert capsys.readouterr().out == 'x,n\n"a,b",1\n'
    main(["sql", "SELECT flow, reports_found FROM runs", "--format", "json"])
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [
        {"flow": "ingest", "reports_found": 3}
    ]


def test_sql_errors_are_one_message_with_where_to_look(loaded, capsys):
    assert main(["sql", "SELECT * FROM nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ofsted sql: Catalog Error: Table with name nope does not exist!")
    assert err.rstrip().endswith('(tables and views: ofsted sql "SHOW ALL TABLES"; reference: docs/warehouse.md)')


def test_sql_cannot_change_the_warehouse(loaded, capsys):
    assert main(["sql", "DELETE FROM reports"]) == 2
    assert "read-only" in capsys.readouterr().err


def test_sql_without_a_warehouse_says_where_it_looked_and_how_to_point_at_one(db, capsys):
    assert main(["sql", "SELECT 1"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ofsted sql: no warehouse at {db} (OFSTED_HOME/ofsted.duckdb): point at one with "
        "OFSTED_DB=/path/to/ofsted.duckdb or --db FILE, or run the command in the folder where `ofsted ingest` ran; "
        "`ofsted ingest PATH...` creates one"
    )


def test_sql_without_a_warehouse_in_another_folder_gives_the_absolute_path(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("OFSTED_DB", raising=False)
    monkeypatch.delenv("OFSTED_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["sql", "SELECT 1"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ofsted sql: no warehouse at {tmp_path / 'data' / 'ofsted.duckdb'} (the default, data/ofsted.duckdb under "
        "the current folder): point at one with OFSTED_DB=/path/to/ofsted.duckdb or --db FILE, or run the command "
        "in the folder where `ofsted ingest` ran; `ofsted ingest PATH...` creates one"
    )


def test_sql_with_db_given_does_not_suggest_ofsted_db(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--db", "none.duckdb"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"ofsted sql: no warehouse at {Path.cwd() / 'none.duckdb'}: check the path")
    assert "OFSTED_DB" not in err


def test_sql_prints_the_result_of_every_statement(loaded, capsys):
    assert main(["sql", "SELECT 1 AS one; SET VARIABLE x = 2;\nSELECT getvariable('x') AS two"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "-- SELECT 1 AS one", "one", "---", "1", "(1 row)",
        "",
        "-- SELECT getvariable('x') AS two", "two", "---", "2", "(1 row)",
    ]


def test_sql_one_statement_prints_its_table_alone(loaded, capsys):
    assert main(["sql", "SELECT 2 AS two;"]) == 0
    assert capsys.readouterr().out.splitlines() == ["two", "---", "2", "(1 row)"]


@pytest.mark.parametrize("form", ["csv", "json"])
def test_sql_refuses_several_results_in_one_csv_or_json(loaded, capsys, form):
    assert main(["sql", "SELECT 1; SELECT 2", "--format", form]) == 2
    assert capsys.readouterr().err == (
        f"ofsted sql: 2 of the statements return rows, and --format {form} writes one table: run them one at a "
        "time, or use --format table\n"
    )
    assert main(["sql", "SET VARIABLE x = 3; SELECT getvariable('x') AS x", "--format", form]) == 0


def test_export_writes_a_parquet_file_per_table_and_view(loaded, tmp_path, capsys):
    assert main(["export", "--parquet", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.split()
    names = {os.path.basename(p) for p in written}
    assert {"reports.parquet", "judgements.parquet", "v_latest_judgements.parquet", "runs.parquet"} <= names
    parquet = tmp_path / "out" / "reports.parquet"
    assert duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet)]).fetchone() == (3,)


def test_export_to_a_file_is_one_clean_message(loaded, tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    assert main(["export", "--parquet", str(tmp_path / "taken")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ofsted export: {tmp_path / 'taken'} is a file; --parquet takes a folder to write into"
    )


@pytest.mark.corpus
@pytest.mark.slow
def test_an_ingest_killed_after_a_batch_keeps_it_and_the_next_run_completes(corpus, tmp_path):
    files = sorted((corpus / "la-inspection").glob("*.pdf"))[:12]
    db = tmp_path / "ofsted.duckdb"
    command = [sys.executable, "-m", "flows.cli", "ingest", *map(str, files), "--without-prefect", "--workers", "1",
               "--batch-size", "3", "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    first = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        for line in first.stderr:
            if line.startswith("batch 1/4"):
                break
        first.send_signal(signal.SIGKILL)
        first.wait(SUBPROCESS_TIMEOUT_SECONDS)
    finally:
        first.kill()
    with reading(db) as con:
        kept = con.execute("SELECT count(*) FROM reports").fetchone()[0]
        assert kept in (3, 6, 9)  # whole batches only
        assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]  # died, as an operator sees it
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=SUBPROCESS_TIMEOUT_SECONDS)
    assert second.returncode == 0, second.stderr
    assert f"{kept} unchanged" in second.stdout
    with reading(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (12,)
        assert con.execute("SELECT status FROM runs ORDER BY started_at").fetchall() == [("died",), ("succeeded",)]
