"""Build the HTML report, or one authority's chart, from a warehouse file: the I/O around the pure parts."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb

from warehouse.report.charts import image_format, save_image, timeline_chart
from warehouse.report.providers import resolve_provider
from warehouse.report.queries import (
    fetch,
    read_authorities,
    read_authorities_data,
    read_index_data,
    read_urns_of_reports,
)
from warehouse.report.records import AreaJudgement, AuthoritiesData, Authority, TimelineEntry
from warehouse.report.render import render_authority, render_index
from warehouse.report.sections import AUTHORITY_FOLDER, authority_page, build_grid, build_sections
from warehouse.snapshot import reading

REPORT_FILE = "index.html"
PAGE_SUFFIX = ".html"
# DuckDB's memory for the report's queries: beyond it they spill to temporary files instead of growing.
REPORT_MEMORY_LIMIT = "512MB"
# Authorities read per query: few queries for a full build, a bounded number of rows in memory at once.
AUTHORITIES_PER_QUERY = 25
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


def build_report(
    db_path: str | Path,
    out_dir: str | Path,
    provider: str | None = None,
    changed_reports: Iterable[str] | None = None,
) -> Path:
    """Write OUT_DIR/index.html and the pages of OUT_DIR/authorities/ from the warehouse; return the index's path.

    The index (the national picture and the list of authorities) is always rewritten. Authority pages:
    - by default, every authority's, and pages of authorities no longer in the warehouse are removed;
    - with `provider` (a URN or a name), that authority's only;
    - with `changed_reports` (report ids a run loaded), the pages of the authorities those reports belong to,
      and of any authority that has no page yet: what a nightly run changed, whatever the warehouse's size.
    """
    out_dir = Path(out_dir)
    pages = out_dir / AUTHORITY_FOLDER
    with reading(db_path) as connection:
        configure(connection)
        index = read_index_data(connection)
        every_urn = [authority.urn for authority in index.authorities]
        if provider:
            wanted = {resolve_provider(provider, index.authorities).urn}
        elif changed_reports is not None:
            without_page = [urn for urn in every_urn if not (out_dir / authority_page(urn)).exists()]
            wanted = set(read_urns_of_reports(connection, changed_reports)) | set(without_page)
        else:
            wanted = set(every_urn)
        # The index's list already holds each authority's row (name, region, latest grade): pages reuse it.
        for group in batches([authority for authority in index.authorities if authority.urn in wanted],
                             AUTHORITIES_PER_QUERY):
            write_authority_pages(read_authorities_data(connection, group, index.generated_at), out_dir)
    if provider is None and changed_reports is None:
        remove_pages_except(pages, set(every_urn))
    path = out_dir / REPORT_FILE
    write_atomically(path, render_index(index, NATIONAL_TITLE))
    return path


def configure(connection: duckdb.DuckDBPyConnection) -> None:
    """The views' windows over a million reports would otherwise take most of DuckDB's default (80% of RAM).
    DuckDB's progress bar, on by default, draws on stdout for any query over 2 s and ends no line: whatever the
    caller prints next (the nightly's log, a bench's figures) would be glued to it."""
    connection.execute(f"SET memory_limit = '{REPORT_MEMORY_LIMIT}'")
    connection.execute(f"SET temp_directory = '{tempfile.gettempdir()}'")
    connection.execute("SET enable_progress_bar = false")


def write_authority_pages(data: AuthoritiesData, out_dir: Path) -> None:
    for section in build_sections(data):
        title = f"{section.authority.provider_name}: {NATIONAL_TITLE}"
        write_atomically(out_dir / section.page, render_authority(section, data, title))


def remove_pages_except(pages: Path, kept: set[str]) -> None:
    """Pages of authorities the warehouse no longer holds (their reports were removed or renamed)."""
    if pages.is_dir():
        for page in pages.glob(f"*{PAGE_SUFFIX}"):
            if page.stem not in kept:
                page.unlink()


def batches(items: Sequence[Authority], size: int) -> list[list[Authority]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def build_chart(db_path: str | Path, provider: str, png_path: str | Path) -> tuple[Authority, Path]:
    """Write one authority's judgement grid as an image (for slides), in the format its file name asks for."""
    image_format(Path(png_path))  # refused before any work
    with reading(db_path) as connection:
        authority = find_authority(connection, provider)
        entries = fetch(connection, "timeline", TimelineEntry, urns=[authority.urn])
        judgements = fetch(connection, "judgements", AreaJudgement, urns=[authority.urn])
    figure = timeline_chart(
        build_grid(entries, judgements), f"{authority.provider_name} (URN {authority.urn}): Ofsted judgements"
    )
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    save_image(figure, png_path)
    return authority, png_path
