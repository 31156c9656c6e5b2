"""The warehouse at archive scale: writes, views, the report and memory on synthetic warehouses of 10^4-10^6 reports.

    python bench/scale.py [--sizes 10000,100000,1000000] [--passages 200] [--batch 1000] [--dir DIR]

Per size it builds a synthetic warehouse from the corpus's rows (bench/synthetic.py, in a child process), then
prints: its file size; one authority's history as built, when la_judgements has the largest unsorted tail the
loads allow; the first write (which makes the standby copy, once per warehouse, and here rewrites la_judgements
in order, its tail being at the limit); the write after it, which replays that rewrite; a one-report write;
a write of a batch of --batch reports in steady state (the mean of BATCH_WRITES in a row; each write also
replays the previous one onto the standby copy); the bytes each write puts on disk (/proc/self/io); every
documented view read whole; one authority's history after those writes; a one-report write that rewrites
la_judgements; `ofsted report` (the report builder, in a child process); and peak memory (RSS) of the writes and
of the report. Then it projects a backfill to the largest size: writes, bytes written, hours, with the rewrites
of la_judgements the loads' rule makes on the way (warehouse/load.py), costed by the rewriting and replaying
writes measured at that size.

`--memory` instead measures the peak RSS of an ingest of the corpus's number of files and of four times as
many (the real ingest loop: transform, load, runs; synthetic Report records stand in for extraction, which
runs in worker processes anyway).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest import synthetic_reports  # noqa: E402
from bench.synthetic import PASSAGES_PER_REPORT, template_warehouse  # noqa: E402
from bench.views import VIEWS  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402
from warehouse.load import (  # noqa: E402
    COMPACT_APPENDED_FRACTION,
    COMPACT_MIN_APPENDED_ROWS,
    compact_la_judgements,
    load_batch,
    load_frames,
)
from warehouse.snapshot import reading, writing  # noqa: E402

DEFAULT_SIZES = "10000,100000,1000000"
DEFAULT_BATCH = 1000
REPEAT = 3
# Batch writes averaged for the batch figure. A write's bytes jump when a table's last row group fills (DuckDB
# rewrites it whole, ~17 MB for quotations): with the synthetic batches that happens to each copy about every 15
# writes, so one write, or the median of a few, misses it or hits it; the mean of 16 spans it, as a backfill does.
BATCH_WRITES = 16
# A full build at 10^6 reports took 793 s (200 s of CPU) on the shared 2-core machine: time to finish there.
REPORT_TIMEOUT_SECONDS = 1800
# Reads of one authority's history (~60 ms each at 10^6): the median of more is steadier on a shared machine.
HISTORY_REPEAT = 15
CHILD_STDERR_LINES = 15  # of a report child that printed no figures: enough for a traceback's end
CORPUS_FILES = 452  # files in the corpus: the 1x of the memory measurement
MEMORY_BATCH = 50
EXTRACTION_HOURS_PER_MILLION = 5.0  # measured: about 5 h to extract 10^6 reports on 2 cores (issue 12)
KIB, MB, GB = 1024, 1e6, 1e9
HISTORY_SQL = "SELECT * FROM v_judgement_history WHERE urn = ? ORDER BY inspection_end, area"
TAIL_SQL = "SELECT appended_rows, (SELECT count(*) FROM la_judgements) FROM la_judgements_order"
BUSIEST_AUTHORITY_SQL = (
    "SELECT urn FROM reports WHERE kind = 'la-inspection' AND urn IS NOT NULL GROUP BY urn ORDER BY count(*) DESC "
    "LIMIT 1"
)
REPORT_CHILD = """
import resource, sys, time
from warehouse.report.build import build_report
started, cpu = time.perf_counter(), time.process_time()
build_report(sys.argv[1], sys.argv[2])
print("scale:", time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      time.process_time() - cpu)
"""


def bytes_written() -> int:
    """Bytes this process has written through system calls so far (Linux)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    raise RuntimeError("no wchar in /proc/self/io: bench/scale.py measures writes on Linux only")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB / MB


@dataclass(frozen=True)
class Write:
    seconds: float
    bytes: int
    cpu_seconds: float  # CPU time of all the process's threads: what the write costs on an idle machine


