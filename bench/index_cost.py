"""What the word index (passage_words, migration 010) costs a load of real reports: CPU, wall time and bytes.

    python bench/index_cost.py CORPUS_DIR [--rounds 2]

Extracts every report of CORPUS_DIR once, then loads them all in one write into fresh warehouses, in turns:
with the index as loads keep it (warehouse/sql/index_passages.sql), and without it (that step skipped), and
prints each load's wall and CPU seconds and the live file's size. The turns alternate so that both see the same
machine; a write of the first report before each timed one makes the warehouse and its standby copy.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import warehouse.load as load  # noqa: E402
from extract.batch import expand_paths, extract_paths  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402

SKIP_INDEX_SQL = "SELECT 'word index skipped';"
INDEX_PASSAGES_SQL = load.INDEX_PASSAGES_SQL


def timed_load(db: Path, reports: list, with_index: bool, skip_index: Path) -> tuple[float, float, int]:
    load.INDEX_PASSAGES_SQL = INDEX_PASSAGES_SQL if with_index else skip_index
    load.load_batch(db, reports_to_frames([(reports[0], None)]))
    frames = reports_to_frames([(report, None) for report in reports])
    start, cpu_start = time.perf_counter(), time.process_time()
    load.load_batch(db, frames)
    return time.perf_counter() - start, time.process_time() - cpu_start, os.path.getsize(os.path.realpath(db))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of report PDFs")
    parser.add_argument("--rounds", type=int, default=2, help="loads with and without the index, in turns")
    args = parser.parse_args()
    reports = list(extract_paths(expand_paths([args.corpus])))
    passages = sum(len(report.passages) for report in reports)
    print(f"{len(reports)} reports, {passages:,} passages, loaded in one write each time:")
    with tempfile.TemporaryDirectory() as tmp:
        skip_index = Path(tmp) / "skip_index.sql"
        skip_index.write_text(SKIP_INDEX_SQL)
        for round_number in range(args.rounds):
            for with_index in (True, False):
                db = Path(tmp) / f"{round_number}-{with_index}" / "ofsted.duckdb"
                wall, cpu, size = timed_load(db, reports, with_index, skip_index)
                label = "with the word index" if with_index else "without it"
                print(f"  {label:20} {wall:6.2f} s wall {cpu:6.2f} s of CPU   live file {size / 1e6:6.1f} MB "
                      f"({size / len(reports):,.0f} bytes per report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
