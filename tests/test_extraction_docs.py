"""docs/extraction.md stays true: its example has exactly the fields `ofsted extract --json` prints, and every
status, kind, framework, area, grade and quotation reason the code gives is documented."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import pytest

from extract.classify import FAMILIES
from extract.records import Grade, Judgement, Passage, Quotation, Report, Status
from transform.areas import FRAMEWORK_AREAS_CSV
from transform.grades import GRADE_SCORES

DOC = Path(__file__).resolve().parents[1] / "docs" / "extraction.md"
TEXT = DOC.read_text(encoding="utf-8")
JSON_BLOCK = re.compile(r"```json\n(.*?)```", re.DOTALL)
SECTION = re.compile(r"^## (.+)$", re.MULTILINE)
CODE = re.compile(r"`([^`]+)`")
LA_INSPECTION = "la-inspection"


def example() -> dict:
    [block] = JSON_BLOCK.findall(TEXT)
    return json.loads(block)


def section(title: str) -> str:
    parts = SECTION.split(TEXT)
    return parts[parts.index(title) + 1]


def first_column(title: str) -> dict[str, str]:
    """{value: its table row} for each `value` in the first column of the section's table."""
    rows = {}
    for line in section(title).splitlines():
        cells = line.split(" | ")
        if line.startswith("| `"):
            for value in CODE.findall(cells[0]):
                rows[value] = line
    return rows


def field_names(record) -> set[str]:
    return {f.name for f in dataclasses.fields(record)}


def undocumented(values, title: str) -> list[str]:
    return sorted(set(values) - set(first_column(title)))


def test_the_example_has_exactly_the_fields_extract_prints():
    record = example()
    assert set(record) == field_names(Report)
    assert set(record) == set(first_column("The fields"))
    for key, kind in (("judgements", Judgement), ("quotations", Quotation), ("passages", Passage)):
        assert record[key] and all(set(item) == field_names(kind) for item in record[key]), key


def test_the_example_reads_back_as_a_report():
    report = Report.from_dict(example())
    assert report.ok and report.judgements and report.grade_of("overall_effectiveness") == "outstanding"


def test_every_status_is_documented():
    assert undocumented([status.value for status in Status], "Statuses") == []


def test_every_grade_is_documented_with_its_score():
    rows = first_column("Grades")
    assert undocumented([grade.value for grade in Grade] + list(GRADE_SCORES), "Grades") == []
    for grade, score in GRADE_SCORES.items():
        assert rows[grade].split(" | ")[1] == (str(score) if score is not None else "none"), grade


def test_every_kind_and_framework_the_families_name_is_documented():
    kinds = {family.KIND for family in FAMILIES if hasattr(family, "KIND")}
    frameworks = {family.FRAMEWORK for family in FAMILIES if hasattr(family, "FRAMEWORK")}
    assert kinds and undocumented(kinds, "Kinds") == []
    assert frameworks and undocumented(frameworks, "Frameworks") == []


def test_every_area_of_every_local_authority_framework_is_documented():
    with open(FRAMEWORK_AREAS_CSV, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    frameworks = first_column("Frameworks")
    assert undocumented({row["framework"] for row in rows}, "Frameworks") == []
    missing = [(row["framework"], row["area"]) for row in rows
               if f"`{row['area']}`" not in frameworks[row["framework"]]]
    assert missing == []


@pytest.mark.corpus
def test_the_example_is_what_extract_reads_from_that_file(corpus_reports):
    shown = example()
    [(path, report)] = [(path, report) for path, report in corpus_reports.items() if shown["path"].endswith(path)]
    read = report.to_dict()
    for key in ("sha256", "status", "kind", "framework", "provider", "urn", "inspection_start", "inspection_end",
                "lead_inspector", "judgements", "outcome", "pages", "first_line"):
        assert shown[key] == read[key], key


@pytest.mark.corpus
def test_everything_the_corpus_gives_is_documented(corpus_reports):
    reports = list(corpus_reports.values())
    assert undocumented({r.status.value for r in reports}, "Statuses") == []
    assert undocumented({r.kind for r in reports if r.kind}, "Kinds") == []
    assert undocumented({r.framework for r in reports if r.framework}, "Frameworks") == []
    assert undocumented({j.grade for r in reports for j in r.judgements}, "Grades") == []
    assert undocumented({q.reason for r in reports for q in r.quotations if q.reason},
                        "Why a quotation was chosen") == []
    frameworks = first_column("Frameworks")
    la_areas = {(r.framework, j.area) for r in reports if r.kind == LA_INSPECTION for j in r.judgements}
    assert sorted((framework, area) for framework, area in la_areas
                  if f"`{area}`" not in frameworks[framework]) == []


def test_the_help_and_the_readme_point_at_the_contract(capsys):
    from flows.cli import main

    for args in (["--help"], ["extract", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        assert "docs/extraction.md" in " ".join(capsys.readouterr().out.split()), args
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "(docs/extraction.md)" in readme and "DESIGN.md" not in readme
