"""Key quotations of every readable corpus report, whatever its family: printed on the page they name; the verdict
first wherever a report has an overall grade; no junk, checked rule by rule."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from extract.text.quotes import quotation_is_verbatim


def test_every_quotation_is_verbatim_on_its_page(corpus_reports, document_of):
    misquoted = [
        f"{path} page {quotation.page}: {quotation.text[:80]!r}"
        for path, report in corpus_reports.items()
        if report.ok
        for quotation in report.quotations
        if not quotation_is_verbatim(document_of(report.path), quotation)
    ]
    assert misquoted == []


def test_readable_reports_are_quoted(corpus_reports):
    assert sum(len(report.quotations) for report in corpus_reports.values() if report.ok) > 0


# How each grade reads in a sentence or a printed judgement ("require improvement" as well as "requires").
GRADE_TEXT = {
    "outstanding": r"\boutstanding\b",
    "good": r"\bgood\b",
    "requires_improvement": r"\brequires?\s+improvement\b",
    "inadequate": r"\binadequate\b",
    "adequate": r"(?<!in)\badequate\b",
    "satisfactory": r"\bsatisfactory\b",
}
NEGATED = re.compile(r"\b(?:not(?:\s+yet)?|no\s+longer)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def states(text: str, grade: str) -> bool:
    return any(not NEGATED.search(text[: m.start()]) for m in re.finditer(GRADE_TEXT[grade], text, re.IGNORECASE))


def test_rank_one_states_the_overall_grade_wherever_a_report_has_one(corpus_reports):
    graded = {
        path: (report, report.grade_of("overall_effectiveness"))
        for path, report in corpus_reports.items()
        if report.ok and report.grade_of("overall_effectiveness") in GRADE_TEXT
    }
    wrong = [
        f"{path}: {grade}, rank 1 is {report.quotations[0].text[:80] if report.quotations else None!r}"
        for path, (report, grade) in graded.items()
        if not report.quotations
        or report.quotations[0].reason != "verdict"
        or not states(report.quotations[0].text, grade)
    ]
    assert len(graded) > 200
    assert wrong == []


# Each kind of junk as a reader would spot it, independently of extract.text.unquotable's rules.
SENTENCE_STOP = re.compile(r"[.!?]['’”)]*$")
DANGLING_END = re.compile(r"(?::|\b(?:because|that|and|or|of|to|the|by|with|including))$")
CONTENTS_LINE = re.compile(r"[a-z]\s+\d{1,2}\s+[A-Z][a-z]+.*[a-z]\s+\d{1,2}(?:\s|$)")
FOOTNOTE = re.compile(r"^(?:_{3,}|\[\d+\]|\(\d+\)\s)|_____")
DESCRIPTOR = re.compile(
    r"^(?:In\s+)?An?\s+(?:outstanding|good|adequate|inadequate)\s+(?:local\s+authority|LSCB)\b|\(Grade\s+\d\)\s+A\s+service"
)
BOILERPLATE = re.compile(
    r"complaints\s+about\s+the\s+inspection|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b|www\.|@[a-z]+\.(?:gov|org)"
    r"|Tel(?:ephone)?:?\s*\d"
)
JUNK = {
    "fragment": lambda text: text[:1].islower() or (not SENTENCE_STOP.search(text) and DANGLING_END.search(text)),
    "contents": CONTENTS_LINE.search,
    "footnote": FOOTNOTE.search,
    "grade_descriptor": DESCRIPTOR.search,
    "boilerplate": BOILERPLATE.search,
}
# A template sentence: printed in at least a fifth of its kind's reports (and five of them), quoted among the top
# ten; an outcome statement's fixed words, which are the verdict, aside.
TEMPLATE_SHARE, TEMPLATE_REPORTS, TEMPLATE_TOP = 0.2, 5, 10


def squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.mark.parametrize("rule", sorted(JUNK))
def test_no_quotation_is_junk(corpus_reports, rule):
    junk = [
        f"{path} rank {q.rank}: {q.text[:100]!r}"
        for path, report in corpus_reports.items()
        if report.ok
        for q in report.quotations
        if JUNK[rule](q.text)
    ]
    assert junk == []


def test_no_template_sentence_is_among_the_top_quotations(corpus_reports):
    by_kind: dict[str, list] = defaultdict(list)
    for report in corpus_reports.values():
        if report.ok:
            by_kind[report.kind].append(report)
    found = []
    for kind, reports in by_kind.items():
        seen = Counter(text for report in reports for text in {squeezed(p.text) for p in report.passages})
        least = max(TEMPLATE_REPORTS, TEMPLATE_SHARE * len(reports))
        template = {text for text, count in seen.items() if count >= least}
        found += [
            f"{report.path} rank {q.rank}: {q.text[:100]!r}"
            for report in reports
            for q in report.quotations[:TEMPLATE_TOP]
            if squeezed(q.text) in template and q.reason != "outcome_statement"
        ]
    assert found == []
