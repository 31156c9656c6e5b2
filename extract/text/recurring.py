"""Template sentences: what a family's reports print word for word, report after report ("The next full area
SEND inspection will be within approximately three years.", "This statement will inform the lines of enquiry
at any future joint or single-agency activity by the inspectorates."). They say nothing of the place inspected
and are never key quotations; the fixed words of an outcome statement, which are the verdict itself, aside.

They are found from the reports, not listed: a sentence is a template sentence when it is printed in at least
`MIN_REPORTS` of a kind's reports and in at least `MIN_SHARE` of them. One report cannot tell, so the finding is
kept as data beside this module (`recurring.csv`: kind, the sentence's fingerprint, in how many reports and what
share of them; fingerprints, not sentences), made from a folder of reports by

    python -m extract.text.recurring ../shared/corpus

and read by every extraction. Run it again when a family's template changes or a new family is read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RECURRING_FILE = Path(__file__).with_name("recurring.csv")
MIN_REPORTS = 5
MIN_SHARE = 0.2
# Shorter sentences ("Children are safe.") may recur by chance; a template sentence is longer.
MIN_NORMALISED_CHARS = 30
FINGERPRINT_CHARS = 16
NOT_LETTERS_OR_DIGITS = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True)
class Recurring:
    kind: str
    fingerprint: str
    reports: int
    share: float


def normalised(text: str) -> str:
    """Lower-case letters and digits only: spacing, punctuation and apostrophes' shapes do not count."""
    return NOT_LETTERS_OR_DIGITS.sub("", text.lower())


def fingerprint(text: str) -> str:
    return hashlib.sha1(normalised(text).encode()).hexdigest()[:FINGERPRINT_CHARS]


def recurring_sentences(reports: Iterable[tuple[str, Iterable[str]]]) -> list[Recurring]:
    """(kind, the report's sentences) for each report -> the sentences printed in at least `MIN_REPORTS` and
    `MIN_SHARE` of the reports of their kind, by kind and fingerprint."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for kind, sentences in reports:
        totals[kind] += 1
        counts[kind].update(
            {fingerprint(text) for text in sentences if len(normalised(text)) >= MIN_NORMALISED_CHARS}
        )
    found = [
        Recurring(kind, key, count, round(count / totals[kind], 3))
        for kind, counter in counts.items()
        for key, count in counter.items()
        if count >= MIN_REPORTS and count >= MIN_SHARE * totals[kind]
    ]
    return sorted(found, key=lambda r: (r.kind, -r.reports, r.fingerprint))


@cache
def recurring_fingerprints() -> frozenset[str]:
    """The fingerprints in `recurring.csv`, whatever their kind (a family's template sentence is nobody's
    finding); empty when the file is absent."""
    if not RECURRING_FILE.is_file():
        return frozenset()
    with open(RECURRING_FILE, newline="", encoding="utf-8") as handle:
        return frozenset(row["fingerprint"] for row in csv.DictReader(handle))


def is_recurring(text: str) -> bool:
    return fingerprint(text) in recurring_fingerprints()


def write(rows: Sequence[Recurring], out: Path) -> None:
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["kind", "fingerprint", "reports", "share"])
        writer.writerows([row.kind, row.fingerprint, row.reports, row.share] for row in rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extract.text.recurring",
        description="Find the sentences printed word for word in many reports of a kind (template sentences) and "
        f"write their fingerprints to {RECURRING_FILE.name}, which key quotations leave out.",
    )
    parser.add_argument("paths", nargs="+", help="report PDFs or folders of them (a corpus of every family)")
    parser.add_argument("--out", type=Path, default=RECURRING_FILE, help=f"where to write (default {RECURRING_FILE})")
    args = parser.parse_args(argv)
    from extract.batch import expand_paths, extract_paths  # extraction reads this module's file

    files = expand_paths(args.paths)
    if not files:
        print(f"no PDF files under {' '.join(args.paths)}: give a folder of reports", file=sys.stderr)
        return 2
    reports = [(r.kind, [p.text for p in r.passages]) for r in extract_paths(files) if r.ok and r.kind]
    rows = recurring_sentences(reports)
    write(rows, args.out)
    print(f"{len(rows)} template sentences in {len(reports)} reports written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
