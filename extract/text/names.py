"""Provider names as printed in a report's title: a name, never a paragraph.

Titles run on into the next line or sentence when a template changes ("Focused visit to Slough Children First"
followed by the opening sentence, a re-inspection's title under the authority's name): a reader that stops at
the wrong place takes the whole page. The longest authority name printed in a title ("the Royal Borough of
Windsor and Maidenhead", "City of Bradford Metropolitan District Council") is seven words; anything much longer is
a misread title, and no name is better than a wrong one (the warehouse then flags the report as unmatched).
"""

from __future__ import annotations

import re

MAX_PROVIDER_WORDS = 12
MAX_PROVIDER_CHARS = 100
# A possessive before "children's services": "Focused visit to Trafford Council’s children’s services".
POSSESSIVE = re.compile(r"['’]s$")
# A sentence ending inside the name: the reader ran past the title.
SENTENCE_BREAK = re.compile(r"[.!?:;]\s")


def provider_name(printed: str | None) -> str | None:
    """The provider as printed, whitespace collapsed; None when the text is longer than a title can be."""
    if not printed:
        return None
    name = POSSESSIVE.sub("", " ".join(printed.split()).strip(" ,.;:"))
    if (
        not name
        or len(name.split()) > MAX_PROVIDER_WORDS
        or len(name) > MAX_PROVIDER_CHARS
        or SENTENCE_BREAK.search(name)
    ):
        return None
    return name
