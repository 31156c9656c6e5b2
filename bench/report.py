"""Time `ofsted report` on a warehouse and print how long it takes and how big the page is.

    python bench/report.py [--db PATH] [--repeat N]

--db defaults to OFSTED_DB (OFSTED_HOME/ofsted.duckdb); load the corpus into it first, e.g.
`OFSTED_HOME=/tmp/bench ofsted ingest $OFSTED_CORPUS`. Prints the fastest of N builds for each stage
(reading the views, drawing and rendering, the whole build), the file size, and how much of it is charts.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.config import db_path as configured_db_path  # noqa: E402
from warehouse.report.build import build_report  # noqa: E402
from warehouse.report.queries import read_report_data  # noqa: E402
from warehouse.report.render import render_html  # noqa: E402
from warehouse.snapshot import reading  # noqa: E402

SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.S)
KIB = 1024


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=None, help="warehouse file (default OFSTED_DB)")
    parser.add_argument("--repeat", type=int, default=5, help="builds to time; the fastest is reported")
    args = parser.parse_args()
    db_path = args.db or configured_db_path()

    reads, renders, builds = [], [], []
    with tempfile.TemporaryDirectory() as out_dir:
        for _ in range(args.repeat):
            with reading(db_path) as connection:
                read_seconds, data = timed(lambda: read_report_data(connection))
            render_seconds, page = timed(lambda: render_html(data, "bench"))
            build_seconds, path = timed(lambda: build_report(db_path, out_dir))
            reads.append(read_seconds)
            renders.append(render_seconds)
            builds.append(build_seconds)
        html = path.read_text(encoding="utf-8")
        size = path.stat().st_size

    chart_bytes = sum(len(svg.encode()) for svg in SVG_ELEMENT.findall(html))
    summary = data.summary
    print(f"warehouse        {db_path}")
    print(f"covers           {summary.reports} reports, {summary.authorities} authorities, "
          f"{summary.full_inspections} full inspections")
    print(f"read views       {min(reads) * 1000:8.0f} ms   (median {statistics.median(reads) * 1000:.0f} ms)")
    print(f"charts + HTML    {min(renders) * 1000:8.0f} ms   (median {statistics.median(renders) * 1000:.0f} ms)")
    print(f"whole build      {min(builds) * 1000:8.0f} ms   (median {statistics.median(builds) * 1000:.0f} ms, "
          f"{args.repeat} runs)")
    print(f"index.html       {size / KIB:8.0f} KiB  (charts {chart_bytes / KIB:.0f} KiB, "
          f"{len(SVG_ELEMENT.findall(html))} inline SVG)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
