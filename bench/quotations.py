"""Key quotations against what the press quoted: the shared scorers' figures, and the ceiling a ranking can reach.

    python bench/quotations.py CORPUS_DIR PRESS_QUOTES_DIR [--workers N] [--keep FILE]

CORPUS_DIR is the folder of reports (../shared/corpus); PRESS_QUOTES_DIR holds press_quotes.csv, score.py and
hygiene.py (../shared/press-quotes). Extracts every report once, as `ofsted extract --json` does, then prints:
- score.py's figures: recall of the passages the press quoted, per kind, within the top 1, 5 and 10 quotations by
  rank, and the median share of the report's text the quotations take;
- hygiene.py's count of junk quotations and of rank-1 quotations stating the overall grade;
- the ceiling: top-5 and top-10 recall if the same quotations were ordered by a ranking that knew in advance which
  of them the press quoted, the verdict kept at rank 1. No ranking of these quotations can do better, so a target
  above it needs a different quotation (a longer unit), not a better order.
`--keep FILE` keeps the extraction's JSON lines for score.py's other options (`--misses`, `--exclude-source`).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.batch import default_workers, extract_paths  # noqa: E402

TOP_K = (5, 10)  # the ranks score.py reports beside rank 1


def letters_and_digits(text: str) -> str:
    """score.py's normal form: lower case, letters and digits only, '&' read as 'and'."""
    return "".join(ch for ch in text.lower().replace("&", "and") if ch.isalnum())


def corpus_key(path: str) -> str:
    """'corpus/kind/name.pdf', as press_quotes.csv names a report."""
    parts = Path(path).parts
    return "/".join(("corpus", *parts[-2:]))


def extract_corpus(corpus: Path, out: Path, workers: int) -> None:
    paths = sorted(corpus.rglob("*.pdf"))
    with out.open("w", encoding="utf-8") as sink:
        for report in extract_paths(paths, workers=workers):
            sink.write(report.to_json() + "\n")
    print(f"extracted {len(paths)} files to {out}", file=sys.stderr)


def ceiling(press_csv: Path, extraction: Path) -> dict[int, tuple[int, int]]:
    """(recalled within the top k, passages) per k, for the best order of each report's quotations, rank 1 kept."""
    press: dict[str, list[str]] = defaultdict(list)
    with press_csv.open(newline="", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            press[row["path"]].append(letters_and_digits(row["quoted_text"]))
    quotations: dict[str, list[str]] = {}
    with extraction.open(encoding="utf-8") as lines:
        for line in lines:
            report = json.loads(line)
            ranked = sorted(report.get("quotations") or [], key=lambda q: q.get("rank") or 10**9)
            quotations[corpus_key(report["path"])] = [letters_and_digits(q["text"]) for q in ranked]
    found = {k: 0 for k in TOP_K}
    total = 0
    for key, passages in press.items():
        texts = quotations.get(key, [])
        head, rest = texts[:1], texts[1:]
        best = head + sorted(rest, key=lambda text: -sum(passage in text for passage in passages))
        total += len(passages)
        for passage in passages:
            first = next((rank for rank, text in enumerate(best) if passage in text), None)
            for k in TOP_K:
                found[k] += first is not None and first < k
    return {k: (found[k], total) for k in TOP_K}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of reports (../shared/corpus)")
    parser.add_argument("press_quotes", type=Path, help="folder with press_quotes.csv, score.py, hygiene.py")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--keep", type=Path, help="write the extraction's JSON lines here")
    args = parser.parse_args(argv)
    press_csv = args.press_quotes / "press_quotes.csv"
    for needed in (args.corpus, press_csv, args.press_quotes / "score.py", args.press_quotes / "hygiene.py"):
        if not needed.exists():
            parser.error(f"{needed} does not exist: give the corpus folder and the press-quotes folder")
    with tempfile.TemporaryDirectory() as scratch:
        extraction = args.keep or Path(scratch) / "extraction.jsonl"
        extract_corpus(args.corpus, extraction, args.workers)
        root = args.corpus.resolve().parent  # score.py reads ROOT/corpus/... for the share of text
        scorer = [sys.executable, str(args.press_quotes / "score.py"), str(press_csv), str(extraction), str(root)]
        score = subprocess.run(scorer, capture_output=True, text=True, check=True).stdout.splitlines()
        print("\n".join(line for line in score if line.startswith(("  ", "press quotes"))))
        hygiene = [sys.executable, str(args.press_quotes / "hygiene.py"), str(extraction)]
        print(subprocess.run(hygiene, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
        best = ceiling(press_csv, extraction)
        print("  ceiling (the same quotations in the best order, verdict first): " + ", ".join(
            f"top {k}: {found}/{total} ({100.0 * found / total:.1f}%)" for k, (found, total) in best.items()
        ))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
