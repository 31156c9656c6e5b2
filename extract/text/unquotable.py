"""What is never a key quotation, rule by rule: each rule names what it finds, so that a test can check the
choice one rule at a time and a reader can see why a sentence was passed over.

- `fragment`: the head or tail of a sentence (starts in lower case, or stops on ':' or a word that needs more:
  "This local authority is good because"); a list's stem is quoted joined to its items instead
  (`extract.text.lists`);
- `heading`: a title read as a line of prose: no full stop, and not a list's point ("Inspection findings – the
  Local Safeguarding Children Board", "Outcomes for care leavers are poor");
- `contents`: a contents line (a title, a page number, the next title);
- `footnote`: a footnote or the rule above footnotes;
- `table_row`: a label and its grade without a sentence ("... achieving permanence Requires improvement");
- `grade_descriptor`: what a grade means, printed the same in every report ("An outstanding local authority
  leads ...", "Good (Grade 2) A service that exceeds minimum requirements");
- `boilerplate`: the complaints procedure, addresses, telephone numbers and web addresses;
- `process`: what the inspectorate did or will do rather than what it found ("A monitoring inspection will be
  carried out within approximately 18 months", "Ofsted will take the findings ... into account", "Ofsted and
  CQC ask that the local area partnership updates ...");
- `background`: context that judges nothing: the pandemic's rates, appointments and arrivals, the grades of
  earlier inspections; a sentence about them that also judges ("Despite the pandemic, leaders have responded
  well") is kept.

- `recurring`: a template sentence, printed word for word in many reports of a family: found from the reports
  themselves (`extract.text.recurring`), not listed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extract.text.grades import ends_in_grade_cell
from extract.text.recurring import is_recurring

FRAGMENT_END = re.compile(
    r"(?::|\b(?:because|that|and|or|of|to|the|by|with|including|for|in|are|is|as|which|where|when|a|an))\s*$",
    re.IGNORECASE,
)
SENTENCE_STOP = re.compile(r"[.!?]['’”)\]]*$")
CONTENTS = re.compile(r"[a-z?)]\s+\d{1,3}\s+[A-Z][\w’':]*\s.*[a-z)]\s+\d{1,3}(?:\s|$)")
FOOTNOTE = re.compile(r"^(?:_{3,}|\[\d{1,2}\]\s|\(\d{1,2}\)\s)|_{5,}")
GRADE_DESCRIPTOR = re.compile(
    r"^An?\s+(?:(?:outstanding|good|adequate|inadequate|satisfactory)\s+)?"
    r"(?:local\s+authority|LSCB|board)\b"
    r"(?:\s+that\s+(?:is|requires|does|has)\b|\s+(?:leads|is|does|has|provides|demonstrates|meets|exceeds|delivers)\b)"
    r"|^In\s+an?\s+(?:(?:outstanding|good|adequate|inadequate)\s+)?(?:local\s+authority|LSCB|board)\s+that\b"
    r"|\(Grade\s+\d\)\s+A\s+service\b"
    r"|\bminimum\s+requirements\b.*\(Grade\s+\d\)",
    re.IGNORECASE,
)
BOILERPLATE = re.compile(
    r"\bcomplaints?\s+about\s+(?:the\s+inspection|Ofsted)\b|\braising\s+concerns\s+and\s+making\s+complaints\b"
    r"|\bIf\s+you\s+would\s+like\s+Ofsted\s+to\s+send\s+you\b"
    r"|\bwww\.|\b[\w.]+@[\w-]+\.(?:gov|org|nhs|co)\b|\b(?:Tel(?:ephone)?|Textphone)\s*:?\s*0\d"
    r"|(?-i:\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b)",  # a postcode, in capitals
    re.IGNORECASE,
)
# The inspectorate as the subject of what it did or will do, and the inspections to come.
PROCESS = re.compile(
    r"^(?:A|The)\s+(?:next\s+)?(?:full\s+|monitoring\s+|area\s+SEND\s+)*(?:re-?)?inspection\s+"
    r"(?:will|of\s+\S+\s+will)\b"
    r"|^The\s+next\s+(?:full\s+)?(?:area\s+SEND\s+)?(?:re-?)?inspection\b"
    r"|^(?:Ofsted|The\s+inspectorates?|CQC|HMI|His\s+Majesty’s|Her\s+Majesty’s|HMCI)\b"
    r"[^.]*?\b(?:will|ask|asks|requires?)\b"
    r"(?:\s+\S+){0,8}?\s+(?:into\s+account|that|to\s+(?:prepare|submit|update|publish)|the\s+local\s+area)"
    r"|\brequires\s+the\s+local\s+area\s+partnership\s+to\s+prepare\b"
    r"|\b(?:This|The)\s+(?:statement|letter)\s+will\s+inform\b"
    r"|^This\s+(?:visit|inspection|letter)\s+"
    r"(?:was\s+carried\s+out\s+(?:in\s+line\s+with|under)|summarises|sets\s+out)\b"
    r"|^(?:The\s+)?(?:lead\s+)?inspectors?\s+(?:were|was)\s+[A-Z]"
    r"|^(?:They|Inspectors)\s+(?:also\s+)?(?:looked\s+at|considered|evaluated|spoke\s+to|met\s+with|reviewed|sampled)\b"
    r"|^It\s+is\s+Ofsted['’]s\s+expectation\b",
    re.IGNORECASE,
)
PANDEMIC = re.compile(r"\b(?:COVID(?:-?\s?19)?|pandemic|coronavirus|infection\s+rates?|lockdowns?|the\s+virus)\b", re.I)
APPOINTMENT = re.compile(
    r"\b(?:appointed|took\s+up\s+(?:the\s+|their\s+|her\s+|his\s+)?post|joined\s+the\s+(?:local\s+authority|council)"
    r"|came\s+into\s+post|interim\s+director|directors?\s+of\s+children[’']s\s+services\s+(?:since|in\s+post))\b",
    re.IGNORECASE,
)
EARLIER_GRADE = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:judged|graded|found)(?:\s+to\s+(?:be|require))?\b"
    r"|\b(?:last|previous|first)\s+(?:full\s+|single\s+)?(?:inspection|visit)\b"
    r"|\bthis\s+is\s+the\s+first\s+inspection\b",
    re.IGNORECASE,
)
# Words that judge: a background sentence holding one of these says how well something is done, and is kept.
JUDGING = re.compile(
    r"\b(?:well|good|better|best|strong(?:er|ly)?|effective(?:ly|ness)?|ineffective|poor(?:ly)?|weak(?:er|ness)?|"
    r"improv(?:e|ed|es|ing|ement|ements)|declin(?:e|ed|ing)|deteriorat\w*|robust|timely|prompt(?:ly)?|swift(?:ly)?|"
    r"consistent(?:ly)?|inconsistent|appropriate(?:ly)?|sufficient(?:ly)?|insufficient|too|successful(?:ly)?|"
    r"progress|quality|benefit(?:ed|s)?|high[- ]quality|inadequate|outstanding|requires?\s+improvement|"
    r"failures?|failings?|delays?|drift|positive(?:ly)?|negative(?:ly)?|despite|"
    r"maintain(?:ed|ing)?|sustain(?:ed|ing)?|strengthen(?:ed|ing)?|responded|adapted|ensur(?:e|ed|es|ing)|"
    r"enabl(?:e|ed|es|ing))\b",
    re.IGNORECASE,
)
BACKGROUND_TOPICS = (PANDEMIC, APPOINTMENT, EARLIER_GRADE)
ANY_BACKGROUND_TOPIC = re.compile("|".join(f"(?:{topic.pattern})" for topic in BACKGROUND_TOPICS), re.IGNORECASE)



def is_fragment(text: str) -> bool:
    stripped = text.strip()
    return not stripped[:1].isupper() and not stripped[:1].isdigit() and stripped[:1] not in "‘'“\"(" or (
        SENTENCE_STOP.search(stripped) is None and FRAGMENT_END.search(stripped) is not None
    )


def is_background(text: str) -> bool:
    """Context that judges nothing: about the pandemic, an appointment or an earlier grade, with no judging word."""
    return ANY_BACKGROUND_TOPIC.search(text) is not None and not judges(text)


def judges(text: str) -> bool:
    """The text says how well something is done, past its background phrases (an earlier grade's own words do
    not judge)."""
    return JUDGING.search(_without_topics(text)) is not None


def _without_topics(text: str) -> str:
    """The text with its background phrases taken out, so that "previous inspection ... judged good" does not
    judge through the earlier grade's own words."""
    for topic in BACKGROUND_TOPICS:
        text = topic.sub(" ", text)
    return re.sub(r"\b(?:when|where)\s+[^,.;]*?(?:judged|graded|found)\s+(?:to\s+be\s+)?[^,.;]*", " ", text, flags=re.I)


