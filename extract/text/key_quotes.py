"""Key quotations: a ranked choice from a report's passages, as an editor would pick them, never by report.

What people who write about inspections quote (news stories, council press releases, committee papers): the
verdict; the opening summary, not only its first sentences; the opening sentence of numbered paragraphs all
through the judgement sections; sentences of strong praise or serious criticism; in letters, the finding
bullets; a few of the points to improve. A family says which of its sections play which part (`QuotePlan`); the
choice is the same for all.

What is quoted (each a sentence, or a list's stem joined to its items: `extract.text.lists`; in the sections
quoted whole, `JOINED_ROLES`, a sentence with those after it that refer back to it: `extract.text.follow_on`):
- every sentence of the summary (but its account of the inspection itself, `QuotePlan.preamble`), of the
  outcome and of the priority actions, and the opening sentence of each finding (reasons `summary`,
  `outcome_statement`, `priority_action`, `finding`): always;
- the first sentence of the first `improvement_points` points to improve (`improvement_point`), the opening
  sentences of the judgement sections' paragraphs (`paragraph_opening`; where a family's paragraphs open with a
  short verdict, the sentences completing it too; in each section's first paragraphs, which state what it
  found, the first two where a family says so: `QuotePlan.area_lede_paragraphs`) and any sentence with strong
  wording (`strong_wording`): while the quotations stay within `MAX_SHARE_OF_TEXT` of the report's prose, the
  most quotable first;
- never what `extract.text.unquotable` rules out (fragments, contents lines, footnotes, table rows, grade
  descriptors, boilerplate, the inspection's process, background that judges nothing), nor the sections a
  family marks as background (`QuotePlan.background`).

How they are ranked (1 = the most quotable):
1. the verdict (`extract.text.verdict`: the sentence stating the overall judgement, reason `verdict`); where a
   report has no overall grade, its headline outcome: the outcome statement, else the summary's first sentence;
2. the summary's lede: its opening paragraphs, up to at least `LEDE_SENTENCES` sentences; a sentence that only
   recalls an earlier inspection ("Plymouth's children's services were last inspected by Ofsted in 2014, when
   ...") sets the scene and judges nothing now, so the summary's other sentences come before it;
3. `HEARD_ROUNDS` rounds in turn across the summary and the judgement areas (each section of paragraphs or
   findings is an area): the summary's next paragraph, then one sentence from each area, its most evaluative
   first (wording, then paragraph openings; where an area has both, its strongest weakness comes right after its
   strongest strength, or the other way round), so that every judgement is heard;
4. the priority actions and the points to improve, in the order printed;
5. then the rest: the summary's paragraphs in turn with what is left of the areas in the order printed (the
   rounds have already heard each area's most evaluative sentences; past them, where a sentence is printed says
   more than its wording: see `HEARD_ROUNDS`).
The wording's weights are data (`extract.text.wording`, `quote_words.csv`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.records import Quotation
from extract.text.follow_on import with_follow_ons
from extract.text.lists import Unit, sentence_units
from extract.text.passages import Sentence
from extract.text.unquotable import judges, unquotable
from extract.text.wording import Reading, read_wording

# Key quotations stay within this share of the report's prose (characters), past the summary and findings.
MAX_SHARE_OF_TEXT = 0.16
# A paragraph's opening sentence is worth this much wording: it states what the paragraph finds.
OPENING_WEIGHT = 3
# A paragraph opening of fewer words than this is a verdict naming its topic (see QuotePlan.short_opening_follow_on).
SHORT_OPENING_WORDS = 10
# A sentence needs this much weight of wording to be quoted for its wording alone.
MIN_STRONG_WEIGHT = 3
# Sections whose role is remembered: bounded, since a worker reads sections of many reports over a long backfill.
SECTION_ROLES_REMEMBERED = 4096
# Very short sentences say little; very long ones are rarely quoted whole (a list with its stem may run to
# extract.text.lists.MAX_UNIT_CHARS).
MIN_QUOTE_CHARS = 40
MAX_QUOTE_CHARS = 600
# The summary's opening paragraphs, up to at least this many sentences, come before the rounds: the press
# quotes the summary's first five sentences about twice as often as its later ones, and any of them three
# to eight times as often as a sentence of a judgement section (measured on ../shared/press-quotes).
LEDE_SENTENCES = 4
# Rounds in which every judgement area is heard (its most evaluative sentences first), before the points to
# improve; after them, what is left of the areas follows the order printed, which is also what stays within the
# budget. The press quotes a section's first paragraph's opening about five times as often as its eighth
# and later, and the first judgement sections more than the last, while strong wording raises the rate less than
# twofold (measured on ../shared/press-quotes): ordered by wording, the budget went to strongly worded late
# paragraphs at the expense of plain early ones.
HEARD_ROUNDS = 2
# In an area's first paragraphs (`QuotePlan.area_lede_paragraphs`), which state what it found and what that rests
# on, this many sentences each are quoted as openings.
AREA_LEDE_SENTENCES = 2

# A sentence recalls an earlier inspection when it names one ...
EARLIER_INSPECTION = re.compile(
    r"\b(?:last|previous|predecessor)\b.*?\b(?:inspect\w*|visit|judged)\b|\b(?:was|were)\s+(?:last\s+)?inspected\b",
    re.IGNORECASE,
)
# ... and only recalls it when it tells of the past alone: a past verb, and no verb of the present ("Since the
# last inspection, services have improved" says what is true now, and is quoted as often as any summary sentence;
# "... were last inspected in 2014, when ..." is quoted far less: none of a dozen in ../shared/press-quotes).
PAST_VERB = re.compile(r"\b(?:was|were|had)\b", re.IGNORECASE)
# The clause giving the earlier grade ("when the overall effectiveness was judged to require improvement to be
# good"): its words judge the past, not now.
EARLIER_GRADE_CLAUSE = re.compile(r"(?:\b(?:when|and|where)\b|,)[^,.;]*?\b(?:judged|graded|found)\b[^,.;]*", re.I)
PRESENT_VERB = re.compile(r"\b(?:is|are|has|have|remains?|continues?|do|does|can|now)\b", re.IGNORECASE)

OUTCOME, SUMMARY, IMPROVE = "outcome", "summary", "improve"
NOT_READ = Reading(0, 0, 0)
# The outcome statement, the summary, the priority actions and the findings are quoted whatever their length.
ALWAYS_QUOTED = frozenset({"outcome_statement", "summary", "priority_action", "finding"})
# Where every sentence is quoted, a sentence that refers back is quoted with the one before it, at no cost to the
# budget; in the areas, quoted a sentence at a time, the sentence before it would take budget from the areas'
# openings (which the press quotes more often: joined there too, recall on ../shared/press-quotes fell 75% -> 73%).
JOINED_ROLES = frozenset({"outcome_statement", "summary", "priority_action"})


@dataclass(frozen=True)
class QuotePlan:
    """Which of a family's sections play which part, as regexes matched against the section as printed."""

    summary: tuple[str, ...] = ()  # every sentence quoted
    outcome: tuple[str, ...] = ()  # every sentence quoted, first
    findings: tuple[str, ...] = ()  # the opening sentence of each point or paragraph quoted
    priority: tuple[str, ...] = ()  # every point's sentences quoted
    improvement: tuple[str, ...] = ()  # the first sentence of a few points
    paragraphs: tuple[str, ...] = ()  # sections whose paragraph openings are quoted; empty: every other section
    # Sections that judge nothing (statistics about the area, earlier inspections, what happens next): never
    # quoted, though their sentences are passages.
    background: tuple[str, ...] = ()
    improvement_points: int = 3
    # Where a paragraph opens with a short verdict ("The escalation policy is not used effectively."), this many
    # sentences after it, which say what was found and what it means, are read as its opening too. 0: none.
    short_opening_follow_on: int = 0
    # A summary quoted whole is a short block in families whose summary is one paragraph; where the text runs on
    # under it (findings printed without their own heading), the rest is read as findings. None: no limit.
    summary_sentences: int | None = None
    # Sentences of the summary that say what the inspection did rather than what it found ("This letter
    # summarises ...", "Inspectors also considered ..."), as regexes matched at the sentence's start: not quoted
    # for their place, nor counted in summary_sentences.
    preamble: tuple[str, ...] = ()
    # A judgement area's first this many paragraphs state what it found and what that rests on: their first
    # `AREA_LEDE_SENTENCES` sentences are quoted as its openings. 0: only each paragraph's first sentence.
    area_lede_paragraphs: int = 0


