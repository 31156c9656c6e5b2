"""`ofsted reparse`: a warehouse loaded by an older parser, read again by this one, says what changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.records import PARSER_VERSION, Judgement, Status
from flows.cli import main
from flows.ingest import Steps, extract_batch, ingest
from tests.pdfs import EARLY_YEARS_LINES, text_pdf
from warehouse.snapshot import reading

OLDER_PARSER = "0.9.0"
LEEDS_2018 = "la-inspection/80481-leeds-2018-12-18.pdf"
LEEDS_2022 = "la-inspection/80481-leeds-2022-05-09.pdf"
LEEDS_2025 = "la-inspection/80481-leeds-2025-08-12.pdf"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty OFSTED_HOME: no raw store, so every file is read from the path it was ingested from."""
    monkeypatch.setenv("OFSTED_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OFSTED_DB", raising=False)
    return tmp_path / "home"


def older_parser(degrade):
    """The real extractor, then what an older parser got wrong (`degrade(report)`), stamped with its version."""

    def extract(files, workers):
        return [replace(degrade(report), parser_version=OLDER_PARSER) for report in extract_batch(files, 1)]

    return Steps(extract=extract)


def as_2018_parser_read_it(report):
    """Older behaviour: no family for 2025's reports, Leeds 2022's overall grade misread, no quotations."""
    if report.path.endswith(LEEDS_2025):
        return replace(report, status=Status.UNRECOGNISED, error="not a report family", kind=None, judgements=[],
                       quotations=[])
    if report.path.endswith(LEEDS_2022):
        misread = [replace(j, grade="good") if j.area == "overall_effectiveness" else j for j in report.judgements]
        return replace(report, judgements=misread, quotations=[])
    return report


