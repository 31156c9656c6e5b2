"""The verdict: the words in which a report states its overall judgement, its first key quotation.

Where the summary says it in a sentence of its own ("Children's services in Sheffield are good.", "Services for
children are now judged to be good."), that sentence; otherwise the overall judgement as the report prints it,
next to its label: the judgement table's row ("Overall effectiveness Requires improvement to be good") or the
cover's sentence ("Children's services in Birmingham are inadequate").

A sentence states the grade when it says it of the services as a whole, now: of what was inspected as a whole
("services", "the local authority", "overall"), not of one judgement area ("... for care leavers are good") or of
a part ("areas of practice that require improvement"), not of an earlier inspection ("when services were judged
to be inadequate"), and not negated ("do not yet receive consistently good services" does not say good; "no
longer inadequate" does not say inadequate). What is never quoted (extract.text.unquotable: a list's stem, "This
local authority is good because"; a table read as a line) is no verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extract.records import Judgement, Quotation
from extract.text.passages import Sentence
from extract.text.unquotable import unquotable
from extract.text.wording import NEGATION

OVERALL = "overall_effectiveness"
REASON = "verdict"
# The section a verdict printed outside the prose (the judgement table, the cover) is filed under.
PRINTED_SECTION = "Overall judgement"
# Each grade's words in a sentence: "requires improvement" also as "require improvement", "good" not as the end
# of "requires improvement to be good".
GRADE_WORDS = {
    "outstanding": r"\boutstanding\b",
    "good": r"(?<!improvement to be )\bgood\b",
    "requires_improvement": r"\brequires?\s+improvement\b",
    "inadequate": r"\binadequate\b",
    "adequate": r"(?<!in)\badequate\b",
    "satisfactory": r"\bsatisfactory\b",
}
# How a grade is printed next to its label.
PRINTED_GRADE = {
    "outstanding": r"outstanding",
    "good": r"good",
    "requires_improvement": r"requires?\s+improvement(?:\s+to\s+be\s+good)?",
    "inadequate": r"inadequate",
    "adequate": r"adequate",
    "satisfactory": r"satisfactory",
}
# The words between the clause's start and the grade say it now, of the services as a whole.
PRESENT = re.compile(
    r"\b(?:are|is|remain|remains|require|requires|now|receive|receives|benefit|benefits|provide|provides|"
    r"deliver|delivers|continue|continues|judged)\b",
    re.IGNORECASE,
)
PAST = re.compile(r"\b(?:was|were|had|previous(?:ly)?|last|when|since|at\s+the\s+time|in\s+(?:19|20)\d\d)\b", re.I)
# A judgement area named in the clause: the sentence judges that area, not the whole.
AREA = re.compile(
    r"\b(?:care\s+leavers?|care[\s-]+experienced|children\s+in\s+care|looked\s+after|help\s+and\s+protection|"
    r"adoption|early\s+help|"
    r"leaders(?:hip)?|LSCB|board)\b",
    re.IGNORECASE,
)
# "The overall effectiveness of services for looked after children ... is adequate" judges the whole.
OVERALL_WORDS = re.compile(r"\boverall\s+(?:effectiveness|judgement)\b", re.IGNORECASE)
CLAUSE_START = re.compile(r"[,;:]\s|\b(?:but|while|although|whereas)\s", re.IGNORECASE)
# The whole of what was inspected, named in the clause as what the grade is said of, or right after the grade
# ("This is a good school", "provides good education").
WHOLE = re.compile(
    r"\b(?:services?|local\s+authority|council|authority|overall\s+(?:effectiveness|judgement)|social\s+care|trust|"
    r"partnership)\b",
    re.IGNORECASE,
)
WHOLE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:services?|school|education|provider|setting|college)"
    r"(?=\s*$|\s+(?:and|to|for|in|that|which|across|from|with|at|on|is|are|because|but|while|where|overall)\b)",
    re.IGNORECASE,
)
# "good at supporting adoptive families": a skill, not a verdict.
SKILL = re.compile(r"\s+at\b", re.IGNORECASE)
# The clause runs to the next comma, semicolon or full stop.
CLAUSE_END = re.compile(r"[,;.]")


def states_grade(text: str, grade: str) -> bool:
    """The sentence states `grade` of the services as a whole, now (see the module's rules)."""
    words = GRADE_WORDS.get(grade)
    if words is None:
        return False
    for found in re.finditer(words, text, re.IGNORECASE):
        before = text[: found.start()]
        if NEGATION.search(before):
            continue
        starts = [match.end() for match in CLAUSE_START.finditer(before)]
        clause = before[starts[-1] if starts else 0 :]
        if PAST.search(clause) or (AREA.search(clause) and not OVERALL_WORDS.search(clause)):
            continue
        after = CLAUSE_END.split(text[found.end() :], maxsplit=1)[0]
        if SKILL.match(after):
            continue
        named_after = WHOLE_AFTER.match(after) is not None and AREA.search(after) is None
        if not WHOLE.search(clause) and not named_after:
            continue
        if PRESENT.search(clause) or grade == "requires_improvement":
            return True
    return False


def overall_judgement(judgements: Sequence[Judgement]) -> Judgement | None:
    return next((j for j in judgements if j.area == OVERALL and j.grade in GRADE_WORDS), None)


def verdict_quotation(
    pages: Sequence[str],
    judgements: Sequence[Judgement],
    summary: Sequence[Sentence],
    is_verbatim: Callable[[int, str], bool],
) -> Quotation | None:
    """The verdict of a report with an overall grade: the first summary sentence stating it, else the overall
    judgement as printed next to its label on the judgement's page; None when the report has no overall grade."""
    overall = overall_judgement(judgements)
    if overall is None:
        return None
    for sentence in summary:
        if unquotable(sentence.passage.text) is None and states_grade(sentence.passage.text, overall.grade):
            passage = sentence.passage
            return Quotation(passage.section, passage.page, passage.text, 1, REASON)
    printed = printed_judgement(pages[overall.page - 1], overall)
    if printed is not None and is_verbatim(overall.page, printed):
        return Quotation(PRINTED_SECTION, overall.page, printed, 1, REASON)
    return None


def printed_judgement(page_text: str, judgement: Judgement) -> str | None:
    """The judgement's label and grade as printed together ("Overall effectiveness Good"), whitespace
    normalised; None when they are not printed together."""
    label = r"\s+".join(re.escape(word) for word in judgement.label.split())
    grade = PRINTED_GRADE[judgement.grade]
    found = re.search(rf"{label}[\s:]*(?:(?:is|are)\s+)?{grade}\b", page_text, re.IGNORECASE)
    return " ".join(found.group(0).split()) if found else None
