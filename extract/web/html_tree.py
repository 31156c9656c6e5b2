"""A small element tree from HTML, on the standard library's html.parser: enough to read the Ofsted site's pages.

Forgiving like a browser where the site's markup needs it: void elements (<br>, <img>) need no end tag, and an
end tag closes every element opened inside it that was left open (an unclosed <p> or <li>).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None) -> list[Element]:
        return [
            e for e in self.iter()
            if e is not self and (tag is None or e.tag == tag) and (class_ is None or class_ in e.classes)
        ]

    def find(self, tag: str | None = None, class_: str | None = None) -> Element | None:
        return next(iter(self.find_all(tag, class_)), None)

    def ancestor(self, tag: str | None = None, class_: str | None = None) -> Element | None:
        node = self.parent
        while node is not None:
            if (tag is None or node.tag == tag) and (class_ is None or class_ in node.classes):
                return node
            node = node.parent
        return None

    def text(self, exclude_class: str | None = None) -> str:
        """Text content with whitespace collapsed; elements of `exclude_class` (and below) are left out."""
        parts: list[str] = []
        self._collect_text(parts, exclude_class)
        return " ".join("".join(parts).split())

    def _collect_text(self, parts: list[str], exclude_class: str | None) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif exclude_class is None or exclude_class not in child.classes:
                parts.append(" ")
                child._collect_text(parts, exclude_class)
                parts.append(" ")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self._open[-1])
        self._open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self._open[-1])
        self._open[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return
        # A stray end tag with nothing open to close: ignored, as browsers do.

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
