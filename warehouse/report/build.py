"""Build the HTML report, or one authority's chart, from a warehouse file: the I/O around the pure parts."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.report.charts import save_png, timeline_chart
from warehouse.report.exceptions import WarehouseNotFound
from warehouse.report.providers import resolve_provider
from warehouse.report.queries import fetch, read_authorities, read_report_data
from warehouse.report.records import AreaJudgement, Authority, TimelineEntry
from warehouse.report.render import render_html
from warehouse.report.sections import build_grid

REPORT_FILE = "index.html"
NATIONAL_TITLE = "Ofsted inspections of local authority children's services"


@contextmanager
def open_warehouse(db_path: str | Path):
    """Read-only, so building a report never blocks or alters the warehouse."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise WarehouseNotFound(
            f"no warehouse at {db_path}; load one first with `ofsted ingest`, or point OFSTED_DB at it"
        )
    connection = duckdb.connect(str(db_path), read_only=True)
    try:
        yield connection
    finally:
        connection.close()


def find_authority(connection: duckdb.DuckDBPyConnection, wanted: str) -> Authority:
    return resolve_provider(wanted, read_authorities(connection))


def write_atomically(path: Path, text: str) -> None:
    """Readers of the old report (a browser, a web server) never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as handle:
        handle.write(text)
    os.replace(handle.name, path)


def build_report(db_path: str | Path, out_dir: str | Path, provider: str | None = None) -> Path:
    """Write OUT_DIR/index.html from the warehouse and return its path.

    With `provider` (a URN or a name), the authority sections cover that authority only; the national
    picture is kept as the context to read it against.
    """
    with open_warehouse(db_path) as connection:
        authority = find_authority(connection, provider) if provider else None
        data = read_report_data(connection, urn=authority.urn if authority else None)
    title = f"{authority.provider_name}: {NATIONAL_TITLE}" if authority else NATIONAL_TITLE
    path = Path(out_dir) / REPORT_FILE
    write_atomically(path, render_html(data, title))
    return path


def build_chart(db_path: str | Path, provider: str, png_path: str | Path) -> tuple[Authority, Path]:
    """Write one authority's judgement grid as a PNG image (for slides)."""
    with open_warehouse(db_path) as connection:
        authority = find_authority(connection, provider)
        entries = fetch(connection, "timeline", TimelineEntry, urn=authority.urn)
        judgements = fetch(connection, "judgements", AreaJudgement, urn=authority.urn)
    figure = timeline_chart(
        build_grid(entries, judgements), f"{authority.provider_name} (URN {authority.urn}): Ofsted judgements"
    )
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    save_png(figure, png_path)
    return authority, png_path
