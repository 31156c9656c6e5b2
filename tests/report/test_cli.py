"""`ofsted report` and `ofsted chart` through the CLI: paths printed, images written, one clean error line."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from flows.cli import main

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def sample_db(sample_warehouse, monkeypatch):
    monkeypatch.setenv("OFSTED_DB", str(sample_warehouse))
    return sample_warehouse


def test_report_writes_index_html_and_prints_its_path(sample_db, tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "site")]) == 0
    written = tmp_path / "site" / "index.html"
    assert capsys.readouterr().out == f"{written}\n"
    assert written.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_report_defaults_to_ofsted_home_report(sample_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path))
    assert main(["report", "--provider", "80481"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'report' / 'index.html'}\n"


def test_chart_writes_a_png(sample_db, tmp_path, capsys):
    target = tmp_path / "slides" / "leeds.png"
    assert main(["chart", "LEEDS", "--png", str(target)]) == 0
    assert target.read_bytes().startswith(PNG_SIGNATURE)
    assert capsys.readouterr().out == f"{target}\tLeeds (80481)\n"


def test_unknown_provider_is_one_clean_line(sample_db, tmp_path, capsys):
    assert main(["chart", "Leds", "--png", str(tmp_path / "x.png")]) == 2
    assert capsys.readouterr().err == (
        "ofsted chart: no authority with URN or name 'Leds' in the warehouse; did you mean Leeds (80481)?\n"
    )
    assert not (tmp_path / "x.png").exists()


def test_ambiguous_provider_lists_the_matches(sample_db, tmp_path, capsys):
    assert main(["report", "--provider", "on", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "ofsted report: 'on' matches 3 authorities: Croydon (80492), Devon (80461), Sefton (80550); "
        "give the URN or the full name\n"
    )


def test_missing_warehouse_is_one_clean_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OFSTED_DB", str(tmp_path / "none.duckdb"))
    assert main(["report", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"ofsted report: no warehouse at {tmp_path / 'none.duckdb'} (the file OFSTED_DB names): point OFSTED_DB at "
        "an existing warehouse file, or create one there with `ofsted ingest PATH...`\n"
    )


@pytest.mark.parametrize("command", ["report", "chart"])
def test_help_explains_the_command(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert "OFSTED_DB" in text and ("--provider" in text or "--png" in text)


def test_documented_error_example_is_what_the_cli_prints(sample_db, tmp_path, capsys):
    docs = (Path(__file__).parents[2] / "docs" / "report.md").read_text(encoding="utf-8")
    command, printed = re.search(r"\$ ofsted (chart .*)\n(ofsted chart: .*)\n", docs).groups()
    assert main(shlex.split(command.replace("leeds.png", str(tmp_path / "leeds.png")))) == 2
    assert capsys.readouterr().err == printed + "\n"
