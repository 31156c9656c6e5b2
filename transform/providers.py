"""Which provider a report belongs to: every spelling of one authority lands on one URN.

Reports name their authority in many ways ("Leeds City Council", "Leeds", "London Borough of Bromley").
Names are normalised (case, punctuation, "&", possessives, and the words of local-government style dropped)
and matched against the project's own table of English local authorities, `local_authorities.csv` (URN, name,
ONS code, DfE LA code, region, aliases). A name that matches no entry whole may still start with one ("Leeds
local authority children's services"); the longest entry it starts with wins, but only for a name no longer
than the longest name in the table: a longer one is a title or a sentence read by mistake, and guessing from
it would put a report on the wrong authority. When the name read matches nothing, the report's title (page 1's
first line, "Birmingham City Council" on most) is tried the same way. A URN given by the site (Provenance) or
printed in the report wins over a name match.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.records import Provenance, Report
from transform.flags import Flag

LOCAL_AUTHORITIES_CSV = Path(__file__).parent / "local_authorities.csv"
# The ONS code of each English region named in local_authorities.csv: regional statistics join on it.
REGIONS_CSV = Path(__file__).parent / "regions.csv"
ALIAS_SEPARATOR = "|"

LOCAL_AUTHORITY = "local-authority"
SCHOOL = "school"
EARLY_YEARS = "early-years"
FURTHER_EDUCATION = "further-education"
# Reports of a single provider that is not a local authority: the provider type each kind's URN names. Their
# URN comes from the site or the report, never from matching a name against the authorities.
PROVIDER_TYPE_OF_KIND = {
    "school-inspection": SCHOOL,
    "pre-registration-inspection": SCHOOL,
    "early-years-inspection": EARLY_YEARS,
    "further-education-inspection": FURTHER_EDUCATION,
}

# Phrases dropped before single words, so "London Borough of Bexley" loses "London" but "City of London" keeps it.
STYLE_PHRASES = ("london borough of", "royal borough of")
STYLE_WORDS = frozenset(
    {"council", "county", "city", "borough", "metropolitan", "district", "unitary", "authority", "of", "the", "royal"}
)
NON_WORD = re.compile(r"[^a-z0-9]+")
APOSTROPHE = re.compile(r"['’]")
# "Trafford Council’s" names Trafford, but "St Helen's" names St Helens: names are tried with and without.
POSSESSIVE = re.compile(r"['’]s\b")


def normalise_name(name: str) -> str:
    """A name reduced to the words that tell authorities apart: 'Leeds City Council' -> 'leeds'."""
    text = APOSTROPHE.sub("", name.lower().replace("&", " and "))
    text = " ".join(NON_WORD.split(text))
    for phrase in STYLE_PHRASES:
        text = text.replace(phrase, " ")
    return " ".join(word for word in text.split() if word not in STYLE_WORDS)


@dataclass(frozen=True)
class Authority:
    urn: str
    name: str
    ons_code: str
    la_code: str
    region: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Authorities:
    by_urn: dict[str, Authority]
    by_name: dict[str, Authority]  # normalised name or alias -> authority
    longest_name: int  # characters in the longest name or alias as written: longer names are never guessed from

    @classmethod
    def from_rows(cls, authorities: list[Authority]) -> Authorities:
        by_name: dict[str, Authority] = {}
        for authority in authorities:
            for name in (authority.name, *authority.aliases):
                key = normalise_name(name)
                other = by_name.get(key)
                if other is not None and other.urn != authority.urn:
                    raise ValueError(
                        f"{LOCAL_AUTHORITIES_CSV.name}: {name!r} of {authority.urn} and a name of {other.urn} both "
                        f"normalise to {key!r}; remove or rename one alias"
                    )
                by_name[key] = authority
        longest = max((len(name) for a in authorities for name in (a.name, *a.aliases)), default=0)
        return cls(by_urn={a.urn: a for a in authorities}, by_name=by_name, longest_name=longest)

    def find_name(self, name: str | None) -> Authority | None:
        """The authority a printed name names: the whole name, else the longest entry it starts with."""
        if not name:
            return None
        keys = dict.fromkeys((normalise_name(name), normalise_name(POSSESSIVE.sub("", name))))
        for key in keys:
            if key in self.by_name:
                return self.by_name[key]
        if len(name.strip()) > self.longest_name:
            return None
        for key in keys:
            words = key.split()
            for end in range(len(words) - 1, 0, -1):
                found = self.by_name.get(" ".join(words[:end]))
                if found is not None:
                    return found
        return None


@cache
def local_authorities() -> Authorities:
    with open(LOCAL_AUTHORITIES_CSV, newline="", encoding="utf-8") as handle:
        rows = [
            Authority(
                urn=row["urn"],
                name=row["name"],
                ons_code=row["ons_code"],
                la_code=row["la_code"],
                region=row["region"],
                aliases=tuple(a for a in row["aliases"].split(ALIAS_SEPARATOR) if a),
            )
            for row in csv.DictReader(handle)
        ]
    return Authorities.from_rows(rows)


@cache
def region_codes() -> dict[str, str]:
    """Region name (as local_authorities.csv writes it) -> its ONS region code (E12...)."""
    with open(REGIONS_CSV, newline="", encoding="utf-8") as handle:
        return {row["region"]: row["region_code"] for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class Provider:
    urn: str
    name: str | None
    provider_type: str
    la_code: str | None = None
    ons_code: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class ProviderMatch:
    provider: Provider | None  # None when no URN could be found: the report loads with urn NULL
    flags: tuple[Flag, ...] = ()


def authority_to_provider(authority: Authority) -> Provider:
    return Provider(
        urn=authority.urn,
        name=authority.name,
        provider_type=LOCAL_AUTHORITY,
        la_code=authority.la_code,
        ons_code=authority.ons_code,
        region=authority.region,
    )


def match_provider(report: Report, provenance: Provenance | None, authorities: Authorities) -> ProviderMatch:
    """The provider of a report: the site's URN, else the printed URN, else the authority its name (or else its
    title) matches."""
    printed_name = report.provider or (provenance.provider_name if provenance else None)
    given_urn = (provenance.urn if provenance else None) or report.urn
    if report.kind in PROVIDER_TYPE_OF_KIND:
        if not given_urn:
            return ProviderMatch(None, (Flag.PROVIDER_UNMATCHED,))
        provider_type = PROVIDER_TYPE_OF_KIND[report.kind]
        return ProviderMatch(Provider(urn=given_urn, name=printed_name, provider_type=provider_type))

    # The title (page 1's first line) names the authority on most reports: it answers when the name read does not.
    named = authorities.find_name(printed_name) or authorities.find_name(report.first_line)
    if not given_urn:
        if named is None:
            return ProviderMatch(None, (Flag.PROVIDER_UNMATCHED,))
        return ProviderMatch(authority_to_provider(named))

    known = authorities.by_urn.get(given_urn)
    if known is None:
        # A URN the table does not know yet (a new authority): keep it, say so, and let the table catch up.
        provider_type = (provenance.provider_type if provenance else None) or LOCAL_AUTHORITY
        return ProviderMatch(
            Provider(urn=given_urn, name=printed_name, provider_type=provider_type), (Flag.PROVIDER_NOT_IN_REFERENCE,)
        )
    flags = (Flag.PROVIDER_NAME_CONFLICT,) if named is not None and named.urn != known.urn else ()
    return ProviderMatch(authority_to_provider(known), flags)
