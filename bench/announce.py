"""What announcing new reports costs a run: one `ofsted.report.loaded` Prefect event per new report.

    python bench/announce.py [--reports 500] [--repeats 3]

Loads `--reports` hand-made reports into a fresh warehouse as one batch, then times, on a temporary Prefect
server, a flow that announces them all (reads their notices back from the warehouse and emits the events)
against an empty flow, alternately; prints the medians and the difference per report. Prefect sends events
from a background thread, so the figure is what the run waits for, not the delivery.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST_DAY = date(2000, 1, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ["PREFECT_HOME"] = str(Path(folder) / "prefect")
        from flows.prefect_settings import apply_defaults

        apply_defaults()
        from prefect import flow
        from prefect.testing.utilities import prefect_test_harness

        from extract.records import Provenance
        from flows import site_steps
        from flows.announce import announce
        from tests.factories import make_report

        items = [
            (make_report("Leeds", FIRST_DAY + timedelta(days=n), quotations=[f"Quotation {n}."], seed=f"report {n}"),
             Provenance(source_url=f"https://files.ofsted.gov.uk/v1/file/{n}", file_id=str(n), urn="80481",
                        provider_name="Leeds"))
            for n in range(args.reports)
        ]
        db = Path(folder) / "ofsted.duckdb"
        site_steps.load(db, "bench", items, [], {})
        ids = [report.sha256 for report, _ in items]

        with prefect_test_harness(120):
            announcing = flow(name="announce")(lambda: announce(db, ids))
            empty = flow(name="empty")(lambda: None)
            announcing(), empty()  # warm up both
            seconds: dict[str, list[float]] = {"announce": [], "empty": []}
            for _ in range(args.repeats):
                for name, run in (("empty", empty), ("announce", announcing)):
                    started = time.perf_counter()
                    run()
                    seconds[name].append(time.perf_counter() - started)
    with_events, without = statistics.median(seconds["announce"]), statistics.median(seconds["empty"])
    print(f"a flow announcing {args.reports} reports: {with_events:.2f} s; an empty flow: {without:.2f} s "
          f"(medians of {args.repeats}); {(with_events - without) / args.reports * 1000:.2f} ms per report announced")


if __name__ == "__main__":
    main()
