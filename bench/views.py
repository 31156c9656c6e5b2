"""Time of each analyst view, over the corpus and over a synthetic warehouse of many years of inspections.

    python bench/views.py [CORPUS_DIR] [--reports 20000] [--repeat 5]

Prints, per view, the median time of reading it whole (SELECT count(*) FROM (SELECT * FROM view)) on a
read-only connection, as an analyst would.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ingest import synthetic_reports  # noqa: E402
from extract.batch import expand_paths, extract_paths  # noqa: E402
from transform.frames import reports_to_frames  # noqa: E402
from warehouse.load import load_batch  # noqa: E402
from warehouse.snapshot import reading  # noqa: E402

VIEWS = ("v_la_judgements", "v_latest_judgements", "v_judgement_history", "v_overall_streaks",
         "v_grade_distribution", "v_provider_timeline", "v_quotations")


def time_views(db: Path, label: str, repeat: int) -> None:
    with reading(db) as con:
        reports = con.execute("SELECT count(*) FROM reports").fetchone()[0]
        print(f"{label} ({reports} reports, {db.stat().st_size / 1e6:.1f} MB):")
        for view in VIEWS:
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                rows = con.execute(f"SELECT count(*) FROM (SELECT * FROM {view})").fetchone()[0]
                times.append(time.perf_counter() - start)
            print(f"  {view:22} {statistics.median(times) * 1000:7.1f} ms  ({rows} rows)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, nargs="?", help="folder of report PDFs (e.g. ../shared/corpus)")
    parser.add_argument("--reports", type=int, default=20000, help="size of the synthetic warehouse")
    parser.add_argument("--repeat", type=int, default=5, help="runs per view (the median is printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            db = Path(tmp) / "corpus.duckdb"
            reports = list(extract_paths(expand_paths([args.corpus])))
            load_batch(db, reports_to_frames([(r, None) for r in reports]))
            time_views(db, "corpus", args.repeat)
        db = Path(tmp) / "synthetic.duckdb"
        load_batch(db, reports_to_frames([(r, None) for r in synthetic_reports(args.reports, "v")]))
        time_views(db, "synthetic", args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
