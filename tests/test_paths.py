"""File names that are not valid UTF-8 are read, printed (JSON escapes them) and loaded like any other."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from extract.paths import bytes_path, path_bytes, path_text
from flows.cli import main
from warehouse.snapshot import reading

NOT_UTF8_NAME = b"inspection-\xff\xfe-2019.pdf"  # Latin-1 bytes from another system, say
NOT_A_PDF = b"<html><body>Report not found</body></html>"
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def folder_with_a_name_that_is_not_utf8(folder: Path) -> Path:
    folder.mkdir()
    (folder / "plain.pdf").write_bytes(NOT_A_PDF)
    with open(os.path.join(os.fsencode(folder), NOT_UTF8_NAME), "wb") as handle:
        handle.write(NOT_A_PDF + b"<!-- another -->")
    return folder


def test_path_text_shows_bytes_that_are_not_utf8_as_escapes():
    name = os.fsdecode(NOT_UTF8_NAME)
    assert path_text(name) == "inspection-\\xff\\xfe-2019.pdf"
    assert path_text("Leeds – 2019.pdf") == "Leeds – 2019.pdf"
    assert bytes_path(path_bytes(name)) == name


def test_extract_json_is_valid_and_escapes_a_file_name_that_is_not_utf8(tmp_path, capsys):
    folder = folder_with_a_name_that_is_not_utf8(tmp_path / "in")

    main(["extract", str(folder), "--json", "--workers", "1"])

    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogates: printable and valid JSON text
    paths = sorted(Path(json.loads(line)["path"]).name for line in out.splitlines())
    assert paths == ["inspection-\\xff\\xfe-2019.pdf", "plain.pdf"]


def test_ingest_without_prefect_loads_every_file_of_a_folder_with_a_name_that_is_not_utf8(tmp_path, capsys):
    folder = folder_with_a_name_that_is_not_utf8(tmp_path / "in")
    db = tmp_path / "w.duckdb"

    exit_code = main(["ingest", str(folder), "--without-prefect", "--db", str(db), "--workers", "1"])

    assert exit_code == 0  # neither file is a report, but both are recorded, each with its reason
    assert "Traceback" not in capsys.readouterr().err
    with reading(db) as con:
        names = sorted(Path(p).name for (p,) in con.execute("SELECT target FROM failures").fetchall())
    assert names == ["inspection-\\xff\\xfe-2019.pdf", "plain.pdf"]


def test_extract_into_a_pipe_closed_early_ends_quietly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(200):
        (folder / f"{number:03}.pdf").write_bytes(NOT_A_PDF)
    command = f"{sys.executable} -m flows.cli extract {folder} --workers 1 | head -1"

    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120,
                          cwd=PROJECT_ROOT)

    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 141
