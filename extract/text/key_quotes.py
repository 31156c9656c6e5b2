"""Key quotations: a ranked choice from a report's passages, by position and wording, never by report.

What people who write about inspections quote (news stories, council press releases, committee papers): the
whole opening summary; the opening sentence of numbered paragraphs all through the judgement sections;
sentences of strong praise or serious criticism; in letters, the finding bullets; a few of the points to
improve. A family says which of its sections play which part (`QuotePlan`); the choice is the same for all:

1. every sentence of the summary (but its account of the inspection itself, `QuotePlan.preamble`), of the
   outcome and narrative sections and of the priority actions, and the opening sentence of each finding
   (reasons `summary`, `outcome_statement`, `priority_action`, `finding`);
2. the first sentence of the first `improvement_points` points to improve (`improvement_point`);
3. then the opening sentences of the judgement sections' paragraphs (`paragraph_opening`; where a family's
   paragraphs open with a short verdict, the sentences completing it too) and any sentence with strong wording
   (`strong_wording`), the strongest first. The wording's weights are data
   (`quote_words.csv` beside this module); a paragraph's opening sentence scores `OPENING_WEIGHT` on top of
   its wording, so openings come before plain sentences of equal wording.

Steps 1 are always quoted; steps 2 and 3 only while the quotations stay within `MAX_SHARE_OF_TEXT` of the
report's prose.

Ranks follow that order (1 = the most quotable); quotations are listed by rank.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extract.records import Quotation
from extract.text.passages import Sentence

WORDS_FILE = Path(__file__).with_name("quote_words.csv")
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
# Very short sentences say little; very long ones are rarely quoted whole.
MIN_QUOTE_CHARS = 40
MAX_QUOTE_CHARS = 600


@dataclass(frozen=True)
class QuotePlan:
    """Which of a family's sections play which part, as regexes matched against the section as printed."""

    summary: tuple[str, ...] = ()  # every sentence quoted
    outcome: tuple[str, ...] = ()  # every sentence quoted, first
    findings: tuple[str, ...] = ()  # the opening sentence of each point or paragraph quoted
    priority: tuple[str, ...] = ()  # every point's sentences quoted
    improvement: tuple[str, ...] = ()  # the first sentence of a few points
    paragraphs: tuple[str, ...] = ()  # sections whose paragraph openings are quoted; empty: every other section
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


@cache
def wording_pattern() -> re.Pattern:
    """The word list as one pattern with a group per weight (`w3`, `w2`, ...): one search of a sentence finds
    all its strong words, where a search per word was a fifth of extraction time."""
    words: dict[int, list[str]] = {}
    with open(WORDS_FILE, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words.setdefault(int(row["weight"]), []).append(f"(?:{row['pattern']})")
    # Heaviest first, inside a lookahead: each place a word starts yields its heaviest match there, and no match
    # hides a heavier one that overlaps it.
    groups = "|".join(
        f"(?P<w{weight}>{'|'.join(patterns)})" for weight, patterns in sorted(words.items(), reverse=True)
    )
    return re.compile(rf"(?=\b(?:{groups})\b)", re.IGNORECASE)


def wording_weight(text: str) -> int:
    """The heaviest strong word or phrase in the text (one word does not count twice)."""
    return max((int(found.lastgroup[1:]) for found in wording_pattern().finditer(text)), default=0)


def _matches(section: str, patterns: Sequence[str]) -> bool:
    return any(re.search(pattern, section, re.IGNORECASE) for pattern in patterns)


def _starts_with(text: str, patterns: Sequence[str]) -> bool:
    return any(re.match(pattern, text, re.IGNORECASE) for pattern in patterns)


@lru_cache(maxsize=SECTION_ROLES_REMEMBERED)  # asked once per sentence, of a few dozen sections per report
def _role(section: str, plan: QuotePlan) -> str | None:
    for role, patterns in (
        ("outcome_statement", plan.outcome),
        ("summary", plan.summary),
        ("finding", plan.findings),
        ("priority_action", plan.priority),
        ("improvement_point", plan.improvement),
    ):
        if _matches(section, patterns):
            return role
    return None


def quotable(text: str) -> bool:
    return MIN_QUOTE_CHARS <= len(text) <= MAX_QUOTE_CHARS


def key_quotations(sentences: Sequence[Sentence], plan: QuotePlan) -> list[Quotation]:
    chosen: list[tuple[Sentence, str]] = []
    points = 0
    scored: list[tuple[int, int, Sentence, str]] = []
    summaries = 0
    for order, sentence in enumerate(sentences):
        section = sentence.passage.section
        role = _role(section, plan)
        if role == "summary" and _starts_with(sentence.passage.text, plan.preamble):
            role = None
        if role == "summary" and plan.summary_sentences is not None:
            summaries += 1
            if summaries > plan.summary_sentences:
                role = "finding"
        if role in ("outcome_statement", "summary", "priority_action"):
            chosen.append((sentence, role))
            continue
        if role == "finding" and sentence.opens_block:
            chosen.append((sentence, role))
            continue
        if role == "improvement_point":
            if sentence.opens_block and points < plan.improvement_points:
                chosen.append((sentence, role))
                points += 1
            continue
        if not quotable(sentence.passage.text):
            continue
        score = wording_weight(sentence.passage.text)
        strong = score >= MIN_STRONG_WEIGHT
        opening = (opens_paragraph(sentence) or completes_short_opening(sentences, order, plan)) and (
            not plan.paragraphs or _matches(section, plan.paragraphs)
        )
        if not (strong or opening):
            continue
        score += OPENING_WEIGHT * opening
        scored.append((-score, order, sentence, "paragraph_opening" if opening else "strong_wording"))
    chosen.sort(key=lambda item: _priority(item[1]))
    budget = MAX_SHARE_OF_TEXT * sum(len(sentence.passage.text) for sentence in sentences)
    kept: list[tuple[Sentence, str]] = []
    used = 0
    ranked = chosen + [(sentence, reason) for _, _, sentence, reason in sorted(scored, key=lambda item: item[:2])]
    quoted: set[str] = set()
    for sentence, reason in ranked:
        size = len(sentence.passage.text)
        if sentence.passage.text in quoted:  # a sentence the report prints twice is quoted once
            continue
        if reason in ALWAYS_QUOTED or used + size <= budget:
            quoted.add(sentence.passage.text)
            kept.append((sentence, reason))
            used += size
    chosen = kept
    return [
        Quotation(s.passage.section, s.passage.page, s.passage.text, rank, reason)
        for rank, (s, reason) in enumerate(chosen, start=1)
    ]


PRIORITY = ("outcome_statement", "summary", "priority_action", "finding", "improvement_point")
# The outcome statement, the summary, the priority actions and the findings are quoted whatever their length.
ALWAYS_QUOTED = frozenset({"outcome_statement", "summary", "priority_action", "finding"})


def _priority(role: str) -> int:
    return PRIORITY.index(role)


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
