"""Find the authority a person means from a URN or a name, without guessing between several."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from warehouse.report.exceptions import AmbiguousProvider, ProviderNotFound
from warehouse.report.records import Authority

CLOSE_MATCHES_SHOWN = 5
# Names this similar (difflib ratio) are offered as suggestions when nothing matches exactly.
SUGGESTION_CUTOFF = 0.6


def describe(authority: Authority) -> str:
    return f"{authority.provider_name} ({authority.urn})"


def resolve_provider(wanted: str, authorities: Sequence[Authority]) -> Authority:
    """By URN, then by whole name, then by part of a name; all case-insensitive and ignoring spaces around."""
    key = wanted.strip().casefold()
    for match_of in (
        lambda a: a.urn.casefold() == key,
        lambda a: a.provider_name.casefold() == key,
        lambda a: key in a.provider_name.casefold(),
    ):
        matches = [authority for authority in authorities if match_of(authority)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = ", ".join(describe(a) for a in matches[:CLOSE_MATCHES_SHOWN])
            more = f" and {len(matches) - CLOSE_MATCHES_SHOWN} more" if len(matches) > CLOSE_MATCHES_SHOWN else ""
            raise AmbiguousProvider(
                f"{wanted!r} matches {len(matches)} authorities: {listed}{more}; give the URN or the full name"
            )
    by_name = {a.provider_name.casefold(): a for a in authorities}
    close = difflib.get_close_matches(key, by_name, n=CLOSE_MATCHES_SHOWN, cutoff=SUGGESTION_CUTOFF)
    hint = (
        f"did you mean {', '.join(describe(by_name[name]) for name in close)}?"
        if close
        else f"the warehouse holds {len(authorities)} authorities; `ofsted report` lists them all"
    )
    raise ProviderNotFound(f"no authority with URN or name {wanted!r} in the warehouse; {hint}")
