"""Extraction speed over a folder of reports, against the fastest possible text extraction.

    python bench/extract.py CORPUS_DIR [--workers N]

Prints reports/s, pages/s, peak RSS, and the ratio of our full extraction (classify, parse, quotations) to
pypdfium2's plain text extraction of the same files, both run in this process on the same number of cores.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402

from extract.batch import CHUNK_SIZE, default_workers, expand_paths, extract_paths  # noqa: E402


def plain_text(path: str) -> int:
    """The baseline: every page's text with pypdfium2 and nothing else. Returns the page count."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return 0
    pages = 0
    for page in pdf:
        page.get_textpage().get_text_range()
        pages += 1
    pdf.close()
    return pages


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="folder of report PDFs (searched recursively)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes (default: all cores)")
    args = parser.parse_args()
    files = [str(p) for p in expand_paths([args.corpus])]

    def baseline():
        with ProcessPoolExecutor(args.workers) as pool:
            return sum(pool.map(plain_text, files, chunksize=CHUNK_SIZE))

    pages, baseline_seconds = timed(baseline)
    reports, ours_seconds = timed(lambda: list(extract_paths(files, workers=args.workers)))
    ok = sum(report.ok for report in reports)
    print(f"files: {len(files)} ({ok} read as reports), pages: {pages}, workers: {args.workers}")
    print(f"pypdfium2 plain text: {baseline_seconds:.2f} s ({pages / baseline_seconds:.0f} pages/s)")
    print(f"full extraction:      {ours_seconds:.2f} s ({len(files) / ours_seconds:.1f} reports/s, "
          f"{pages / ours_seconds:.0f} pages/s)")
    print(f"ratio full / plain text: {ours_seconds / baseline_seconds:.2f}x")
    print(f"peak RSS (largest process): {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
