"""Ingest speed over a folder of reports, the cost of publishing a snapshot, and whether readers get locked out.

    python bench/ingest.py CORPUS_DIR [--workers N] [--sizes 1000,10000,50000]

Prints:
1. ingest throughput (reports/s) over the folder into a fresh warehouse, with the time of each stage, and of
   an idempotent rerun;
2. the time of a one-report write (copy the file, migrate, load, checkpoint, rename) against warehouse size;
3. a reader querying in a loop during loads: how many of its queries failed on a lock, for our snapshot
   design and for writing the live file directly (the design we did not choose).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from extract.batch import default_workers, expand_paths, extract_paths  # noqa: E402
from extract.records import Judgement, Quotation, Report, Status  # noqa: E402
from flows.ingest import DEFAULT_BATCH_SIZE, ingest  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402
from warehouse.load import load_batch, load_frames  # noqa: E402
from warehouse.schema import migrate  # noqa: E402

QUOTATIONS_PER_REPORT = 8  # about what a full inspection gives
READER_SECONDS = 8.0
LOADS_DURING_READS = 6
REPORTS_PER_LOAD = 500
SYNTHETIC_AREAS = ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "children_in_care",
                   "care_leavers")


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def synthetic_reports(count: int, prefix: str) -> list[Report]:
    """Full inspections shaped like real ones (five judgements, eight sentences), spread over the authorities."""
    from transform.providers import local_authorities

    names = [a.name for a in local_authorities().by_urn.values()]
    reports = []
    for i in range(count):
        sha = f"{prefix}{i}".encode().hex().ljust(64, "0")[:64]
        reports.append(Report(
            path=f"/synthetic/{prefix}{i}.pdf", sha256=sha, status=Status.OK, kind="la-inspection",
            framework="ilacs-2023", provider=names[i % len(names)],
            inspection_start=date(2010, 1, 1) + timedelta(days=i % 5000),
            inspection_end=date(2010, 1, 12) + timedelta(days=i % 5000), lead_inspector="A Inspector",
            judgements=[Judgement(a, "good", a, 1) for a in SYNTHETIC_AREAS],
            quotations=[Quotation("Headline", 2, f"Sentence {n} of report {i}: children are helped. " * 3)
                        for n in range(QUOTATIONS_PER_REPORT)],
            pages=14,
        ))
    return reports


def bench_corpus(corpus: Path, workers: int, directory: Path) -> None:
    files = expand_paths([corpus])
    db = directory / "corpus.duckdb"
    summary, seconds = timed(ingest, files, db, workers=workers, batch_size=DEFAULT_BATCH_SIZE)
    print(f"ingest {len(files)} files on {workers} workers, batches of {DEFAULT_BATCH_SIZE}: {seconds:.2f} s, "
          f"{len(files) / seconds:.1f} reports/s ({summary.read} read)")
    rerun, rerun_seconds = timed(ingest, files, db, workers=workers)
    print(f"  idempotent rerun: {rerun_seconds:.2f} s, {rerun.unchanged} unchanged, {rerun.inserted + rerun.replaced} "
          "loaded")
    reports, extract_seconds = timed(lambda: list(extract_paths(files, workers=workers)))
    frames, transform_seconds = timed(reports_to_frames, [(r, None) for r in reports])
    _, load_seconds = timed(load_batch, directory / "stages.duckdb", frames)
    print(f"  stages in one batch: extract {extract_seconds:.2f} s ({len(files) / extract_seconds:.1f} reports/s), "
          f"transform {transform_seconds * 1000:.0f} ms, load {load_seconds * 1000:.0f} ms")


def bench_publish(sizes: list[int], directory: Path) -> None:
    one = reports_to_frames([(synthetic_reports(1, "one")[0], None)])
    for size in sizes:
        db = directory / f"size{size}.duckdb"
        load_batch(db, reports_to_frames([(r, None) for r in synthetic_reports(size, f"s{size}-")]))
        megabytes = db.stat().st_size / 1e6
        _, seconds = timed(load_batch, db, one)
        print(f"one-report write into a warehouse of {size} reports ({megabytes:.1f} MB): {seconds * 1000:.0f} ms")


READER = """
import json, sys, time, duckdb
deadline = time.monotonic() + float(sys.argv[2])
ok = locked = 0
print("ready", flush=True)
while time.monotonic() < deadline:
    try:
        con = duckdb.connect(sys.argv[1], read_only=True)
        con.execute("SELECT count(*) FROM reports").fetchone()
        con.close()
        ok += 1
    except duckdb.IOException:
        locked += 1
    time.sleep(0.005)
print(json.dumps({"ok": ok, "locked": locked}))
"""


WRITER_RETRY_SECONDS = 0.01


def direct_write(db: Path, frames) -> None:
    """The rejected design: write the live file in place, in one short transaction, retrying the open."""
    while True:
        try:
            con = duckdb.connect(str(db))
            break
        except duckdb.IOException:
            time.sleep(WRITER_RETRY_SECONDS)
    con.execute("BEGIN TRANSACTION")
    migrate(con)
    load_frames(con, frames)
    con.execute("COMMIT")
    con.close()


def bench_lockout(directory: Path) -> None:
    for design, write in (("snapshot (ours)", load_batch), ("direct write", direct_write)):
        db = directory / f"lockout-{design.split()[0]}.duckdb"
        load_batch(db, reports_to_frames([(r, None) for r in synthetic_reports(2000, "base")]))
        reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(READER), str(db), str(READER_SECONDS)],
                                  stdout=subprocess.PIPE, text=True)
        reader.stdout.readline()
        started = time.perf_counter()
        for n in range(LOADS_DURING_READS):
            write(db, reports_to_frames([(r, None) for r in synthetic_reports(REPORTS_PER_LOAD, f"{design[0]}{n}-")]))
        busy = time.perf_counter() - started
        counts = json.loads(reader.communicate()[0])
        total = counts["ok"] + counts["locked"]
        print(f"reader during {LOADS_DURING_READS} loads of {REPORTS_PER_LOAD} reports ({busy:.1f} s of writing), "
              f"{design}: {counts['locked']} of {total} queries locked out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of report PDFs (e.g. ../shared/corpus)")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--sizes", default="1000,10000,50000", help="warehouse sizes (reports) for the publish cost")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        bench_corpus(args.corpus, args.workers, directory)
        bench_publish([int(s) for s in args.sizes.split(",")], directory)
        bench_lockout(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
