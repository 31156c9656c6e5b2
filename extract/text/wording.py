"""How strongly a sentence praises or criticises, read from its words: what makes a sentence worth quoting for
its wording, and whether it names a strength or a weakness.

The words and their weights are data (`quote_words.csv` beside this module: pattern, weight, tone). Two kinds of
phrase are read for what they mean rather than for their words:

- negation: a word of praise after "not", "not yet", "no longer" or "never" (within a couple of words: "not
  consistently effective") names a weakness, and a word of criticism after one ("no longer inadequate") names an
  improvement: the weight stays, the tone turns;
- statutory threshold phrases ("children at immediate risk of harm", "risk of significant harm", "likely to
  suffer significant harm") name which children a service is for, not a failure: they weigh nothing, unless
  the sentence says children were left or kept there ("leaving children at risk of harm").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("quote_words.csv")
PRAISE, CRITICISM = "praise", "criticism"
# "not", "not yet", "no longer", "never", up to this many words before the word they turn.
# A negation is looked for this many characters before a word (three words or so).
NEGATION_REACH = 40
NEGATION = re.compile(r"\b(?:not(?:\s+yet)?|no\s+longer|never|nor)\s+((?:[\w’'-]+\s+){0,2})$", re.IGNORECASE)
# The statutory threshold for help and protection, as reports name it.
THRESHOLD = re.compile(
    r"\b(?:(?:at|of)\s+(?:immediate\s+|significant\s+|serious\s+|potential\s+)?risk\s+of\s+"
    r"(?:significant\s+|serious\s+)?harm"
    r"|(?:likely\s+to\s+)?suffer(?:ing)?\s+significant\s+harm"
    r"|significant\s+harm\s+threshold)\b",
    re.IGNORECASE,
)
# Words before a threshold phrase that say children were put or kept there: then it is criticism.
PUT_AT_RISK = re.compile(
    r"\b(?:left|leav(?:e|es|ing)|remain(?:s|ed|ing)?|exposed|expos(?:e|es|ing)|placed|put(?:s|ting)?|kept)\s+"
    r"(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)


@cache
def wording_pattern() -> re.Pattern:
    """The word list as one pattern with a group per weight and tone (`w3_praise`, `w2_criticism`, ...): one
    search of a sentence finds all its strong words, where a search per word was a fifth of extraction time."""
    groups: dict[tuple[int, str], list[str]] = {}
    with open(WORDS_FILE, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups.setdefault((int(row["weight"]), row["tone"]), []).append(f"(?:{row['pattern']})")
    # Heaviest first, inside a lookahead: each place a word starts yields its heaviest match there, and no match
    # hides a heavier one that overlaps it.
    alternatives = "|".join(
        f"(?P<w{weight}_{tone}>{'|'.join(patterns)})"
        for (weight, tone), patterns in sorted(groups.items(), reverse=True)
    )
    return re.compile(rf"(?=\b(?:{alternatives})\b)", re.IGNORECASE)


def threshold_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names the statutory threshold (not children left at risk): spans its words weigh nothing in."""
    return [
        match.span()
        for match in THRESHOLD.finditer(text)
        if not PUT_AT_RISK.search(text[: match.start()])
    ]


@dataclass(frozen=True)
class Reading:
    weight: int  # the heaviest strong word or phrase (one word does not count twice)
    praise: int  # summed weights of words naming strengths, negation read
    criticism: int  # summed weights of words naming weaknesses, negation read

    @property
    def tone(self) -> str | None:
        if self.praise == self.criticism:
            return None
        return PRAISE if self.praise > self.criticism else CRITICISM


def read_wording(text: str) -> Reading:
    masked = threshold_spans(text) if "harm" in text else []
    weight = praise = criticism = 0
    for found in wording_pattern().finditer(text):
        start = found.start()
        if any(begin <= start < end for begin, end in masked):
            continue
        word_weight, tone = found.lastgroup[1:].split("_", 1)
        if NEGATION.search(text[max(0, start - NEGATION_REACH) : start]):
            tone = CRITICISM if tone == PRAISE else PRAISE
        weight = max(weight, int(word_weight))
        if tone == PRAISE:
            praise += int(word_weight)
        else:
            criticism += int(word_weight)
    return Reading(weight, praise, criticism)


def wording_weight(text: str) -> int:
    """The heaviest strong word or phrase in the text (one word does not count twice)."""
    return read_wording(text).weight
