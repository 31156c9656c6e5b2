"""`ofsted ingest`, `ofsted sql` and `ofsted export` through the CLI entry point."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

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


def test_ingest_loads_every_file_reports_progress_and_exits_1_when_some_were_not_read(db, error_pages, capsys):
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1", "--batch-size", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines()[0] == f"ingesting 3 files into {db}"
    assert [line.split(":")[0] for line in captured.err.splitlines() if line.startswith("batch")] == [
        "batch 1/2", "batch 2/2"
    ]
    assert f"not read: {error_pages / 'a.pdf'}: the file is an HTML page" in captured.err
    assert captured.out.startswith("3 files, 0 read: 3 reports new, 0 updated, 0 unchanged (0 of them not read again")
    with reading(db) as con:
        assert con.execute("SELECT status, count(*) FROM reports GROUP BY status").fetchall() == [("not_a_pdf", 3)]


def test_ingest_twice_changes_nothing(db, error_pages, capsys):
    main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"])
    with reading(db) as con:
        before = fingerprint(con)
    assert main(["ingest", str(error_pages), "--without-prefect", "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert "0 reports new, 0 updated, 3 unchanged (3 of them not read again" in captured.out
    assert f"not read: {error_pages / 'a.pdf'}: the file is an HTML page" in captured.err
    with reading(db) as con:
        assert fingerprint(con) == before


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
     ("search", "from the start of a word")],
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


def test_sql_without_a_warehouse_says_how_to_make_one(db, capsys):
    assert main(["sql", "SELECT 1"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ofsted sql: no warehouse at {db}: create one with `ofsted ingest PATH...`, or set OFSTED_DB to an "
        "existing file"
    )


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
