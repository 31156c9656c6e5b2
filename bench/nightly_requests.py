"""What a nightly run costs against a big listing: requests sent and time taken.

    python bench/nightly_requests.py [--schools 5000] [--recent 3]

A fake Ofsted site on 127.0.0.1 (tests/fake_site) lists `--schools` primary schools, of which `--recent` have a
report published today and the rest one published 400 days ago; the warehouse's last good nightly started
yesterday. Prints the requests the nightly (`--types school`) sent, by kind, and its wall time; then, for
comparison, a walk of the whole school listings, measured (what the nightly did before it asked the listing for
what was published since the last run), to which that walk added a provider page per school.
The time includes Prefect's flow-run overhead but not the temporary Prefect server's start (a warm-up flow
runs first).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fake_site import FakeOfstedSite  # noqa: E402
from tests.fake_site.catalogue import school_listing  # noqa: E402
from tests.fake_site.fixtures import seed_good_nightly, site_environment  # noqa: E402

OLDER_DAYS = 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=5000, help="schools listed (default: %(default)s)")
    parser.add_argument("--recent", type=int, default=3, help="of which published today (default: %(default)s)")
    args = parser.parse_args()

    today = date.today()
    site = FakeOfstedSite(school_listing(args.schools, args.recent, today, today - timedelta(days=OLDER_DAYS)))
    with tempfile.TemporaryDirectory() as home:
        # A generous read timeout: a retried request would be counted as one more.
        os.environ.update(site_environment(site, Path(home), OFSTED_WORKERS="1", OFSTED_READ_TIMEOUT="30"))
        os.environ.pop("OFSTED_DB", None)
        os.environ["PREFECT_HOME"] = str(Path(home) / "prefect")
        from flows.prefect_settings import apply_defaults

        apply_defaults()
        from prefect import flow

        from flows.nightly import nightly
        from flows.outcome import summary_of_run

        flow(name="warm-up")(lambda: None)()  # start Prefect's temporary server outside the timing
        seed_good_nightly(Path(home) / "ofsted.duckdb", datetime.now() - timedelta(days=1))
        site.reset()
        started = time.perf_counter()
        summary = summary_of_run(nightly, types=["school"])
        seconds = time.perf_counter() - started
        requests = list(site.requests)
        walk_pages, walk_seconds = walk_whole_listing(site)
    site.close()

    kinds = Counter("search" if path == "/search" else path.split("/")[1] for _, path in requests)
    print(f"nightly --types school over {args.schools} listed schools, {args.recent} published since the last run:")
    print(f"  requests: {len(requests)} ({kinds['search']} listing pages, {kinds['provider']} provider pages, "
          f"{kinds['v1']} files); reports loaded: {summary.inserted}")
    print(f"  time: {seconds:.1f} s (the whole Prefect flow run: discovery, download, extraction, load, trend report)")
    print(f"  a walk of the whole school listings: {walk_pages} listing pages in {walk_seconds:.1f} s, then one "
          f"provider page per school: {walk_pages + args.schools} requests before any file, "
          f"{(walk_pages + args.schools) / max(1, len(requests)):.0f}x the nightly's")


def walk_whole_listing(site: FakeOfstedSite) -> tuple[int, float]:
    """Listing pages a walk of every school listing takes (no date filter), and its time."""
    from extract.web.config import SiteConfig
    from extract.web.download import PoliteClient
    from extract.web.site import list_providers, provider_types

    site.reset()
    started = time.perf_counter()
    with PoliteClient(SiteConfig.from_env()) as client:
        for provider_type in provider_types(["school"]):
            for _ in list_providers(client, provider_type):
                pass
    return site.count("reports", "/search"), time.perf_counter() - started


if __name__ == "__main__":
    main()
