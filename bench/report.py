"""Time the HTML trend report on a warehouse: a full build, and the nightly's step after a run loaded a few reports.

    python bench/report.py [--db PATH] [--changed N] [--skip-full]

--db defaults to OFSTED_DB (OFSTED_HOME/ofsted.duckdb); load the corpus into it first
(`OFSTED_HOME=/tmp/bench ofsted ingest $OFSTED_CORPUS`) or make a big one with bench/synthetic.py. Each step
runs in a fresh process, so its peak memory (RSS) is its own:
1. full: the index and every authority's page (`ofsted report`);
2. nightly: the index and the pages of the authorities of the N most recently published reports (what the
   nightly does after loading N reports), into the folder the full build wrote.
Prints wall time, CPU time (all threads: what the step costs on an idle machine), peak RSS, pages written and
sizes. With --skip-full, step 2 writes the pages of those authorities only (every other page is taken as
already written).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.config import db_path as configured_db_path  # noqa: E402

KIB = 1024
MIB = 1024 * 1024
DEFAULT_CHANGED = 10
STEP_ARGUMENT = "--step"


def latest_reports(db: Path, count: int) -> list[str]:
    from warehouse.snapshot import reading

    with reading(db) as connection:
        rows = connection.execute(
            "SELECT report_id FROM v_provider_timeline WHERE kind NOT LIKE 'school%' AND urn IS NOT NULL "
            "ORDER BY published DESC NULLS LAST, report_id LIMIT ?", [count]
        ).fetchall()
    return [report_id for (report_id,) in rows]


def pretend_every_page_exists(db: Path, out: Path) -> None:
    """For --skip-full: empty placeholder pages, so the nightly step writes only what the run changed."""
    from warehouse.report.queries import read_authorities
    from warehouse.report.sections import authority_page
    from warehouse.snapshot import reading

    with reading(db) as connection:
        urns = [authority.urn for authority in read_authorities(connection)]
    for urn in urns:
        page = out / authority_page(urn)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.touch()


def run_step(step: str, db: Path, out: Path, changed: list[str]) -> dict:
    """In this (fresh) process: one build, its time, and this process's peak RSS."""
    from warehouse.report.build import build_report

    started, cpu_started = time.perf_counter(), time.process_time()
    build_report(db, out, changed_reports=changed if step == "nightly" else None)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux: KiB
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mib": peak_kib * KIB / MIB}


def in_fresh_process(step: str, db: Path, out: Path, changed: list[str]) -> dict:
    payload = json.dumps({"step": step, "db": str(db), "out": str(out), "changed": changed})
    result = subprocess.run([sys.executable, __file__, STEP_ARGUMENT, payload], check=True, capture_output=True,
                            text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def written_since(out: Path, since: float) -> tuple[int, int]:
    pages = [p for p in out.rglob("*.html") if p.stat().st_mtime >= since]
    return len(pages), sum(p.stat().st_size for p in pages)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == STEP_ARGUMENT:
        step = json.loads(sys.argv[2])
        print(json.dumps(run_step(step["step"], Path(step["db"]), Path(step["out"]), step["changed"])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=None, help="warehouse file (default OFSTED_DB)")
    parser.add_argument("--changed", type=int, default=DEFAULT_CHANGED,
                        help="reports the nightly loaded (default %(default)s)")
    parser.add_argument("--skip-full", action="store_true", help="time the nightly step only")
    args = parser.parse_args()
    db = args.db or configured_db_path()
    changed = latest_reports(db, args.changed)
    print(f"warehouse        {db} ({db.stat().st_size / MIB:.0f} MiB)")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        steps = ["nightly"] if args.skip_full else ["full", "nightly"]
        if args.skip_full:
            pretend_every_page_exists(db, out)
        for step in steps:
            since = time.time()
            figures = in_fresh_process(step, db, out, changed)
            pages, size = written_since(out, since)
            label = f"{step} ({len(changed)} reports loaded)" if step == "nightly" else step
            print(f"{label:32} {figures['seconds']:7.1f} s ({figures['cpu_seconds']:.1f} s of CPU)  "
                  f"peak RSS {figures['peak_mib']:6.0f} MiB  {pages} pages written, {size / MIB:.1f} MiB")
        index = out / "index.html"
        print(f"index.html       {index.stat().st_size / KIB:8.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
