"""A sentence that refers back is quoted with the sentence it refers to.

"This enables them to understand risk and impact for children." says nothing on its own, and "They value the
highly supportive, child-centred environment ..." does not say who. A sentence opening on a pronoun or a
connective that points at the sentence before it ("This", "They", "As a result", "However", "Since then") is
the second half of one point: an editor quotes the two together, or neither. Measured on
../shared/press-quotes: where the press quoted a sentence, it also quoted the next one in 62% of cases when that
one refers back, against 38% when it does not; and it quoted a sentence that refers back without the one before
it half as often as any other sentence (0.7% against 1.5%).

A sentence that refers back is joined to the unit (`extract.text.lists.Unit`) before it when both are in one
paragraph, the two stay within `MAX_JOINED_CHARS`, and the two are printed together verbatim (a sentence left
out of the passages between them would break the quotation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extract.text.lists import Unit
from extract.text.passages import Sentence

# The words at a sentence's start that point back at the sentence before it. "This local authority" and "This
# inspection" name the report's own subject, not the sentence before, and stand alone.
REFERS_BACK = re.compile(
    r"^(?:(?:This|These|Those|Such)\b(?!\s+(?:local\s+authority|inspection|visit|letter|report|review)\b)"
    r"|(?:They|Their|Them|It|Its|He|She)\b"
    r"|(?:As\s+a\s+(?:result|consequence)|Consequently|Therefore|However|Nevertheless|Even\s+so|Despite\s+this"
    r"|Because\s+of\s+this|In\s+addition|Additionally|Also|Furthermore|Moreover|Similarly|Likewise|Equally"
    r"|In\s+turn|Instead|For\s+(?:example|instance)|In\s+(?:these|such|this)\s+(?:cases?|instances?)"
    r"|(?:Where|When)\s+this|Since\s+then|But|And|Yet|So)\b)"
)
# Two sentences joined stay short enough to quote in an article: the length a list's stem with its items may
# run to (extract.text.lists.MAX_UNIT_CHARS).
MAX_JOINED_CHARS = 600


def refers_back(text: str) -> bool:
    """The sentence opens on a word that points at the sentence before it."""
    return REFERS_BACK.match(text) is not None


def with_follow_ons(
    units: Sequence[Unit],
    joins: Callable[[Sentence], bool],
    is_verbatim: Callable[[int, str], bool] | None = None,
) -> list[Unit]:
    """The units with each one that refers back joined to the one before it, where `joins(sentence)` allows it
    (a family quotes some sections whole and others a sentence at a time: see extract.text.key_quotes)."""
    joined: list[Unit] = []
    for unit in units:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(previous, unit, joins):
            text = f"{previous.text} {unit.text}"
            printed = is_verbatim is None or is_verbatim(previous.first.passage.page, text)
            if len(text) <= MAX_JOINED_CHARS and printed:
                joined[-1] = Unit(previous.sentences + unit.sentences, text)
                continue
        joined.append(unit)
    return joined


def _continues(previous: Unit, unit: Unit, joins: Callable[[Sentence], bool]) -> bool:
    sentence = unit.first
    last = previous.sentences[-1]
    return (
        not unit.joined
        and not sentence.opens_block
        and sentence.block == last.block
        and joins(sentence)
        and refers_back(sentence.passage.text)
    )
