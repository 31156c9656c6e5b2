"""What `ofsted search` understands, parsed into a small tree: phrases, prefixes and AND, OR, NOT.

    parse('neglect AND "domestic abuse"', analyze)
    -> All((Phrase((Word('neglect'),)), Phrase((Word('domestic'), Word('abuse')))))

The syntax (docs/search.md says it for users):
- words typed side by side are one phrase: `drift and delay`; so are words in quotes, where AND, OR and NOT are
  words too: `"drift and delay"`;
- a word is a run of letters and digits, in any case; everything else separates words, so apostrophes, quotation
  marks, dashes and hyphens match however they are typed: `children's` is the phrase `children s`;
- a word that ends in `*` is a prefix: `safeguard*` finds safeguarding and safeguarded; a word without it is
  the whole word (`neglect` does not find neglectful);
- AND, OR and NOT in capitals combine phrases, and parentheses group them; NOT binds tightest, then AND, then OR;
  two phrases with nothing between them (`"domestic abuse" neglect`) must both match. NOT needs something to
  find beside it (`neglect AND NOT "domestic abuse"`).

`analyze` is the engine's tokenizer (warehouse.search_index.analyze): the same function splits the query and the
indexed sentences, which is what makes the query's words the index's words. The tree is also compiled to SQL
(`sql_condition`): the scan that reads every sentence finds exactly what the engine finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from warehouse.exceptions import WarehouseError

PREFIX_MARK = "*"
OPERATORS = ("AND", "OR", "NOT")
# Letters and digits, and what is neither, as RE2 (DuckDB's regexp) spells them: the engine's simple tokenizer
# splits text where Rust's char::is_alphanumeric changes, which is Unicode letters and numbers.
WORD_CHARS, NOT_WORD_CHARS = r"[\pL\pN]", r"[^\pL\pN]"
# The same for Python's re, which has no \p classes: letters and digits are \w without the underscore. Only the
# highlighting of snippets uses it.
PY_WORD_CHARS, PY_NOT_WORD_CHARS = r"[^\W_]", r"[\W_]"
LEXEME = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<quoted>[^"]*)(?P<unclosed>"?)|(?P<bare>[^\s()"]+))')


class QuerySyntaxError(WarehouseError):
    """The search words cannot be read as a query; the message says what to type instead."""


@dataclass(frozen=True)
class Word:
    text: str  # lower case letters and digits, as the tokenizer leaves them
    prefix: bool = False  # typed with a final *: any word that starts with text


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Phrase | All | Any | Not


def parse(text: str, analyze: Callable[[str], list[str]]) -> Node:
    """The query tree of `text`; QuerySyntaxError says what is wrong with it."""
    lexemes = list(lex(text))
    if not lexemes:
        raise QuerySyntaxError("no words to search for: give a word or a phrase, e.g. ofsted search neglect")
    parser = Parser(lexemes, analyze)
    node = parser.any_of()
    if parser.position < len(lexemes):
        raise QuerySyntaxError(f"{lexemes[parser.position][1]!r} closes nothing: remove it, or open it with (")
    check_negations(node)
    return node


def lex(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) pairs: open, close, quoted, word, or an operator by name."""
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = LEXEME.match(text, position)
        position = match.end()
        if match["open"]:
            yield "open", "("
        elif match["close"]:
            yield "close", ")"
        elif match["bare"] is not None:
            bare = match["bare"]
            yield (bare, bare) if bare in OPERATORS else ("word", bare)
        else:
            if not match["unclosed"]:
                raise QuerySyntaxError(f'the quote before {match["quoted"]!r} is not closed: end the phrase with "')
            yield "quoted", match["quoted"]


