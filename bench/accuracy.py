"""How much of a folder's TRUTH.csv extraction reads right, per framework.

    python bench/accuracy.py CORPUS_DIR [--workers N] [--misses]

CORPUS_DIR holds the reports and a TRUTH.csv (columns as in the shared corpus: path, framework, provider,
inspection_start, inspection_end, lead_inspector, one column per judgement area, send_outcome). Prints, per
framework, judgement cells right / total, dates, frameworks, lead inspectors, providers and area SEND outcomes;
`--misses` also lists every field read wrong, with both values. School reports and files that are not reports
are left out: their grades are checked by tests/golden/schools.csv. Early years, further education and
pre-registration reports are counted by TRUTH's kind (it gives them no framework), their cells being every grade
TRUTH gives as printed (`school_grades`, label -> grade: a word, or a digit on the scale of the framework read),
this inspection's and the previous one's alike.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.batch import default_workers, extract_paths  # noqa: E402
from extract.records import Report  # noqa: E402
from extract.text.grades import grade_from_words  # noqa: E402
from transform.grades import digit_grade, scale_of  # noqa: E402

# TRUTH.csv's judgement columns -> the contract's areas.
TRUTH_AREAS = {
    "overall": "overall_effectiveness",
    "leaders": "impact_of_leaders",
    "help_protection": "help_and_protection",
    "in_care": "children_in_care",
    "care_leavers": "care_leavers",
    "in_care_and_care_leavers": "children_in_care_and_care_leavers",
    "sif_children_looked_after": "children_looked_after",
    "sif_adoption": "adoption_performance",
    "sif_care_leavers": "care_leavers",
    "sif_leadership": "leadership_management_governance",
    "lscb": "lscb",
}
# TRUTH.csv records only the overall grade of pre-2014 reports.
OVERALL_ONLY_FRAMEWORKS = frozenset({"pre-2014"})
SKIPPED_KINDS = frozenset({"school-inspection", "not-a-pdf"})
# TRUTH.csv's kinds whose cells are every grade it gives as printed (school_grades), by label.
PRINTED_GRADE_KINDS = frozenset({"early-years", "further-education", "independent-school"})
# An ungraded report's outcome sentence, where TRUTH gives it in its notes ("| outcome as printed: The school ...").
OUTCOME_IN_NOTES = re.compile(r"\boutcome as printed:\s*(?P<outcome>[^|]+)$")
FIELDS = ("cells", "dates", "framework", "lead", "provider", "outcome")


def canonical(printed: str) -> str:
    """'requires improvement' -> 'requires_improvement', 'significant-concerns' -> 'significant_concerns'."""
    return printed.strip().lower().replace(" ", "_").replace("-", "_")


def expected_judgements(row: dict) -> dict[str, str]:
    columns = ("overall",) if row["framework"] in OVERALL_ONLY_FRAMEWORKS else TRUTH_AREAS
    return {TRUTH_AREAS[column]: canonical(row[column]) for column in columns if row[column].strip()}


def printed_grades(row: dict, report: Report) -> dict[str, str]:
    """TRUTH's grades as printed, by label: a word by its meaning, a digit on the scale of the framework read."""
    printed = json.loads(row["school_grades"] or "{}")
    scale = scale_of(report.framework)
    return {
        label: (digit_grade(scale, int(grade)) if scale else grade) if grade.isdigit() else grade_from_words(grade).value
        for label, grade in printed.items()
    }


def compare(row: dict, report: Report) -> tuple[Counter, list[str]]:
    """Right and total counts per field for one report, and a line per field read wrong."""
    counts: Counter = Counter()
    misses: list[str] = []

    def check(field: str, expected, found, weight: int = 1, right: int | None = None) -> None:
        counts[f"{field}_total"] += weight
        counts[f"{field}_right"] += (weight if expected == found else 0) if right is None else right
        if expected != found:
            misses.append(f"{field}: expected {expected!r}, read {found!r}")

    if row["kind"] in PRINTED_GRADE_KINDS:
        expected, found = printed_grades(row, report), {j.label: j.grade for j in report.judgements
                                                        + report.previous_judgements}
    else:
        expected = expected_judgements(row)
        found = {j.area: j.grade for j in report.judgements}
    if row["framework"] in OVERALL_ONLY_FRAMEWORKS:
        found = {area: grade for area, grade in found.items() if area in expected}
    # A cell read where the report has none counts against us as much as one missed.
    cells_right = sum(1 for area, grade in expected.items() if found.get(area) == grade)
    check("cells", expected, found, weight=len(expected.keys() | found.keys()), right=cells_right)
    dates = (str(report.inspection_start or ""), str(report.inspection_end or ""))
    check("dates", (row["inspection_start"], row["inspection_end"]), dates)
    if row["framework"]:  # TRUTH gives none for the kinds it counts by their printed grades
        check("framework", row["framework"], report.framework)
    check("lead", row["lead_inspector"], report.lead_inspector or "")
    check("provider", row["provider"], report.provider or "")
    if row["send_outcome"].strip():
        check("outcome", canonical(row["send_outcome"]), report.outcome)
    printed_outcome = OUTCOME_IN_NOTES.search(row["notes"])
    if printed_outcome:
        check("outcome", printed_outcome.group("outcome").strip(), report.outcome)
    if not report.ok:
        misses.insert(0, f"status {report.status.value}: {report.error}")
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a folder with TRUTH.csv and the reports it lists")
    parser.add_argument("--workers", type=int, default=default_workers(), help="processes to extract with")
    parser.add_argument("--misses", action="store_true", help="list every field read wrong")
    args = parser.parse_args()
    truth_csv = args.corpus / "TRUTH.csv"
    if not truth_csv.is_file():
        parser.error(f"{truth_csv} not found: the folder needs a TRUTH.csv listing its reports")
    with open(truth_csv, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["kind"] not in SKIPPED_KINDS]
    reports = extract_paths([args.corpus / row["path"] for row in rows], args.workers)
    by_framework: dict[str, Counter] = defaultdict(Counter)
    for row, report in zip(rows, reports):
        counts, misses = compare(row, report)
        group = row["framework"] or row["kind"]
        by_framework[group].update(counts)
        by_framework[group]["reports"] += 1
        if args.misses and misses:
            print(row["path"], *(f"    {miss}" for miss in misses), sep="\n")
    totals: Counter = Counter()
    for framework, counts in sorted(by_framework.items()):
        totals.update(counts)
        print(summary_line(framework, counts))
    print(summary_line("all", totals))


def summary_line(name: str, counts: Counter) -> str:
    parts = [
        f"{field} {counts[f'{field}_right']}/{counts[f'{field}_total']}"
        + f" ({100 * counts[f'{field}_right'] / counts[f'{field}_total']:.1f}%)"
        for field in FIELDS
        if counts[f"{field}_total"]
    ]
    return f"{name:<18} {counts['reports']:>4} reports  " + "  ".join(parts)


if __name__ == "__main__":
    main()