def timed_write(db: Path, count: int, prefix: str, rewrite: bool = False) -> Write:
    """A write of `count` synthetic reports; `rewrite` also rewrites la_judgements in order, as the loads' rule
    does when their appended rows pass its fraction of the table."""
    frames = reports_to_frames([(report, None) for report in synthetic_reports(count, prefix)])
    before, started, cpu = bytes_written(), time.perf_counter(), time.process_time()
    if rewrite:
        with writing(db) as con:
            load_frames(con, frames)
            compact_la_judgements(con)
    else:
        load_batch(db, frames)
    return Write(time.perf_counter() - started, bytes_written() - before, time.process_time() - cpu)


@dataclass
class SizeResult:
    reports: int
    build_seconds: float
    file_bytes: int = 0
    disk_bytes: int = 0
    first_write: Write | None = None
    replaying: Write | None = None  # a one-report write replaying a rewrite of la_judgements
    rewriting: Write | None = None  # a one-report write rewriting la_judgements
    first_rewrote: bool = False  # whether the first write rewrote la_judgements (its tail was at the limit)
    one: Write | None = None
    batch: Write | None = None
    views: dict[str, tuple[float, float]] = field(default_factory=dict)  # view -> (wall, CPU) seconds
    history_seconds: tuple[float, float] = (0.0, 0.0)  # as built: the largest unsorted tail
    history_after_seconds: tuple[float, float] = (0.0, 0.0)  # after the writes
    tail: tuple[int, int] = (0, 0)  # la_judgements' rows appended since its last rewrite, and its rows, as built
    tail_after: tuple[int, int] = (0, 0)  # the same after the writes
    report_seconds: float = 0.0
    report_rss_mb: float = 0.0
    report_cpu_seconds: float = 0.0
    report_failure: str = ""  # the report child's exit code and stderr when it printed no figures
    write_rss_mb: float = 0.0


def repeated_write(db: Path, count: int, prefix: str, repeat: int, average=statistics.median) -> Write:
    writes = [timed_write(db, count, f"{prefix}{n}-") for n in range(repeat)]
    return Write(average(w.seconds for w in writes), int(average(w.bytes for w in writes)),
                 average(w.cpu_seconds for w in writes))