class Parser:
    """Recursive descent over the lexemes: any_of (OR) > all_of (AND) > negated (NOT) > unit."""

    def __init__(self, lexemes: list[tuple[str, str]], analyze: Callable[[str], list[str]]):
        self.lexemes, self.analyze, self.position = lexemes, analyze, 0

    def peek(self) -> str | None:
        return self.lexemes[self.position][0] if self.position < len(self.lexemes) else None

    def take(self) -> tuple[str, str]:
        lexeme = self.lexemes[self.position]
        self.position += 1
        return lexeme

    def any_of(self) -> Node:
        parts = [self.all_of()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else Any(tuple(parts))

    def all_of(self) -> Node:
        parts = [self.negated()]
        while self.peek() in ("AND", "NOT", "open", "quoted", "word"):
            if self.peek() == "AND":
                self.take()
            parts.append(self.negated())
        return parts[0] if len(parts) == 1 else All(tuple(parts))

    def negated(self) -> Node:
        if self.peek() == "NOT":
            self.take()
            return Not(self.negated())
        return self.unit()

    def unit(self) -> Node:
        kind = self.peek()
        if kind is None or kind in ("OR", "AND", "close"):
            after = self.lexemes[self.position - 1][1] if self.position else "the start"
            raise QuerySyntaxError(f"{after} must be followed by words to search for (operators are AND, OR, NOT "
                                   "in capitals; put them in quotes to search for the word)")
        if kind == "open":
            self.take()
            node = self.any_of()
            if self.peek() != "close":
                raise QuerySyntaxError("a ( is not closed: end the group with )")
            self.take()
            return node
        if kind == "quoted":
            return self.phrase([self.take()[1]])
        typed = []
        while self.peek() == "word":
            typed.append(self.take()[1])
        return self.phrase(typed)

    def phrase(self, typed: list[str]) -> Phrase:
        words = tuple(word for piece in typed for chunk in piece.split() for word in self.words_of(chunk))
        if not words:
            raise QuerySyntaxError(f"{' '.join(typed)!r} has no letters or digits to search for")
        return Phrase(words)

    def words_of(self, chunk: str) -> list[Word]:
        """The words of one typed word: `children's*` is children, then s as a prefix."""
        prefix = chunk.endswith(PREFIX_MARK)
        tokens = self.analyze(chunk.rstrip(PREFIX_MARK))
        return [Word(token, prefix and n == len(tokens) - 1) for n, token in enumerate(tokens)]


def check_negations(node: Node, inside_all: bool = False) -> None:
    """NOT must stand beside something to find, inside an AND: the engine (and common sense) cannot list every
    sentence that does not say a word."""
    if isinstance(node, Not):
        if not inside_all:
            raise QuerySyntaxError("NOT needs words to find beside it: e.g. neglect AND NOT \"domestic abuse\"")
        check_negations(node.part)
    elif isinstance(node, All):
        if all(isinstance(part, Not) for part in node.parts):
            raise QuerySyntaxError("NOT needs words to find beside it: e.g. neglect AND NOT \"domestic abuse\"")
        for part in node.parts:
            check_negations(part, inside_all=True)
    elif isinstance(node, Any):
        for part in node.parts:
            check_negations(part)


def phrases(node: Node, negated: bool = False) -> Iterator[Phrase]:
    """The phrases a matching sentence says (those under NOT it does not say): what a snippet highlights."""
    if isinstance(node, Phrase):
        if not negated:
            yield node
    elif isinstance(node, Not):
        yield from phrases(node.part, not negated)
    else:
        for part in node.parts:
            yield from phrases(part, negated)


def phrase_body(phrase: Phrase, word_chars: str = WORD_CHARS, not_word_chars: str = NOT_WORD_CHARS) -> str:
    """The phrase as a regular expression, from its first word to the end of its last: the words in order,
    anything but letters and digits between them, a prefix followed by more letters or digits, and the last word
    ending where letters and digits do. (What `search_phrase(words)` of views.sql builds in SQL.)"""
    words = [re.escape(word.text) + (word_chars + "*" if word.prefix else "") for word in phrase.words]
    return (not_word_chars + "+").join(words) + f"(?:{not_word_chars}|$)"


def phrase_pattern(phrase: Phrase) -> str:
    """The whole pattern a sentence must match (RE2, any case): the body, starting where a word starts.
    (`search_pattern(words)` of views.sql.)"""
    return f"(?i)(?:^|{NOT_WORD_CHARS})" + phrase_body(phrase)


def sql_condition(node: Node, column: str = "text") -> tuple[str, dict[str, str]]:
    """The query as an SQL condition on `column`, and its named parameters ($pattern0, ...): each phrase is a
    cheap case-insensitive search for its body first (RE2 finds its literal start fast), then the exact pattern."""
    parameters: dict[str, str] = {}

    def condition(node: Node) -> str:
        if isinstance(node, Phrase):
            quick, exact = f"pattern{len(parameters)}", f"pattern{len(parameters) + 1}"
            parameters[quick], parameters[exact] = "(?i)" + phrase_body(node), phrase_pattern(node)
            return f"(regexp_matches({column}, ${quick}) AND regexp_matches({column}, ${exact}))"
        if isinstance(node, Not):
            return f"(NOT {condition(node.part)})"
        joined = " AND " if isinstance(node, All) else " OR "
        return "(" + joined.join(condition(part) for part in node.parts) + ")"

    return condition(node), parameters


def highlighter(node: Node) -> re.Pattern | None:
    """A Python pattern of every phrase the query finds, to mark them in a sentence (None: nothing to mark)."""
    bodies = [phrase_body(phrase, PY_WORD_CHARS, PY_NOT_WORD_CHARS) for phrase in phrases(node)]
    if not bodies:
        return None
    # The body's final (?:not-a-word|$) would swallow the character after the match: as a lookahead it does not.
    alternatives = "|".join(body[: -len(f"(?:{PY_NOT_WORD_CHARS}|$)")] for body in bodies)
    return re.compile(f"(?<!{PY_WORD_CHARS})(?:{alternatives})(?!{PY_WORD_CHARS})", re.IGNORECASE)


def describe(node: Node) -> str:
    """The tree as the engine reads it, for messages: phrases in quotes, prefixes with their *."""
    if isinstance(node, Phrase):
        return '"' + " ".join(word.text + (PREFIX_MARK if word.prefix else "") for word in node.words) + '"'
    if isinstance(node, Not):
        return f"NOT {describe(node.part)}"
    joined = " AND " if isinstance(node, All) else " OR "
    return "(" + joined.join(describe(part) for part in node.parts) + ")"
