"""`ofsted export`: every analyst table and view round-trips to an Excel workbook and to CSV files, row for row."""

from __future__ import annotations

import datetime
from decimal import Decimal

import duckdb
import pytest
from openpyxl import load_workbook

from flows.cli import main
from warehouse import export
from warehouse.describe import relations as described_relations, schema_connection
from warehouse.export import CONTENTS_SHEET, INTERNAL_TABLES, export_csv, export_xlsx, relations
from warehouse.snapshot import reading

CONTENTS_HEADER_ROW = 4  # 1-based: a title, a line on how to read it, a blank line, then the header


def as_excel_keeps_it(value):
    """A warehouse value as the workbook gives it back: dates as datetimes, a list as one text, [] as blank."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, list):
        return ", ".join(map(str, value)) or None
    if isinstance(value, Decimal):
        return float(value)
    return value


def without_times(row: tuple) -> tuple:
    return tuple(None if isinstance(value, datetime.datetime) and value.time() else value for value in row)


def assert_same_rows(shown: list[tuple], expected: list[tuple], name: str) -> None:
    """Equal rows in any order; a timestamp within a millisecond (Excel keeps a time as a fraction of a day)."""
    shown, expected = (sorted(rows, key=lambda row: repr(without_times(row))) for rows in (shown, expected))
    assert [without_times(row) for row in shown] == [without_times(row) for row in expected], name
    for got, wanted in zip(shown, expected):
        for a, b in zip(got, wanted):
            if isinstance(b, datetime.datetime):
                assert abs(a - b) < datetime.timedelta(milliseconds=1), name


@pytest.fixture
def workbook(sample_db, tmp_path):
    path = tmp_path / "ofsted.xlsx"
    with reading(sample_db) as con:
        result = export_xlsx(con, path, source=str(sample_db))
    return result, load_workbook(path, read_only=True)


def test_the_workbook_has_every_analyst_table_and_view_row_for_row(sample_db, workbook):
    result, book = workbook
    with reading(sample_db) as con:
        names = relations(con)
        assert set(names) >= {"v_latest_judgements", "v_judgement_history", "v_la_judgements", "v_grade_distribution",
                              "v_authorities", "v_unread_reports", "reports", "judgements", "providers"}
        assert not INTERNAL_TABLES & set(names)
        assert book.sheetnames[0] == CONTENTS_SHEET and set(book.sheetnames[1:]) == set(names)
        for name in names:
            cursor = con.execute(f"SELECT * FROM {name}")
            header = tuple(column[0] for column in cursor.description)
            expected = [tuple(as_excel_keeps_it(value) for value in row) for row in cursor.fetchall()]
            shown = list(book[name].iter_rows(values_only=True))
            assert shown[0] == header, name
            assert result.sheets[name] == len(shown) - 1 == len(expected), name
            assert_same_rows(shown[1:], expected, name)
    assert any(result.sheets[name] for name in names if name.startswith("v_")), "every view empty: proved nothing"


def test_the_contents_sheet_describes_every_table_and_column_from_the_comments(sample_db, workbook):
    _, book = workbook
    rows = list(book[CONTENTS_SHEET].iter_rows(min_row=CONTENTS_HEADER_ROW, values_only=True))
    assert rows[0] == ("sheet", "kind", "column", "type", "description", "rows")
    described = {(name, column or ""): (kind, data_type, description, count)
                 for name, kind, column, data_type, description, count in rows[1:]}
    with reading(sample_db) as con:
        for relation in described_relations(con):
            if relation.name in INTERNAL_TABLES:
                assert (relation.name, "") not in described
                continue
            (count,) = con.execute(f"SELECT count(*) FROM {relation.name}").fetchone()
            assert described[(relation.name, "")] == (relation.kind, None, relation.comment, count)
            for column in relation.columns:
                assert described[(relation.name, column.name)] == (relation.kind, column.data_type, column.comment,
                                                                   None)


def test_internal_tables_are_exported_when_asked_for(sample_db, tmp_path):
    with reading(sample_db) as con:
        result = export_xlsx(con, tmp_path / "all.xlsx", internal=True)
        written = export_csv(con, tmp_path / "csv", internal=True)
    assert INTERNAL_TABLES <= set(result.sheets)
    assert INTERNAL_TABLES <= {path.stem for path in written}


def test_every_analyst_table_and_view_round_trips_through_csv(sample_db, tmp_path):
    with reading(sample_db) as con:
        written = export_csv(con, tmp_path / "csv")
        assert sorted(path.stem for path in written) == sorted(relations(con))
        for path in written:
            csv = f"read_csv('{path}', header = true, all_varchar = true)"
            header = [column[0] for column in con.execute(f"SELECT * FROM {csv} LIMIT 0").description]
            assert header == [column[0] for column in con.execute(f"SELECT * FROM {path.stem} LIMIT 0").description]
            counts = con.execute(f"SELECT (SELECT count(*) FROM {path.stem}), (SELECT count(*) FROM {csv})")
            assert len(set(counts.fetchone())) == 1, path.stem
            differing = con.execute(
                f"SELECT count(*) FROM ((SELECT CAST(COLUMNS(*) AS VARCHAR) FROM {path.stem} EXCEPT ALL FROM {csv}) "
                f"UNION ALL (FROM {csv} EXCEPT ALL SELECT CAST(COLUMNS(*) AS VARCHAR) FROM {path.stem}))"
            ).fetchone()[0]
            assert differing == 0, path.stem


def test_text_stays_text_and_nothing_is_a_formula(tmp_path):
    with schema_connection() as con:
        con.execute("INSERT INTO providers VALUES ('=1+1', '=HYPERLINK(\"http://x\")', 'school', '0383', NULL, NULL)")
        export_xlsx(con, tmp_path / "w.xlsx")
    sheet = load_workbook(tmp_path / "w.xlsx")["providers"]
    cells = [cell for cell in sheet[2] if cell.value is not None]
    assert [(cell.value, cell.data_type) for cell in cells] == [
        ("=1+1", "s"), ('=HYPERLINK("http://x")', "s"), ("school", "s"), ("0383", "s")
    ]


def test_a_table_too_large_for_a_sheet_is_left_out_and_said_so(sample_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 5)
    monkeypatch.setenv("OFSTED_DB", str(sample_db))
    path = tmp_path / "w.xlsx"
    assert main(["export", "--xlsx", str(path)]) == 1
    err = capsys.readouterr().err
    with reading(sample_db) as con:
        (judgements,) = con.execute("SELECT count(*) FROM judgements").fetchone()
    assert judgements >= 5
    assert f"ofsted export: left out of {path}: judgements: {judgements:,} rows, more than an Excel sheet holds" in err
    book = load_workbook(path, read_only=True)
    assert "judgements" not in book.sheetnames and "runs" in book.sheetnames
    notes = [row[4] for row in book[CONTENTS_SHEET].iter_rows(values_only=True) if row[0] == "judgements" and row[1]]
    assert notes[0].startswith("NOT IN THIS WORKBOOK: judgements:")


def test_the_command_writes_what_it_is_asked_for(sample_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OFSTED_DB", str(sample_db))
    assert main(["export", "--xlsx", str(tmp_path / "w.xlsx"), "--csv", str(tmp_path / "csv")]) == 0
    printed = capsys.readouterr().out.split()
    assert str(tmp_path / "w.xlsx") in printed and str(tmp_path / "csv" / "v_latest_judgements.csv") in printed
    assert not any("schema_migrations" in line for line in printed)


@pytest.mark.parametrize("arguments, message", [
    pytest.param([], "say what to write: --xlsx FILE, --csv DIR or --parquet DIR (one or more)", id="nothing"),
    pytest.param(["--xlsx", "{tmp}/w.csv"], "{tmp}/w.csv: --xlsx takes the name of a workbook to write, ending .xlsx",
                 id="not-xlsx"),
    pytest.param(["--csv", "{tmp}/taken"], "{tmp}/taken is a file; --csv takes a folder to write into", id="file"),
])
def test_what_it_cannot_do_is_one_clean_message(sample_db, tmp_path, monkeypatch, capsys, arguments, message):
    monkeypatch.setenv("OFSTED_DB", str(sample_db))
    (tmp_path / "taken").write_text("x")
    assert main(["export", *(a.format(tmp=tmp_path) for a in arguments)]) == 2
    assert capsys.readouterr().err.strip() == f"ofsted export: {message.format(tmp=tmp_path)}"


def test_every_sheet_name_fits_excel(sample_db):
    with duckdb.connect(str(sample_db), read_only=True) as con:
        assert all(len(name) <= export.EXCEL_MAX_SHEET_NAME for name in relations(con, internal=True))
