"""What the fake site lists: one provider per corpus local authority (and school), its reports with labels,
inspection and published dates, built from the corpus's MANIFEST.csv (and TRUTH.csv for inspection dates).

Corpus files without a real file id get a stable invented one derived from their sha256, so runs repeat.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
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
}
INVENTED_ID_BASE = 90_000_000
INVENTED_ID_SPAN = 9_999_999
SCHOOL_URN = re.compile(r"^(\d+)-")
YEAR = re.compile(r"(\d{4})")
# Schools' reports carry only a year in their file names: the fake site publishes them mid-year.
SCHOOL_PUBLISHED_MONTH_DAY = (7, 1)
# The one school file whose name has no URN gets one from outside the real URN range.
INVENTED_SCHOOL_URN = "999001"


@dataclass
class FakeReport:
    file_id: str
    path: Path
    label: str
    kind: str
    published: date
    inspection_date: date | None
    urn: str


@dataclass
class FakeProvider:
    urn: str
    name: str
    provider_type: str  # "la" or "school"
    page_type: str  # the <type> in /provider/<type>/<URN>
    reports: list[FakeReport]


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
            provider_type, page_type = "school", "21"
            provider_name = re.sub(r"^\d+-|-\d{4}.*$", "", name).replace("-", " ").title()
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
