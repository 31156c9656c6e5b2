"""What the fake site lists.

- `catalogue_from_corpus`: one provider per corpus local authority (and school, early years setting, college),
  its reports with labels, inspection and published dates, built from the corpus's MANIFEST.csv (and TRUTH.csv
  for inspection dates); providers that are not authorities are listed under their own type's page type.
  Corpus files without a real file id get a stable invented one derived from their sha256, so runs repeat.
- `typed_catalogue`: providers of every type with small generated PDFs, URNs in every form the site uses
  (digits, SC and EY), more than a listing page of schools, and an undated academy conversion letter.
- `school_listing`: many schools of which a few published recently (the nightly's cost).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# The site's own labels for each kind of report, as its provider pages print them.
LABELS = {
    "la-inspection": "Children's services inspection",
    "focused-visit": "Children's services focused visit",
    "jtai": "Joint area child protection inspection",
    "area-send": "Area SEND full inspection",
    "joint-area-review": "Joint area review - progress inspection",
    "not-a-pdf": "Children's services inspection",
    "school-inspection": "School inspection report",
    "early-years": "Early years inspection",
    "further-education": "Further education and skills inspection",
    "independent-school": "Independent school pre-registration inspection",
}
# The provider type and page type a corpus folder's providers are listed under (authorities: "la", "44").
PROVIDER_OF_KIND = {
    "early-years": ("early-years", "16"),
    "further-education": ("further-education", "46"),
    "independent-school": ("independent", "27"),
}
SCHOOL_PROVIDER = ("school", "21")
INVENTED_ID_BASE = 90_000_000
INVENTED_ID_SPAN = 9_999_999
SCHOOL_URN = re.compile(r"^((?:EY)?\d+)-")  # 145493-..., EY448916-...
YEAR = re.compile(r"-(\d{4})(?!\d)")  # the year after the name, not the URN's first digits
# Schools' reports carry only a year in their file names: the fake site publishes them mid-year.
SCHOOL_PUBLISHED_MONTH_DAY = (7, 1)
# The one school file whose name has no URN gets one from outside the real URN range.
INVENTED_SCHOOL_URN = "999001"


# The listing's "Category:" of each page type (the saved real listing shows those of schools and early years).
CATEGORIES = {
    "44": "Local Authority Children's Services",
    "2": "Children's home",
    "21": "Primary",
    "23": "Secondary",
    "25": "Special School",
    "27": "Independent School",
    "1": "Boarding School",
    "16": "Childcare on non-domestic premises",
    "17": "Childminder",
    "46": "General further education college",
}


def tiny_pdf(text: str) -> bytes:
    """A minimal PDF: enough for the download checks (magic bytes), not meant to be parsed."""
    return f"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".encode()


@dataclass
class FakeReport:
    file_id: str
    path: Path | None  # None: a small generated PDF, different for every file id
    label: str
    kind: str
    published: date | None  # None: an undated item (some letters carry no date)
    inspection_date: date | None
    urn: str

    def body(self) -> bytes:
        return self.path.read_bytes() if self.path else tiny_pdf(f"report {self.file_id} of {self.urn}")


@dataclass
class FakeProvider:
    urn: str
    name: str
    provider_type: str  # the pipeline's type key ("la", "primary", ...), for tests to pick providers by
    page_type: str  # the <type> in /provider/<type>/<URN>
    reports: list[FakeReport]

    @property
    def category(self) -> str:
        return CATEGORIES.get(self.page_type, "Other")


def invented_file_id(sha256: str) -> str:
    return str(INVENTED_ID_BASE + int(sha256[:12], 16) % INVENTED_ID_SPAN)


def catalogue_from_corpus(corpus: Path) -> dict[str, FakeProvider]:
    with open(corpus / "MANIFEST.csv", newline="", encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle))
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        truth = {row["path"]: row for row in csv.DictReader(handle)}
    providers: dict[str, FakeProvider] = {}
    for row in manifest:
        name = Path(row["path"]).stem
        if row["la_urn"]:
            urn, provider_type, page_type = row["la_urn"], "la", "44"
            provider_name = row["la_name"].title()
            published = date.fromisoformat(row["published"])
        else:
            match = SCHOOL_URN.match(name)
            urn = match[1] if match else INVENTED_SCHOOL_URN
            provider_type, page_type = PROVIDER_OF_KIND.get(row["kind"], SCHOOL_PROVIDER)
            provider_name = re.sub(r"^(?:EY)?\d+-|-\d{4}.*$", "", name).replace("-", " ").title()
            published = date(int(YEAR.search(name)[1]), *SCHOOL_PUBLISHED_MONTH_DAY)
        start = truth.get(row["path"], {}).get("inspection_start")
        report = FakeReport(
            file_id=row["file_id"] or invented_file_id(row["sha256"]),
            path=corpus / row["path"],
            label=LABELS[row["kind"]],
            kind=row["kind"],
            published=published,
            inspection_date=date.fromisoformat(start) if start else None,
            urn=urn,
        )
        provider = providers.setdefault(urn, FakeProvider(urn, provider_name, provider_type, page_type, []))
        provider.reports.append(report)
    ids = [r.file_id for p in providers.values() for r in p.reports]
    assert len(ids) == len(set(ids)), "file ids in the fake catalogue must be unique"
    return providers


# (type key, page type, URN) of the typed catalogue's providers besides its many primary schools: every form of
# URN the site uses, and a boarding school with a social care URN as in the real listing.
TYPED_PROVIDERS = (
    ("la", "44", "80481", "Leeds"),
    ("secondary", "23", "136420", "Harbour Secondary Academy"),
    ("special", "25", "119044", "The Beacon Folkestone"),
    ("independent", "27", "135510", "Compass Community School"),
    ("boarding", "1", "SC023666", "Duke Of York's Royal Military School"),
    ("childrens-home", "2", "SC400123", "Oaktree Childcare"),
    ("childrens-home", "2", "2766766", "Hillside House"),
    ("early-years", "16", "EY360232", "Learners Montessori"),
    ("early-years", "16", "2821756", "Phoenix Day Nursery"),
    ("early-years", "17", "EY501461", "A Childminder In Leeds"),
    ("further-education", "46", "130513", "Leeds City College"),
)
TYPED_LABELS = {
    "la": "Children's services inspection",
    "childrens-home": "Full inspection",
    "early-years": "Early years inspection",
    "further-education": "Further education and skills inspection",
}
SCHOOL_LABEL = "School inspection"
CONVERSION_LETTER = "Academy conversion letter"
TYPED_FIRST_FILE_ID = 50_400_000
TYPED_PUBLISHED = date(2024, 3, 1)


def typed_catalogue(primary_schools: int = 120) -> dict[str, FakeProvider]:
    """Every provider type, two reports each (published a year apart), with primary schools enough to fill
    more than one listing page; the first primary school also lists an undated academy conversion letter."""
    rows = [*TYPED_PROVIDERS, *(("primary", "21", str(100_000 + n), f"Primary School {n:03d}")
                                for n in range(primary_schools))]
    providers, file_ids = {}, iter(range(TYPED_FIRST_FILE_ID, TYPED_FIRST_FILE_ID + 10 * len(rows)))
    for number, (key, page_type, urn, name) in enumerate(rows):
        label = TYPED_LABELS.get(key, SCHOOL_LABEL)
        latest = TYPED_PUBLISHED + timedelta(days=number)
        reports = [FakeReport(str(next(file_ids)), None, label, "fake", day, day - timedelta(days=40), urn)
                   for day in (latest - timedelta(days=365), latest)]
        providers[urn] = FakeProvider(urn, name, key, page_type, reports)
    first_school = providers["100000"]
    first_school.reports.append(FakeReport(str(next(file_ids)), None, CONVERSION_LETTER, "letter", None, None, "100000"))
    return providers


def school_listing(schools: int, recent: int, recent_day: date, older_day: date) -> dict[str, FakeProvider]:
    """`schools` primary schools with one report each: `recent` of them published on `recent_day`, the rest
    on `older_day` (the nightly's cost: it must visit the few, not page through the many)."""
    spread = max(1, schools // max(1, recent))  # the recent ones scattered through the alphabetical listing
    fresh = {n * spread for n in range(recent)}
    providers = {}
    for number in range(schools):
        urn = str(200_000 + number)
        day = recent_day if number in fresh else older_day
        report = FakeReport(str(TYPED_FIRST_FILE_ID + 100_000 + number), None, SCHOOL_LABEL, "fake", day,
                            day - timedelta(days=40), urn)
        providers[urn] = FakeProvider(urn, f"School {number:05d}", "primary", "21", [report])
    return providers