@dataclass(frozen=True)
class Candidate:
    unit: Unit
    order: int  # position of its first sentence in reading order
    reason: str
    stream: str  # OUTCOME, SUMMARY, IMPROVE, or the section of an area
    score: int
    tone: str | None

    @property
    def text(self) -> str:
        return self.unit.text


def _matches(section: str, patterns: Sequence[str]) -> bool:
    return any(re.search(pattern, section, re.IGNORECASE) for pattern in patterns)


def _starts_with(text: str, patterns: Sequence[str]) -> bool:
    return any(re.match(pattern, text, re.IGNORECASE) for pattern in patterns)


@lru_cache(maxsize=SECTION_ROLES_REMEMBERED)  # asked once per sentence, of a few dozen sections per report
def _role(section: str, plan: QuotePlan) -> str | None:
    for role, patterns in (
        ("background", plan.background),
        ("outcome_statement", plan.outcome),
        ("summary", plan.summary),
        ("finding", plan.findings),
        ("priority_action", plan.priority),
        ("improvement_point", plan.improvement),
    ):
        if _matches(section, patterns):
            return role
    return None


def _joins_follow_ons(sentence: Sentence, plan: QuotePlan) -> bool:
    return _role(sentence.passage.section, plan) in JOINED_ROLES


def summary_sentences(sentences: Sequence[Sentence], plan: QuotePlan) -> list[Sentence]:
    """The sentences of the summary sections, in reading order (where a verdict is looked for)."""
    return [s for s in sentences if _role(s.passage.section, plan) == "summary"]


