"""The kinds of provider the pipeline follows, as data: each one's search filter and provider page types.

Codes come from reference/site-pages/README.md (the real search page's own filter form, and scrapers running
daily against the live site). `evidence` says how sure each filter is:

- CONFIRMED: the exact query is seen working on the live site (a scraper's URL, or a saved real page);
- FORM: the codes are the real filter form's, but no saved query uses this combination;
- UNKNOWN: a guess. Its listings are checked at run time: every provider listed must have one of the type's
  page types and, where the listing shows a category, that category; anything else fails the listing with a
  message saying the filter code is wrong (`ListingMismatch`), instead of loading the wrong providers.

A listing of a CONFIRMED or FORM filter fails only when none of a page's providers is of the type (a filter that
plainly selects something else); single odd rows are followed (the real primary listing also lists special,
independent and boarding schools, each with its own page type).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CONFIRMED, FORM, UNKNOWN = "confirmed", "form", "unknown"


@dataclass(frozen=True)
class ProviderType:
    key: str
    description: str
    level_1: int  # the search's level_1_types
    level_2: tuple[int, ...] = ()  # level_2_types[] (empty: every sub-category)
    level_3: tuple[int, ...] = ()  # level_3_types[] (empty: every type)
    page_types: tuple[str, ...] = ()  # the <type> in /provider/<type>/<URN>; the first builds a page from a URN
    category: str | None = None  # lower-case words the listing's "Category:" holds, where the evidence shows it
    evidence: str = FORM

    @property
    def page_type(self) -> str:
        return self.page_types[0]

    def filter_text(self) -> str:
        parts = [f"level_1_types={self.level_1}"]
        parts += [f"level_2_types[]={code}" for code in self.level_2]
        parts += [f"level_3_types[]={code}" for code in self.level_3]
        return "&".join(parts)


PROVIDER_TYPE_TABLE = (
    # Scrapers running daily against the live site use exactly this query.
    ProviderType("la", "local authority children's services", level_1=3, level_2=(12,), page_types=("44",),
                 evidence=CONFIRMED),
    # The saved real listing (level_1_types=1, level_2_types[0]=1) lists primary schools, and special,
    # independent and boarding schools of primary age under their own page types.
    ProviderType("primary", "primary schools", level_1=1, level_2=(1,), page_types=("21",), category="primary",
                 evidence=CONFIRMED),
    ProviderType("secondary", "secondary schools", level_1=1, level_2=(2,), page_types=("23",),
                 category="secondary"),
    ProviderType("special", "special schools", level_1=1, level_3=(1,), page_types=("25",), category="special"),
    ProviderType("independent", "independent schools", level_1=1, level_3=(5,), page_types=("27",),
                 category="independent"),
    ProviderType("boarding", "boarding schools", level_1=1, level_3=(6,), page_types=("1",), category="boarding"),
    # Social care sub-types run 8-12 (a code comment); 12 is local authorities; which is children's homes is
    # not known: 8 is a guess, checked on every listing.
    ProviderType("childrens-home", "children's homes", level_1=3, level_2=(8,), page_types=("2",),
                 category="children's home", evidence=UNKNOWN),
    # Childcare and early education, every sub-category: nurseries and pre-schools (16) and childminders (17).
    ProviderType("early-years", "early years and childcare", level_1=2, page_types=("16", "17")),
    ProviderType("further-education", "further education and skills", level_1=1, level_2=(3,),
                 page_types=("46",)),
)
PROVIDER_TYPES = {t.key: t for t in PROVIDER_TYPE_TABLE}
# Names that stand for several types on the command line.
PROVIDER_TYPE_GROUPS = {"school": ("primary", "secondary", "special", "independent", "boarding")}
DEFAULT_PROVIDER_TYPES = ("la",)
# Every page type to the type it belongs to: a listing's provider is recorded by its own page's type.
TYPE_OF_PAGE = {page: t.key for t in PROVIDER_TYPE_TABLE for page in t.page_types}


def provider_types(keys: Iterable[str]) -> list[ProviderType]:
    """The types named (groups expanded), each once, in the order given."""
    keys = list(keys)
    names = [*PROVIDER_TYPES, *PROVIDER_TYPE_GROUPS]
    unknown = [k for k in keys if k not in names]
    if unknown:
        raise ValueError(f"unknown provider type {', '.join(unknown)}; choose from {', '.join(names)}")
    expanded = [member for k in keys for member in PROVIDER_TYPE_GROUPS.get(k, (k,))]
    return [PROVIDER_TYPES[k] for k in dict.fromkeys(expanded)]


def types_help() -> str:
    """Every name --types takes, with what it follows, for the commands' --help."""
    lines = [f"{t.key} ({t.description}{'; filter code unverified, checked on every run' if t.evidence == UNKNOWN else ''})"
             for t in PROVIDER_TYPE_TABLE]
    lines += [f"{group} (= {' '.join(members)})" for group, members in PROVIDER_TYPE_GROUPS.items()]
    return "; ".join(lines)
