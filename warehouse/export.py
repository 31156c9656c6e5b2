"""Export the warehouse's analyst tables and views for tools that do not read DuckDB: Parquet or CSV files (one per
table or view), or one Excel workbook with a sheet each and a first sheet describing every table and column from
the warehouse's own COMMENTs.

The tables that only keep the warehouse running (INTERNAL_TABLES) are left out unless asked for.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from warehouse.describe import Relation, relations as described_relations

PARQUET_SUFFIX = ".parquet"
CSV_SUFFIX = ".csv"
# Bookkeeping tables with nothing to read in them: the count behind la_judgements' rewrites, which write published
# the file, the migrations applied.
INTERNAL_TABLES = frozenset({"la_judgements_order", "warehouse_snapshot", "schema_migrations"})

# Excel's limits (https://support.microsoft.com, "Excel specifications and limits"): rows per sheet (the header
# takes one), characters per cell, characters in a sheet name.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL_CHARACTERS = 32_767
EXCEL_MAX_SHEET_NAME = 31
CONTENTS_SHEET = "Contents"
DATE_FORMAT = "yyyy-mm-dd"
TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss"
LIST_SEPARATOR = ", "  # a list (reports.quality_flags) is one cell of text
CUT_MARK = " [cut at Excel's limit of 32,767 characters]"
FETCH_ROWS = 10_000  # rows read from DuckDB at a time: the workbook is written as they come, never held whole
# Column widths in characters: as wide as the header or the type needs, never so wide a sheet cannot be scanned.
MIN_COLUMN_WIDTH = 8
MAX_COLUMN_WIDTH = 60
WIDTH_BY_TYPE = {"DATE": 11, "TIMESTAMP": 19, "BOOLEAN": 8, "INTEGER": 9, "BIGINT": 9, "DOUBLE": 9}
TEXT_WIDTH = 24


def relations(con: duckdb.DuckDBPyConnection, internal: bool = False) -> list[str]:
    """Tables then views of the warehouse, by name (DuckDB's own catalog excluded; the internal tables too unless
    `internal`)."""
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary ORDER BY table_name"
    ).fetchall()
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY view_name"
    ).fetchall()
    return [name for (name,) in tables + views if internal or name not in INTERNAL_TABLES]


def export_parquet(con: duckdb.DuckDBPyConnection, directory: Path, internal: bool = False) -> list[Path]:
    """Write DIR/<table or view>.parquet for each; returns the files written."""
    return copy_each(con, directory, PARQUET_SUFFIX, "FORMAT parquet", internal)


def export_csv(con: duckdb.DuckDBPyConnection, directory: Path, internal: bool = False) -> list[Path]:
    """Write DIR/<table or view>.csv for each: UTF-8, a header row, dates as 2025-07-04, NULL as an empty field."""
    return copy_each(con, directory, CSV_SUFFIX, "FORMAT csv, HEADER true", internal)


def copy_each(con: duckdb.DuckDBPyConnection, directory: Path, suffix: str, options: str, internal: bool) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in relations(con, internal):
        target = directory / f"{name}{suffix}"
        con.execute(f"COPY (SELECT * FROM {name}) TO '{sql_string(str(target))}' ({options})")
        written.append(target)
    return written


def sql_string(text: str) -> str:
    """Text safe inside a single-quoted SQL literal (COPY TO takes no parameters)."""
    return text.replace("'", "''")


@dataclass(frozen=True)
class LeftOut:
    """A table or view the workbook could not hold."""

    name: str
    rows: int

    def __str__(self) -> str:
        return (f"{self.name}: {self.rows:,} rows, more than an Excel sheet holds ({EXCEL_MAX_ROWS - 1:,}); "
                "export it with --csv or --parquet")


@dataclass
class Workbook:
    """What `export_xlsx` wrote: the file, a sheet per relation (name -> rows), what it left out or cut."""

    path: Path
    sheets: dict[str, int] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    cells_cut: dict[str, int] = field(default_factory=dict)  # relation -> cells cut at Excel's limit


def export_xlsx(con: duckdb.DuckDBPyConnection, path: Path, source: str = "", internal: bool = False) -> Workbook:
    """Write one workbook: the Contents sheet (every table and view with its columns, types and descriptions, from
    the warehouse's COMMENTs, and its row count), then a sheet per view, then per table. A relation with more rows
    than a sheet holds is left out, and the Contents sheet says so. `source` names the warehouse on the Contents
    sheet."""
    import xlsxwriter  # only this export needs it

    wanted = set(relations(con, internal))
    # Views first: they are what analysts read; the tables follow in the reference's reading order.
    described = sorted((r for r in described_relations(con) if r.name in wanted), key=lambda r: r.kind != "view")
    for relation in described:
        if len(relation.name) > EXCEL_MAX_SHEET_NAME:
            raise ValueError(f"{relation.name}: longer than Excel's {EXCEL_MAX_SHEET_NAME} characters for a sheet "
                             "name; give the table or view a shorter name")
    counts = {r.name: con.execute(f"SELECT count(*) FROM {r.name}").fetchone()[0] for r in described}
    result = Workbook(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True,  # rows go to disk as they are written
        # Text stays text: a passage starting with '=' is no formula, a URN no number, an address no link.
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    formats = {
        "bold": book.add_format({"bold": True}),
        "date": book.add_format({"num_format": DATE_FORMAT}),
        "timestamp": book.add_format({"num_format": TIMESTAMP_FORMAT}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "link": book.add_format({"font_color": "blue", "underline": 1}),
    }
    book.set_properties({"title": "Ofsted reports warehouse", "comments": source})
    contents = book.add_worksheet(CONTENTS_SHEET)
    sheets = {}
    for relation in described:
        if counts[relation.name] >= EXCEL_MAX_ROWS:
            result.left_out.append(LeftOut(relation.name, counts[relation.name]))
        else:
            sheets[relation.name] = book.add_worksheet(relation.name)
    write_contents(contents, described, counts, sheets, result.left_out, source, formats)
    for relation in described:
        sheet = sheets.get(relation.name)
        if sheet is not None:
            rows, cut = write_relation(con, sheet, relation, formats)
            result.sheets[relation.name] = rows
            if cut:
                result.cells_cut[relation.name] = cut
    book.close()
    return result


CONTENTS_HEADER = ("sheet", "kind", "column", "type", "description", "rows")
CONTENTS_WIDTHS = (24, 6, 24, 12, 100, 10)


def write_contents(sheet, described: list[Relation], counts: dict[str, int], sheets: dict, left_out: list[LeftOut],
                   source: str, formats: dict) -> None:
    sheet.write(0, 0, f"Ofsted reports warehouse {source}".strip(), formats["bold"])
    sheet.write(1, 0, "One sheet per table and view, listed here with every column and what it means (the "
                      "warehouse's own descriptions). Click a name to open its sheet.")
    header_row = 3
    sheet.write_row(header_row, 0, CONTENTS_HEADER, formats["bold"])
    for column, width in enumerate(CONTENTS_WIDTHS):
        sheet.set_column(column, column, width, formats["wrap"] if CONTENTS_HEADER[column] == "description" else None)
    missing = {item.name: item for item in left_out}
    row = header_row + 1
    for relation in described:
        if relation.name in sheets:
            sheet.write_url(row, 0, f"internal:'{relation.name}'!A1", formats["link"], relation.name)
            description = relation.comment or ""
        else:
            sheet.write(row, 0, relation.name)
            description = f"NOT IN THIS WORKBOOK: {missing[relation.name]}. {relation.comment or ''}"
        sheet.write_row(row, 1, (relation.kind, "", "", description, counts[relation.name]))
        row += 1
        for column in relation.columns:
            sheet.write_row(row, 0, (relation.name, relation.kind, column.name, column.data_type, column.comment or ""))
            row += 1
    sheet.autofilter(header_row, 0, row - 1, len(CONTENTS_HEADER) - 1)
    sheet.freeze_panes(header_row + 1, 0)


def write_relation(con: duckdb.DuckDBPyConnection, sheet, relation: Relation, formats: dict) -> tuple[int, int]:
    """The relation's header and rows; returns (rows written, cells cut at Excel's limit)."""
    columns = relation.columns
    sheet.write_row(0, 0, [column.name for column in columns], formats["bold"])
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column_width(column.name, column.data_type))
    sheet.freeze_panes(1, 0)
    written = cut = 0
    for written, values in enumerate(rows_of(con, relation.name), start=1):
        for index, value in enumerate(values):
            cut += write_cell(sheet, written, index, value, formats)
    sheet.autofilter(0, 0, max(written, 1), max(len(columns) - 1, 0))
    return written, cut


def rows_of(con: duckdb.DuckDBPyConnection, name: str) -> Iterator[tuple]:
    cursor = con.execute(f"SELECT * FROM {name}")
    while batch := cursor.fetchmany(FETCH_ROWS):
        yield from batch


def write_cell(sheet, row: int, column: int, value, formats: dict) -> int:
    """One value in the type Excel has for it; returns 1 when text had to be cut at Excel's limit."""
    if value is None:
        return 0
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float, Decimal)) and math.isfinite(value):
        sheet.write_number(row, column, float(value) if isinstance(value, Decimal) else value)
    elif isinstance(value, datetime.datetime):
        sheet.write_datetime(row, column, value, formats["timestamp"])
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row, column, value, formats["date"])
    elif isinstance(value, (list, tuple)):
        return write_cell(sheet, row, column, LIST_SEPARATOR.join(map(str, value)) or None, formats)
    else:
        text = str(value)
        if len(text) > EXCEL_MAX_CELL_CHARACTERS:
            sheet.write_string(row, column, text[: EXCEL_MAX_CELL_CHARACTERS - len(CUT_MARK)] + CUT_MARK)
            return 1
        sheet.write_string(row, column, text)
    return 0


def column_width(name: str, data_type: str) -> int:
    by_type = WIDTH_BY_TYPE.get(data_type, TEXT_WIDTH)
    return max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, max(len(name) + 2, by_type)))