def quotable(text: str) -> bool:
    return MIN_QUOTE_CHARS <= len(text) <= MAX_QUOTE_CHARS


def key_quotations(
    sentences: Sequence[Sentence],
    plan: QuotePlan,
    verdict: Quotation | None = None,
    is_verbatim: Callable[[int, str], bool] | None = None,
) -> list[Quotation]:
    """The report's key quotations, ranked; `verdict` (extract.text.verdict) first where the report has one.
    `is_verbatim(page, text)` checks a list's stem joined to its items against the pages."""
    order = {id(sentence): index for index, sentence in enumerate(sentences)}
    units = with_follow_ons(sentence_units(sentences, is_verbatim), lambda s: _joins_follow_ons(s, plan), is_verbatim)
    found = [c for c in candidates(units, sentences, order, plan) if verdict is None or c.text != verdict.text]
    ranked = chosen(rank(found), sentences)
    quotations = [verdict] if verdict is not None else []
    quotations += [
        Quotation(c.unit.first.passage.section, c.unit.first.passage.page, c.text, None, c.reason) for c in ranked
    ]
    return [
        Quotation(q.section, q.page, q.text, rank, q.reason) for rank, q in enumerate(quotations, start=1)
    ]


def candidates(
    units: Sequence[Unit], sentences: Sequence[Sentence], order: dict[int, int], plan: QuotePlan
) -> list[Candidate]:
    """Every unit that may be quoted, with its reason, its stream and how strongly it is worded."""
    found: list[Candidate] = []
    points = summaries = 0
    ledes = area_lede_positions(sentences, plan.area_lede_paragraphs)
    for unit in units:
        first = unit.first
        position = order[id(first)]
        role = _role(first.passage.section, plan)
        if role == "background":
            continue
        if role == "summary" and _starts_with(first.passage.text, plan.preamble):
            role = None
        if role == "summary" and plan.summary_sentences is not None:
            summaries += 1
            if summaries > plan.summary_sentences:
                role = "finding"
        if not quotable(unit.text) or (role == "improvement_point" and points >= plan.improvement_points):
            continue
        # Only the areas are ordered by their wording: the summary, the outcome and the points keep their order.
        reading = read_wording(unit.text) if role in (None, "finding") else NOT_READ
        choice = _choice(unit, role, reading.weight, sentences, position, plan, position in ledes)
        if choice is None:
            continue
        reason, stream, score = choice
        rule = unquotable(unit.text, bullet=first.bullet or unit.joined)
        # An outcome statement's fixed words are the verdict itself, however many reports print them.
        if rule is not None and not (rule == "recurring" and reason == "outcome_statement"):
            continue
        points += reason == "improvement_point"
        found.append(Candidate(unit, position, reason, stream, score, reading.tone))
    return found


def _choice(
    unit: Unit,
    role: str | None,
    weight: int,
    sentences: Sequence[Sentence],
    position: int,
    plan: QuotePlan,
    in_area_lede: bool,
) -> tuple[str, str, int] | None:
    """(reason, stream, score) of a unit its section's role lets be quoted; None for one it does not."""
    first = unit.first
    section = first.passage.section
    if role in ("outcome_statement", "summary", "priority_action"):
        return role, {"outcome_statement": OUTCOME, "summary": SUMMARY}.get(role, IMPROVE), weight
    if role == "finding" and first.opens_block:
        return role, section, weight + OPENING_WEIGHT
    if role == "improvement_point":
        return (role, IMPROVE, weight) if first.opens_block else None
    opening = (opens_paragraph(first) or in_area_lede or completes_short_opening(sentences, position, plan)) and (
        not plan.paragraphs or _matches(section, plan.paragraphs)
    )
    if opening:
        return "paragraph_opening", section, weight + OPENING_WEIGHT
    return ("strong_wording", section, weight) if weight >= MIN_STRONG_WEIGHT else None


