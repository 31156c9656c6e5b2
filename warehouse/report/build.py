"""Build the HTML report, or one authority's chart, from a warehouse file: the I/O around the pure parts."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from warehouse.report.charts import image_format, save_image, timeline_chart
from warehouse.report.providers import resolve_provider
from warehouse.report.queries import fetch, read_authorities, read_report_data
from warehouse.report.records import AreaJudgement, Authority, TimelineEntry
from warehouse.report.render import render_html
from warehouse.report.sections import build_grid
from warehouse.snapshot import reading

REPORT_FILE = "index.html"
PARTIAL_SUFFIX = ".partial"
NATIONAL_TITLE = "Ofsted inspections of local authority children's services"


def find_authority(connection: duckdb.DuckDBPyConnection, wanted: str) -> Authority:
    return resolve_provider(wanted, read_authorities(connection))


def write_atomically(path: Path, text: str) -> None:
    """Readers of the old report (a browser, a web server) never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A plain open() gives the file the usual permissions (a temporary file's would be owner-only).
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def build_report(db_path: str | Path, out_dir: str | Path, provider: str | None = None) -> Path:
    """Write OUT_DIR/index.html from the warehouse and return its path.

    With `provider` (a URN or a name), the authority sections cover that authority only; the national
    picture is kept as the context to read it against.
    """
    with reading(db_path) as connection:
        authority = find_authority(connection, provider) if provider else None
        data = read_report_data(connection, urn=authority.urn if authority else None)
    title = f"{authority.provider_name}: {NATIONAL_TITLE}" if authority else NATIONAL_TITLE
    path = Path(out_dir) / REPORT_FILE
    write_atomically(path, render_html(data, title))
    return path


def build_chart(db_path: str | Path, provider: str, png_path: str | Path) -> tuple[Authority, Path]:
    """Write one authority's judgement grid as an image (for slides), in the format its file name asks for."""
    image_format(Path(png_path))  # refused before any work
    with reading(db_path) as connection:
        authority = find_authority(connection, provider)
        entries = fetch(connection, "timeline", TimelineEntry, urn=authority.urn)
        judgements = fetch(connection, "judgements", AreaJudgement, urn=authority.urn)
    figure = timeline_chart(
        build_grid(entries, judgements), f"{authority.provider_name} (URN {authority.urn}): Ofsted judgements"
    )
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    save_image(figure, png_path)
    return authority, png_path
