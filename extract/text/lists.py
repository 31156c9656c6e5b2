"""A list's stem joined to its items: what a quotation of a list is.

"Improve the quality of services to care leavers by ensuring that:" says nothing without its points, and
"the robustness and impact of governance" says nothing without its stem. A stem is a sentence that ends its
paragraph on ':' or on a word that needs more ("... is not yet good because"); its items are the bulleted or
numbered points, or the lines starting in lower case, that follow it under the same heading. A unit is a
sentence on its own, or a stem with as many of its items, whole and in order, as fit in `MAX_UNIT_CHARS`
(at least the first item's opening sentence): quoting it keeps the printed words, the items' printed
numbers ("1.") included; the bullets' glyphs are not words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.text.passages import Sentence

# A stem ends on a colon or on a word that needs what follows.
STEM_END = re.compile(r"(?::|\b(?:because|that|by|to|including|include|includes|as\s+follows|are|is|of|for|with))\s*$")
SENTENCE_STOP = re.compile(r"[.!?]['’”)\]]*$")
# A stem with its items is quoted up to this length; longer lists are cut after the last whole item that fits.
MAX_UNIT_CHARS = 600


@dataclass(frozen=True)
class Unit:
    """What a quotation quotes: one sentence, or a list's stem with its items."""

    sentences: tuple[Sentence, ...]
    text: str

    @property
    def first(self) -> Sentence:
        return self.sentences[0]

    @property
    def joined(self) -> bool:
        return len(self.sentences) > 1


def is_stem(sentences: Sequence[Sentence], index: int) -> bool:
    """The sentence ends its block on a colon or a dangling word, and a list item follows it."""
    sentence = sentences[index]
    text = sentence.passage.text.rstrip()
    if SENTENCE_STOP.search(text) or not STEM_END.search(text) or index + 1 >= len(sentences):
        return False
    following = sentences[index + 1]
    return following.block != sentence.block and is_item(sentence, following)


def is_item(stem: Sentence, sentence: Sentence) -> bool:
    """A point of the stem's list: under the same heading, opening a bullet, a numbered paragraph of its own or a
    block starting in lower case."""
    if sentence.passage.section != stem.passage.section or not sentence.opens_block:
        return False
    numbered = sentence.passage.paragraph is not None and sentence.passage.paragraph != stem.passage.paragraph
    return sentence.bullet or numbered or sentence.passage.text[:1].islower()


def sentence_units(sentences: Sequence[Sentence], is_verbatim: Callable[[int, str], bool] | None = None) -> list[Unit]:
    """Every sentence as a unit of its own, but list stems, which take their items with them. `is_verbatim(page,
    text)` checks a joined text against its pages (a sentence left out of the passages between two others would
    break it); a stem whose list cannot be quoted whole is left as a sentence of its own."""
    units: list[Unit] = []
    taken: set[int] = set()
    for index, sentence in enumerate(sentences):
        if index in taken:
            continue
        if is_stem(sentences, index):
            joined = _stem_with_items(sentences, index)
            if joined is not None and (is_verbatim is None or is_verbatim(sentence.passage.page, joined.text)):
                units.append(joined)
                taken.update(range(index, index + len(joined.sentences)))
                continue
        units.append(Unit((sentence,), sentence.passage.text))
    return units


def _stem_with_items(sentences: Sequence[Sentence], index: int) -> Unit | None:
    stem = sentences[index]
    parts = [stem.passage.text]
    members = [stem]
    position = index + 1
    while position < len(sentences) and is_item(stem, sentences[position]):
        block = _block_from(sentences, position)
        text = _item_text(members[-1], block)
        if len(" ".join([*parts, text])) > MAX_UNIT_CHARS:
            if len(members) == 1:  # at least the first item's opening sentence
                opening = _item_text(members[-1], block[:1])
                if len(" ".join([*parts, opening])) <= MAX_UNIT_CHARS:
                    parts.append(opening)
                    members.append(block[0])
            break
        parts.append(text)
        members.extend(block)
        position += len(block)
    if len(members) == 1:
        return None
    return Unit(tuple(members), " ".join(parts))


def _block_from(sentences: Sequence[Sentence], position: int) -> list[Sentence]:
    block = [sentences[position]]
    while position + len(block) < len(sentences) and sentences[position + len(block)].block == block[0].block:
        block.append(sentences[position + len(block)])
    return block


def _item_text(previous: Sentence, block: Sequence[Sentence]) -> str:
    """The item as printed: its number where the report numbers it afresh ("1. Too many children ...")."""
    text = " ".join(sentence.passage.text for sentence in block)
    first = block[0].passage
    if first.paragraph is not None and first.paragraph != previous.passage.paragraph and not block[0].bullet:
        return f"{first.paragraph}. {text}"
    return text