# Each rule: its name and what it finds (the text, and whether it is a list's point). The rules that name what
# a text is (a footnote, a contents line) come before those that say what it lacks.
CHECKS: tuple[tuple[str, Callable[[str, bool], object]], ...] = (
    ("footnote", lambda text, bullet: FOOTNOTE.search(text)),
    ("contents", lambda text, bullet: CONTENTS.search(text)),
    ("table_row", lambda text, bullet: ends_in_grade_cell(text)),
    ("grade_descriptor", lambda text, bullet: GRADE_DESCRIPTOR.search(text)),
    ("boilerplate", lambda text, bullet: BOILERPLATE.search(text)),
    ("process", lambda text, bullet: PROCESS.search(text)),
    ("fragment", lambda text, bullet: is_fragment(text)),
    ("heading", lambda text, bullet: not bullet and SENTENCE_STOP.search(text) is None),
    ("background", lambda text, bullet: is_background(text)),
    ("recurring", lambda text, bullet: is_recurring(text)),
)
RULES = tuple(name for name, _ in CHECKS)


def unquotable(text: str, bullet: bool = False) -> str | None:
    """The rule that rules the text out as a key quotation, or None when it may be quoted. `bullet`: the text is
    a list's point, which may end without a full stop ("The quality of plans")."""
    stripped = text.strip()
    return next((rule for rule, check in CHECKS if check(stripped, bullet)), None)