def measure(reports: int, directory: Path, passages: int, batch: int) -> SizeResult:
    db = directory / f"scale-{reports}.duckdb"
    started = time.perf_counter()
    subprocess.run([sys.executable, str(Path(__file__).parent / "synthetic.py"), str(db), "--reports", str(reports),
                    "--passages", str(passages)], check=True, stdout=subprocess.DEVNULL)
    result = SizeResult(reports, time.perf_counter() - started)
    with reading(db) as con:
        result.tail, result.history_seconds = history(con)
    result.first_write = timed_write(db, 1, "first")
    with reading(db) as con:
        result.first_rewrote = con.execute(TAIL_SQL).fetchone()[0] < result.tail[0]
    result.replaying = timed_write(db, 1, "replaying")
    result.one = repeated_write(db, 1, "one", REPEAT)
    result.file_bytes = db.stat().st_size  # before the batches, which add BATCH_WRITES times --batch reports
    timed_write(db, batch, "warm")  # so the measured batch replays a batch of the same size, as in a backfill
    result.batch = repeated_write(db, batch, "batch", BATCH_WRITES, statistics.mean)
    result.write_rss_mb = peak_rss_mb()
    result.disk_bytes = sum(p.stat().st_size for p in directory.glob(f"{db.name}*") if not p.is_symlink())
    with reading(db) as con:
        for view in VIEWS:
            result.views[view] = median_seconds(lambda: con.execute(f"SELECT count(*) FROM (SELECT * FROM {view})")
                                                .fetchone(), REPEAT)
        result.tail_after, result.history_after_seconds = history(con)
    result.rewriting = timed_write(db, 1, "rewriting", rewrite=True)
    with tempfile.TemporaryDirectory() as out:
        try:
            child = subprocess.run([sys.executable, "-c", REPORT_CHILD, str(db), out], capture_output=True, text=True,
                                   timeout=REPORT_TIMEOUT_SECONDS,
                                   env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        except subprocess.TimeoutExpired:
            result.report_seconds = float("inf")  # printed as "did not finish"
        else:
            # The report builder may print too (DuckDB's progress bar ends no line): our figures follow "scale:".
            figures = [line.split("scale:")[-1].split() for line in child.stdout.splitlines() if "scale:" in line]
            if figures:
                seconds, rss_kib, cpu_seconds = figures[0]
                result.report_seconds, result.report_rss_mb = float(seconds), int(rss_kib) * KIB / MB
                result.report_cpu_seconds = float(cpu_seconds)
            else:
                result.report_seconds = float("nan")  # printed as "gave no figures", with why
                result.report_failure = child_failure(child)
    return result


def history(con) -> tuple[tuple[int, int], tuple[float, float]]:
    """la_judgements' unsorted tail and its rows, and the time of the busiest authority's history."""
    tail = con.execute(TAIL_SQL).fetchone()
    (urn,) = con.execute(BUSIEST_AUTHORITY_SQL).fetchone()
    return tail, median_seconds(lambda: con.execute(HISTORY_SQL, [urn]).fetchall(), HISTORY_REPEAT)


def child_failure(child: subprocess.CompletedProcess) -> str:
    """Why the report child printed no figures: its exit code (negative: the signal that killed it, -9 being the
    kernel's out-of-memory killer) and the end of its stderr."""
    tail = child.stderr.strip().splitlines()[-CHILD_STDERR_LINES:] or ["(nothing on stderr)"]
    return f"exit code {child.returncode}; stderr ends:\n" + "\n".join(f"      {line}" for line in tail)


def median_seconds(action, repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (all threads) of `action`."""
    times, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(times), statistics.median(cpu)


def print_size(result: SizeResult, batch: int) -> None:
    print(f"\n{result.reports:,} reports (built in {result.build_seconds:.0f} s; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"  live file            {result.file_bytes / MB:9.0f} MB   (both copies and the change log: "
          f"{result.disk_bytes / MB:.0f} MB on disk)")
    replays = "next write (replays it)" if result.first_rewrote else "next write"
    for label, write in (("first write", result.first_write), (replays, result.replaying),
                         ("one-report write", result.one), (f"{batch:,}-report write", result.batch),
                         ("rewriting write", result.rewriting)):
        print(f"  {label:24} {write.seconds:9.2f} s    {write.bytes / MB:9.1f} MB written   "
              f"({write.cpu_seconds:.2f} s of CPU)")
    for view, (seconds, cpu) in [*result.views.items(), ("one authority's history", result.history_seconds),
                                 ("the same after the writes", result.history_after_seconds)]:
        print(f"  {view:24} {seconds * 1000:5.0f} ms   ({cpu * 1000:.0f} ms of CPU)")
    for label, (tail, rows) in (("as built", result.tail), ("after the writes", result.tail_after)):
        print(f"  la_judgements {label}: {rows:,} rows, {tail:,} appended since its last rewrite in order "
              f"(rewritten past {allowed_tail(rows):,})")
    if result.report_seconds != result.report_seconds:
        print(f"  ofsted report        gave no figures: {result.report_failure}")
    elif result.report_seconds == float("inf"):
        print(f"  ofsted report        did not finish in {REPORT_TIMEOUT_SECONDS} s")
    else:
        print(f"  ofsted report        {result.report_seconds:9.1f} s    peak RSS {result.report_rss_mb:.0f} MB   "
              f"({result.report_cpu_seconds:.1f} s of CPU)")
    print(f"  peak RSS (writes and views, this process) {result.write_rss_mb:.0f} MB")


def allowed_tail(rows: int) -> int:
    """The most rows loads may append to la_judgements of `rows` rows before they rewrite it (warehouse/load.py)."""
    return int(max(COMPACT_APPENDED_FRACTION * rows, COMPACT_MIN_APPENDED_ROWS))


def rewrites(final: SizeResult, batch: int) -> tuple[int, float, float]:
    """The rewrites of la_judgements a backfill to `final` makes in batches of `batch` (the loads' rule, with the
    final warehouse's rows of la_judgements per report), and their bytes and CPU seconds: each costs the
    rewriting write and the replaying one beyond a one-report write, measured at the final size, in proportion
    to the table's rows when it happens."""
    rows_per_report = final.tail[1] / final.reports
    extra_bytes = final.rewriting.bytes + final.replaying.bytes - 2 * final.one.bytes
    extra_cpu = final.rewriting.cpu_seconds + final.replaying.cpu_seconds - 2 * final.one.cpu_seconds
    count, share, appended = 0, 0.0, 0.0
    for k in range(1, final.reports // batch + 1):
        rows = k * batch * rows_per_report
        appended += batch * rows_per_report
        if appended > allowed_tail(int(rows)):
            count, share, appended = count + 1, share + rows / final.tail[1], 0.0
    return count, share * extra_bytes, share * extra_cpu


def interpolate(points: list[tuple[int, float]], at: float) -> float:
    """Linear between measured sizes, flat beyond them."""
    if at <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if at <= x1:
            return y0 + (y1 - y0) * (at - x0) / (x1 - x0)
    return points[-1][1]


def project(results: list[SizeResult], batch: int) -> None:
    """A backfill to the largest measured size in batches of `batch`: the sum of each write's measured cost at the
    size the warehouse has when it is made."""
    final = results[-1]
    writes = final.reports // batch
    seconds = [(r.reports, r.batch.seconds) for r in results]
    cpu = [(r.reports, r.batch.cpu_seconds) for r in results]
    written = [(r.reports, r.batch.bytes) for r in results]
    total_seconds = sum(interpolate(seconds, k * batch) for k in range(1, writes + 1))
    total_bytes = sum(interpolate(written, k * batch) for k in range(1, writes + 1))
    total_cpu = sum(interpolate(cpu, k * batch) for k in range(1, writes + 1))
    extraction_hours = EXTRACTION_HOURS_PER_MILLION * final.reports / 1e6
    rewritten, rewrite_bytes, rewrite_cpu = rewrites(final, batch)
    total_bytes += rewrite_bytes
    total_cpu += rewrite_cpu
    total_seconds += rewrite_cpu  # wall time of the rewrites is not measured apart: their CPU time stands in
    print(f"\nprojected backfill of {final.reports:,} reports in batches of {batch:,}: {writes:,} writes, "
          f"{total_bytes / GB:.1f} GB written ({total_bytes / final.file_bytes:.2f}x the final live file of "
          f"{final.file_bytes / GB:.2f} GB), {total_seconds / 3600:.2f} h of writing ({total_cpu / 3600:.2f} h of CPU) "
          f"against ~{extraction_hours:.1f} h of extraction on 2 cores; of which {rewritten} rewrites of "
          f"la_judgements in order: {rewrite_bytes / GB:.2f} GB, {rewrite_cpu / 3600:.2f} h of CPU")


MEMORY_CHILD = """
import resource, sys
from bench.scale import ingest_synthetic
ingest_synthetic(int(sys.argv[1]), sys.argv[2])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def ingest_synthetic(files: int, db: str) -> None:
    """The real ingest loop over `files` names, with synthetic reports standing in for each extracted file."""
    from flows.ingest import Steps, ingest

    def extract(batch: list[str], workers: int):
        return synthetic_reports(len(batch), prefix=Path(batch[0]).stem + "-")

    ingest([f"/synthetic/{n}.pdf" for n in range(files)], Path(db), batch_size=MEMORY_BATCH, steps=Steps(extract=extract))


def measure_memory(directory: Path) -> None:
    print(f"peak RSS of an ingest in batches of {MEMORY_BATCH} (synthetic reports for extraction):")
    for times in (1, 4):
        files = CORPUS_FILES * times
        child = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(files), str(directory / f"mem{times}.duckdb")],
                               check=True, capture_output=True, text=True,
                               env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
        print(f"  {times}x the corpus ({files} files): {int(child.stdout.split()[-1]) * KIB / MB:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"warehouse sizes in reports (default {DEFAULT_SIZES})")
    parser.add_argument("--passages", type=int, default=PASSAGES_PER_REPORT, help="sentences per synthetic report")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="reports per write in the batch figure")
    parser.add_argument("--dir", type=Path, default=None, help="where to build (default: a temporary folder)")
    parser.add_argument("--memory", action="store_true", help="measure ingest memory at 1x and 4x the corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        if args.memory:
            measure_memory(Path(tmp))
            return 0
        template_warehouse()
        print(f"synthetic warehouses from {template_warehouse()}, {args.passages} passages per report")
        results = []
        for size in sorted(int(s) for s in args.sizes.split(",")):
            results.append(measure(size, Path(tmp), args.passages, args.batch))
            print_size(results[-1], args.batch)
            for leftover in Path(tmp).glob(f"scale-{size}.duckdb*"):
                if leftover.is_dir():  # the folder of change logs
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
        project(results, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