@pytest.mark.corpus
def test_reparse_reads_an_older_parsers_warehouse_again_and_prints_what_changed(corpus, home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    files = [str(corpus / name) for name in (LEEDS_2018, LEEDS_2022, LEEDS_2025)]
    ingest(files, db, workers=1, steps=older_parser(as_2018_parser_read_it))

    assert main(["reparse", "--db", str(db), "--workers", "1"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["newly readable: 1", f"  Leeds la-inspection 2025-07-04 ({corpus / LEEDS_2025})"]
    assert "no longer readable: 0" in out
    grades = out.index("grades changed: 1")
    assert out[grades + 1] == (
        f"  Leeds la-inspection 2022-03-04 ({corpus / LEEDS_2022}): overall_effectiveness good -> outstanding"
    )
    assert "quotations changed: 2 reports" in out
    assert "moved provider: 0" in out
    assert out[-1].startswith("3 of 3 reports read again: 3 updated, 0 unchanged, 0 kept")
    with reading(db) as con:
        assert con.execute("SELECT DISTINCT parser_version FROM reports").fetchall() != [(OLDER_PARSER,)]
        assert con.execute("SELECT grade FROM v_latest_judgements WHERE area = 'overall_effectiveness'").fetchall() == [
            ("outstanding",)
        ]


@pytest.mark.corpus
def test_a_second_reparse_finds_nothing_due(corpus, home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    ingest([str(corpus / LEEDS_2018)], db, workers=1, steps=older_parser(lambda report: report))
    main(["reparse", "--db", str(db), "--workers", "1"])
    capsys.readouterr()
    assert main(["reparse", "--db", str(db), "--workers", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 of 0 reports read again")


def early_years_report(folder, name="nursery"):
    path = folder / f"{name}.pdf"
    path.write_bytes(text_pdf((f"{name} early years inspection report", *EARLY_YEARS_LINES)))
    return path


def test_a_report_no_parser_reads_keeps_its_first_line_and_pages_and_stays_due(home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    ingest([str(early_years_report(tmp_path))], db, workers=1)
    with reading(db) as con:
        assert con.execute(
            "SELECT r.status, v.pages, v.first_line, v.provider_type "
            "FROM v_unrecognised_reports AS v JOIN reports AS r USING (report_id)"
        ).fetchall() == [("unrecognised", 1, "nursery early years inspection report", "unknown")]

    assert main(["reparse", "--db", str(db), "--workers", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "newly readable: 0"
    assert out[-1].startswith("1 of 1 reports read again: 0 updated, 1 unchanged")


def test_a_file_that_is_gone_is_listed_and_the_exit_code_says_so(home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    kept, lost = early_years_report(tmp_path, "kept"), early_years_report(tmp_path, "lost")
    ingest([str(kept), str(lost)], db, workers=1)
    lost.unlink()

    assert main(["reparse", "--status", "unrecognised", "--db", str(db), "--workers", "1"]) == 1
    out = capsys.readouterr().out.splitlines()
    gone = out.index("gone: 1")
    assert out[gone + 1].startswith(f"  {lost}: the file is gone (report ")
    assert out[-1].startswith("1 of 2 reports read again")
    with reading(db) as con:
        assert con.execute("SELECT target FROM failures WHERE resolved_at IS NULL ORDER BY target").fetchall() == [
            (str(kept),), (str(lost),)
        ]


def test_since_keeps_to_reports_of_that_date_or_later(home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    ingest([str(early_years_report(tmp_path))], db, workers=1)
    assert main(["reparse", "--since", "2020-01-01", "--db", str(db)]) == 0
    # A file from disk that no parser read has neither a publication nor an inspection date.
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 of 0 reports read again")


def test_a_newer_parse_is_never_replaced_by_an_older_parser(home, tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    path = early_years_report(tmp_path)

    def newer(files, workers):
        return [replace(r, parser_version="999.0.0", judgements=[Judgement("overall_effectiveness", "good", "x", 1)])
                for r in extract_batch(files, 1)]

    ingest([str(path)], db, workers=1, steps=Steps(extract=newer))
    assert main(["reparse", "--status", "all", "--db", str(db), "--workers", "1"]) == 0
    assert "0 updated, 0 unchanged, 1 kept" in capsys.readouterr().out


def test_a_file_from_the_site_is_read_from_the_raw_store_and_keeps_what_the_site_said(home, tmp_path, capsys):
    from datetime import date

    from extract.report import extract_path
    from extract.web.rawstore import RawStore
    from extract.web.site import ReportLink
    from flows.settings import RAW_FOLDER
    from transform.frames import reports_to_frames
    from warehouse.load import load_batch

    store = RawStore(home / RAW_FOLDER)
    link = ReportLink(url="http://127.0.0.1:9/v1/file/77", file_id="77", label="Early years inspection report",
                      published=date(2024, 5, 1), inspection_date=date(2024, 4, 2), urn="2500000",
                      provider_name="Little Acorns", provider_type="early-years")
    stored = store.put(text_pdf(), link.file_id)
    store.put_meta(link.file_id, link.to_dict())
    db = tmp_path / "w.duckdb"
    older = replace(extract_path(stored.path), parser_version=OLDER_PARSER)
    load_batch(db, reports_to_frames([(older, link.provenance())]))

    assert main(["reparse", "--db", str(db), "--workers", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 of 1 reports read again: 1 updated")
    with reading(db) as con:
        assert con.execute(
            "SELECT urn, provider_name, provider_type, site_label, site_inspection_date, published, parser_version "
            "FROM v_unrecognised_reports"
        ).fetchall() == [("2500000", "Little Acorns", "early-years", "Early years inspection report",
                          date(2024, 4, 2), date(2024, 5, 1), PARSER_VERSION)]


def test_reparse_of_a_missing_warehouse_fails_before_its_start_line(tmp_path, capsys):
    db = tmp_path / "none.duckdb"
    assert main(["reparse", "--db", str(db)]) == 2
    assert capsys.readouterr().err == (
        f"ofsted reparse: no warehouse at {db}: check the path, or create a warehouse there with "
        f"`ofsted ingest PATH... --db {db}`\n"
    )
