"""What re-ingesting an unchanged folder costs, against the first ingest, in one run; and a full reparse.

    python bench/reingest.py CORPUS_DIR [--workers N]

Prints, for the same folder and a fresh warehouse:
1. the first ingest (every file extracted and loaded);
2. a re-ingest of the unchanged folder: files are hashed, none is extracted (the cheap path);
3. the same re-ingest with the hash check turned off (every file extracted again, every row left unchanged):
   what a re-ingest cost before the cheap path;
4. `reparse --status all`: every loaded report read again from where it was ingested.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.batch import default_workers, expand_paths  # noqa: E402
from flows.ingest import Plan, Steps, ingest  # noqa: E402
from flows.reparse import reparse  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def every_file(files: list[str], db: Path) -> Plan:
    return Plan(list(files))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of report PDFs (e.g. ../shared/corpus)")
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    files = expand_paths([args.corpus])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ofsted.duckdb"
        first, first_seconds = timed(ingest, files, db, workers=args.workers)
        print(f"first ingest of {len(files)} files on {args.workers} workers: {first_seconds:.2f} s "
              f"({first.inserted} reports loaded)")
        again, again_seconds = timed(ingest, files, db, workers=args.workers)
        print(f"re-ingest, unchanged: {again_seconds:.2f} s ({again.skipped} files hashed and skipped, "
              f"{again.read} extracted): {first_seconds / again_seconds:.0f}x faster than the first ingest")
        slow, slow_seconds = timed(ingest, files, db, workers=args.workers, steps=Steps(plan=every_file))
        print(f"re-ingest without the hash check: {slow_seconds:.2f} s ({slow.unchanged} unchanged, every file "
              f"extracted): {slow_seconds / again_seconds:.0f}x the cheap path")
        full, full_seconds = timed(reparse, db, Path(tmp) / "raw", selection="all", workers=args.workers)
        print(f"reparse --status all: {full_seconds:.2f} s ({full.read} read again, {full.unchanged} unchanged, "
              f"{len(full.gone)} gone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
