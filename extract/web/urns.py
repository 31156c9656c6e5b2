"""Ofsted URNs: the one pattern of the forms the site uses, checked before a URN touches a URL or the disk.

A URN is text, never a number: `80481` (a local authority), `116135` (a school), `2766766` (a newer
registration), `SC023666` (a social care URN, also on some boarding schools), `EY360232` (early years). Letters
are a two-letter register prefix (written in capitals by the site; accepted in any case and upper-cased).
"""

from __future__ import annotations

import re

# Digits only (5 to 8 of them), or a two-letter register prefix and 6 or 7 digits.
URN_FORM = r"(?:[A-Z]{2}\d{6,7}|\d{5,8})"
URN_PATTERN = re.compile(rf"^{URN_FORM}$")


class InvalidUrn(ValueError):
    """Text that is not an Ofsted URN; the message gives the forms a URN takes."""


def normalise_urn(text: str) -> str:
    """The URN in the site's spelling (capital prefix), or InvalidUrn before anything is fetched or stored."""
    urn = str(text).strip().upper()
    if not URN_PATTERN.match(urn):
        raise InvalidUrn(
            f"{text!r} is not an Ofsted URN: a URN is 5 to 8 digits (e.g. 80481, 2766766) or two letters and 6 or "
            "7 digits (e.g. SC023666, EY360232); copy it from the provider's page on reports.ofsted.gov.uk"
        )
    return urn


def is_urn(text: str) -> bool:
    return bool(URN_PATTERN.match(text))
