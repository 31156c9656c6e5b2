"""`ofsted chart` writes the image format its file name asks for or refuses it; chart and report take --db."""

from __future__ import annotations

import pytest

from flows.cli import main

SIGNATURES = {
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "svg": b"<?xml",
    "pdf": b"%PDF-",
}


@pytest.mark.parametrize("suffix", list(SIGNATURES))
def test_chart_writes_the_format_its_file_name_asks_for(sample_warehouse, tmp_path, suffix):
    target = tmp_path / f"leeds.{suffix}"
    assert main(["chart", "Leeds", "--png", str(target), "--db", str(sample_warehouse)]) == 0
    assert target.read_bytes().startswith(SIGNATURES[suffix])


def test_chart_refuses_a_format_it_cannot_write_before_reading_the_warehouse(tmp_path, capsys):
    target = tmp_path / "leeds.gif"
    assert main(["chart", "Leeds", "--png", str(target), "--db", str(tmp_path / "none.duckdb")]) == 2
    assert capsys.readouterr().err == (
        f"ofsted chart: {target}: cannot write a .gif image; name the file .png (or .jpeg, .jpg, .pdf, .png, .svg)\n"
    )
    assert not target.exists()


def test_report_and_chart_read_the_warehouse_given_with_db(sample_warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OFSTED_DB", str(tmp_path / "elsewhere.duckdb"))
    assert main(["report", "--db", str(sample_warehouse), "--out", str(tmp_path / "site")]) == 0
    assert main(["chart", "80481", "--db", str(sample_warehouse), "--png", str(tmp_path / "c.png")]) == 0
