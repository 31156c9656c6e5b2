import json

import pytest

from flows.cli import main


def write_pdf_like(path, data: bytes):
    path.write_bytes(data)
    return path


def test_extract_json_lines_one_per_file_and_bad_files_do_not_stop_the_folder(tmp_path, capsys):
    write_pdf_like(tmp_path / "a.pdf", b"<html><body>Report not found</body></html>")
    write_pdf_like(tmp_path / "b.pdf", b"%PDF-1.4 truncated")
    write_pdf_like(tmp_path / "notes.txt", b"ignored: not a pdf suffix")

    exit_code = main(["extract", str(tmp_path), "--json", "--workers", "1"])

    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["path"].rsplit("/", 1)[1] for r in records] == ["a.pdf", "b.pdf"]
    assert [r["status"] for r in records] == ["not_a_pdf", "error"]
    assert all(r["error"] and r["sha256"] and r["parser_version"] for r in records)
    assert exit_code == 1


def test_extract_missing_path_is_one_clean_message(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.pdf")]) == 2
    assert capsys.readouterr().err.strip() == f"ofsted extract: no such file: {tmp_path / 'nope.pdf'}"


def test_extract_help_explains_itself(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "JSON Lines" in capsys.readouterr().out


def test_every_corpus_file_gets_a_status_and_never_an_exception(corpus_reports):
    statuses = {path: report.status.value for path, report in corpus_reports.items()}
    assert statuses["not-a-pdf/80429-birmingham-2012-10-19.pdf"] == "not_a_pdf"
    assert statuses["school-inspection/100026-fitzjohns-primary-2009.pdf"] == "no_text_layer"
    assert statuses["school-inspection/100093-jack-taylor-school-2010.pdf"] == "no_text_layer"
    unexpected = {p: r.error for p, r in corpus_reports.items() if r.status.value == "error"}
    assert unexpected == {}
