"""End-to-end backfill throughput through the local fake Ofsted site, and Prefect's share of the wall time.

    python bench/backfill.py CORPUS_DIR [--types la school] [--rate 1000] [--runner local|dask|both]

Serves every corpus report from the fake site on 127.0.0.1, then backfills into a fresh warehouse twice:
once as the Prefect flow (on Prefect's temporary server, started beforehand and timed on its own), then once
running the same steps as plain functions. Prints reports/s for each, and Prefect's share of the flow's wall
time: (flow - plain) / flow. The rate limit is raised (--rate) so the site's politeness does not hide the
pipeline's own speed; at the real site's 2 requests/s, downloads alone take 0.5 s a report.

--runner dask extracts on a temporary Dask cluster on this machine (one single-threaded worker process per
core, as OFSTED_TASK_RUNNER=dask makes it); --runner both runs the flow on each and prints the ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def environment(site, home: Path, rate: float) -> dict[str, str]:
    return {
        "OFSTED_HOME": str(home),
        "OFSTED_REPORTS_URL": site.reports_url,
        "OFSTED_FILES_URL": site.files_url,
        "OFSTED_REQUESTS_PER_SECOND": str(rate),
    }


def plain_backfill(types: list[str]) -> int:
    """The flow's steps without Prefect: discover, plan, fetch, extract, load in batches; returns reports loaded."""
    from extract.web.download import PoliteClient
    from extract.web.site import provider_types
    from flows import site_steps
    from flows.settings import Settings
    from warehouse.runs import start_run
    from warehouse.snapshot import writing

    settings = Settings.from_env()
    with writing(settings.db) as con:
        run_id = start_run(con, "backfill", detail="bench without Prefect")
    loaded = 0
    with PoliteClient(settings.site) as client:
        discovery = site_steps.discover(client, provider_types(types))
        links = site_steps.plan(discovery.links, site_steps.loaded_file_ids(settings.db))
        for number, batch in enumerate(site_steps.batches_of(links, site_steps.DEFAULT_BATCH_SIZE)):
            fetched, problems = site_steps.fetch(client, settings.raw_store(), batch)
            items = site_steps.extract(fetched, settings.workers)
            worked = site_steps.worked_targets(discovery if number == 0 else None, fetched, items)
            result = site_steps.load(settings.db, run_id, items, problems + site_steps.extract_problems(items), worked)
            loaded += result.loaded
    return loaded


def timed(label: str, run) -> tuple[float, object]:
    started = time.perf_counter()
    value = run()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.2f} s", flush=True)
    return seconds, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--types", nargs="+", default=["la", "school"])
    parser.add_argument("--rate", type=float, default=1000.0, help="requests per second allowed (default 1000)")
    parser.add_argument("--runner", choices=("local", "dask", "both"), default="local",
                        help="where the flow extracts (default local; both: the flow on each, and the ratio)")
    args = parser.parse_args()

    from flows.prefect_settings import apply_defaults

    apply_defaults()
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="bench-prefect-"))
    from prefect.testing.utilities import prefect_test_harness

    from tests.fake_site import FakeOfstedSite, catalogue_from_corpus

    site = FakeOfstedSite(catalogue_from_corpus(args.corpus))
    try:
        with tempfile.TemporaryDirectory() as plain_home, tempfile.TemporaryDirectory() as flow_home:
            harness = prefect_test_harness(120)
            startup, _ = timed("Prefect temporary server start", harness.__enter__)
            from flows.backfill import backfill
            from flows.outcome import summary_of_run

            runners = ("local", "dask") if args.runner == "both" else (args.runner,)
            flow_times = {}
            for runner in runners:
                home = Path(flow_home) / runner
                os.environ.update(environment(site, home, args.rate), OFSTED_TASK_RUNNER=runner)
                flow_times[runner], summary = timed(f"backfill flow, {runner} extraction",
                                                    lambda: summary_of_run(backfill, types=args.types))
            flow_seconds = flow_times[runners[0]]
            harness.__exit__(None, None, None)
            requests = len(site.requests)

            # Second, so the corpus files are as warm in the page cache for it as for the flow.
            os.environ.update(environment(site, Path(plain_home), args.rate), OFSTED_TASK_RUNNER="local")
            plain_seconds, plain_loaded = timed("plain steps (no Prefect)", lambda: plain_backfill(args.types))
    finally:
        site.close()
    reports = summary.downloaded + summary.reused
    share = (flow_seconds - plain_seconds) / flow_seconds
    print(f"reports: {reports} fetched, {summary.inserted} loaded by the flow, {plain_loaded} by the plain steps; "
          f"{len(summary.problems)} failures; {requests} requests")
    print(f"throughput: flow {reports / flow_seconds:.1f} reports/s, plain {reports / plain_seconds:.1f} reports/s "
          f"on {os.cpu_count()} cores")
    print(f"Prefect's share of the flow's wall time: {share:.0%} ({flow_seconds - plain_seconds:.2f} s), "
          f"plus {startup:.1f} s to start its temporary server once per process")
    if len(flow_times) == 2:
        print(f"dask / local wall time on this machine: {flow_times['dask'] / flow_times['local']:.2f}x "
              f"({flow_times['dask']:.1f} s / {flow_times['local']:.1f} s)")


if __name__ == "__main__":
    main()
