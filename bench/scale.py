"""The warehouse at archive scale: writes, views, the report and memory on synthetic warehouses of 10^4-10^6 reports.

    python bench/scale.py [--sizes 10000,100000,1000000] [--passages 200] [--batch 1000] [--dir DIR]

Per size it builds a synthetic warehouse from the corpus's rows (bench/synthetic.py, in a child process), then
prints: its file size; the first write (which makes the standby copy, once per warehouse); a one-report write;
a write of a batch of --batch reports in steady state (the mean of BATCH_WRITES in a row; each write also
replays the previous one onto the standby copy); the bytes each write puts on disk (/proc/self/io); every
documented view read whole; one authority's history; `ofsted report` (the report builder, in a child process);
and peak memory (RSS) of the writes and of the report. Then it projects a backfill to the largest size: writes,
bytes written, hours.

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
from warehouse.load import load_batch  # noqa: E402
from warehouse.snapshot import reading  # noqa: E402

DEFAULT_SIZES = "10000,100000,1000000"
DEFAULT_BATCH = 1000
REPEAT = 3
# Batch writes averaged for the batch figure. A write's bytes jump when a table's last row group fills (DuckDB
# rewrites it whole, ~17 MB for quotations): with the synthetic batches that happens to each copy about every 15
# writes, so one write, or the median of a few, misses it or hits it; the mean of 16 spans it, as a backfill does.
BATCH_WRITES = 16
# A full build at 10^6 reports took 793 s (200 s of CPU) on the shared 2-core machine: time to finish there.
REPORT_TIMEOUT_SECONDS = 1800
HISTORY_REPEAT = 5
CHILD_STDERR_LINES = 15  # of a report child that printed no figures: enough for a traceback's end
CORPUS_FILES = 452  # files in the corpus: the 1x of the memory measurement
MEMORY_BATCH = 50
EXTRACTION_HOURS_PER_MILLION = 5.0  # measured: about 5 h to extract 10^6 reports on 2 cores (issue 12)
KIB, MB, GB = 1024, 1e6, 1e9
HISTORY_SQL = "SELECT * FROM v_judgement_history WHERE urn = ? ORDER BY inspection_end, area"
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


def timed_write(db: Path, count: int, prefix: str) -> Write:
    frames = reports_to_frames([(report, None) for report in synthetic_reports(count, prefix)])
    before, started, cpu = bytes_written(), time.perf_counter(), time.process_time()
    load_batch(db, frames)
    return Write(time.perf_counter() - started, bytes_written() - before, time.process_time() - cpu)


@dataclass
class SizeResult:
    reports: int
    build_seconds: float
    file_bytes: int = 0
    disk_bytes: int = 0
    first_write: Write | None = None
    one: Write | None = None
    batch: Write | None = None
    views: dict[str, tuple[float, float]] = field(default_factory=dict)  # view -> (wall, CPU) seconds
    history_seconds: tuple[float, float] = (0.0, 0.0)
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
    result.first_write = timed_write(db, 1, "first")
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
        (urn,) = con.execute(BUSIEST_AUTHORITY_SQL).fetchone()
        result.history_seconds = median_seconds(lambda: con.execute(HISTORY_SQL, [urn]).fetchall(), HISTORY_REPEAT)
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
    for label, write in (("first write", result.first_write), ("one-report write", result.one),
                         (f"{batch:,}-report write", result.batch)):
        print(f"  {label:20} {write.seconds:9.2f} s    {write.bytes / MB:9.1f} MB written   "
              f"({write.cpu_seconds:.2f} s of CPU)")
    for view, (seconds, cpu) in [*result.views.items(), ("one authority's history", result.history_seconds)]:
        print(f"  {view:24} {seconds * 1000:5.0f} ms   ({cpu * 1000:.0f} ms of CPU)")
    if result.report_seconds != result.report_seconds:
        print(f"  ofsted report        gave no figures: {result.report_failure}")
    elif result.report_seconds == float("inf"):
        print(f"  ofsted report        did not finish in {REPORT_TIMEOUT_SECONDS} s")
    else:
        print(f"  ofsted report        {result.report_seconds:9.1f} s    peak RSS {result.report_rss_mb:.0f} MB   "
              f"({result.report_cpu_seconds:.1f} s of CPU)")
    print(f"  peak RSS (writes and views, this process) {result.write_rss_mb:.0f} MB")


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
    print(f"\nprojected backfill of {final.reports:,} reports in batches of {batch:,}: {writes:,} writes, "
          f"{total_bytes / GB:.1f} GB written ({total_bytes / final.file_bytes:.2f}x the final live file of "
          f"{final.file_bytes / GB:.2f} GB), {total_seconds / 3600:.2f} h of writing ({total_cpu / 3600:.2f} h of CPU) "
          f"against ~{extraction_hours:.1f} h of extraction on 2 cores")


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