def rank(found: Sequence[Candidate]) -> list[Candidate]:
    """The candidates in rank order (see the module's rules)."""
    streams: dict[str, list[Candidate]] = {}
    for candidate in sorted(found, key=lambda c: c.order):
        streams.setdefault(candidate.stream, []).append(candidate)
    outcome = streams.pop(OUTCOME, [])
    summary = streams.pop(SUMMARY, [])
    scene = [c for c in summary if recalls_earlier_inspection(c.text)]
    summary = [c for c in summary if c not in scene] + scene
    improve = streams.pop(IMPROVE, [])
    areas = [most_evaluative_first(stream) for stream in streams.values()]
    lede = 0
    while lede < len(summary) and (lede < LEDE_SENTENCES or _same_paragraph(summary[lede - 1], summary[lede])):
        lede += 1
    ranked = outcome + summary[:lede]
    del summary[:lede]
    for _ in range(HEARD_ROUNDS):
        ranked += _next_paragraph(summary) + [area.pop(0) for area in areas if area]
    ranked += improve
    rest = sorted((c for area in areas for c in area), key=lambda c: c.order)
    while summary or rest:
        ranked += _next_paragraph(summary) + rest[:1]
        del rest[:1]
    return ranked


def recalls_earlier_inspection(text: str) -> bool:
    """The sentence only recalls an earlier inspection: it names one, tells of the past alone, and judges
    nothing but through the earlier grade ("progress had been slow" since then judges, and keeps its place)."""
    return (
        EARLIER_INSPECTION.search(text) is not None
        and PAST_VERB.search(text) is not None
        and PRESENT_VERB.search(text) is None
        and not judges(EARLIER_GRADE_CLAUSE.sub(" ", text))
    )


def _next_paragraph(summary: list[Candidate]) -> list[Candidate]:
    """The summary's next paragraph, taken off the list."""
    size = 1
    while size < len(summary) and _same_paragraph(summary[0], summary[size]):
        size += 1
    paragraph = summary[:size]
    del summary[:size]
    return paragraph


def _same_paragraph(first: Candidate, second: Candidate) -> bool:
    return first.unit.first.block == second.unit.first.block


def most_evaluative_first(stream: Sequence[Candidate]) -> list[Candidate]:
    """An area's candidates by how strongly they are worded (openings weigh more), in reading order where equal;
    where the area names both strengths and weaknesses, the strongest of the other tone comes second."""
    ordered = sorted(stream, key=lambda c: (-c.score, c.order))
    if ordered and ordered[0].tone is not None:
        other = next((c for c in ordered[1:] if c.tone not in (None, ordered[0].tone)), None)
        if other is not None:
            ordered.remove(other)
            ordered.insert(1, other)
    return ordered


def chosen(ranked: Sequence[Candidate], sentences: Sequence[Sentence]) -> list[Candidate]:
    """The ranked candidates kept: those always quoted, and the others while the quotations stay within
    `MAX_SHARE_OF_TEXT` of the prose; a text the report prints twice is quoted once."""
    budget = MAX_SHARE_OF_TEXT * sum(len(sentence.passage.text) for sentence in sentences)
    always = {c.text for c in ranked if c.reason in ALWAYS_QUOTED}
    used = sum(len(text) for text in always)  # what is always quoted is counted first, wherever it ranks
    kept: list[Candidate] = []
    quoted: set[str] = set()
    for candidate in ranked:
        size = len(candidate.text)
        if candidate.text in quoted:
            continue
        if candidate.text in always or used + size <= budget:
            quoted.add(candidate.text)
            kept.append(candidate)
            used += 0 if candidate.text in always else size
    return kept


def area_lede_positions(sentences: Sequence[Sentence], paragraphs_each: int) -> frozenset[int]:
    """Positions of the first `AREA_LEDE_SENTENCES` sentences of the first `paragraphs_each` paragraphs (or points)
    of each section."""
    paragraphs: dict[str, int] = {}
    positions: set[int] = set()
    within = 0
    for position, sentence in enumerate(sentences):
        section = sentence.passage.section
        if sentence.opens_block:
            paragraphs[section] = paragraphs.get(section, 0) + 1
            within = 0
        else:
            within += 1
        if 0 < paragraphs.get(section, 0) <= paragraphs_each and within < AREA_LEDE_SENTENCES:
            positions.add(position)
    return frozenset(positions)


def opens_paragraph(sentence: Sentence) -> bool:
    """The first sentence of a paragraph (or of a numbered paragraph, where the report numbers them)."""
    return sentence.opens_block and not sentence.bullet


def completes_short_opening(sentences: Sequence[Sentence], order: int, plan: QuotePlan) -> bool:
    """One of the first `plan.short_opening_follow_on` sentences after a short paragraph opening, in its paragraph."""
    sentence = sentences[order]
    for previous in reversed(sentences[max(0, order - plan.short_opening_follow_on) : order]):
        if previous.block != sentence.block:
            return False
        if opens_paragraph(previous):
            return len(previous.passage.text.split()) < SHORT_OPENING_WORDS
    return False
