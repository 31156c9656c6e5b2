"""Rules a report must keep before it becomes warehouse rows; a broken rule is one clear message."""

from __future__ import annotations

import re

from extract.records import Judgement, Report
from transform.areas import allowed_areas, canonical_area, is_well_formed
from transform.exceptions import InvalidReport
from transform.grades import GRADE_SCORES, is_known_grade

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
FIX_HINT = "this is a parser bug: please open an issue with the file attached"


def require_key(report: Report) -> None:
    """Every record, whatever its status, needs its file's sha256: it is the report's key."""
    if not SHA256_HEX.fullmatch(report.sha256 or ""):
        raise InvalidReport(
            f"{report.path}: no sha256 of the file (got {report.sha256!r}), so it cannot be keyed in the "
            "warehouse; check the file can be read and extract it again"
        )


def validate_report(report: Report) -> None:
    """Raise InvalidReport naming the file and the broken rule; a report that passes loads as it is."""
    require_key(report)
    if not report.ok:
        return
    where = report.path
    for name in ("kind", "framework"):
        if not getattr(report, name):
            raise InvalidReport(f"{where}: status is ok but {name} is missing; {FIX_HINT}")
    check_judgements(report, report.judgements, "judgement", allowed_areas(report.framework))
    # The previous inspection may have been under another framework (a state school's overall grade before
    # September 2024): its areas are not this framework's to check.
    check_judgements(report, report.previous_judgements, "previous inspection's grade", None)
    for number, quotation in enumerate(report.quotations, start=1):
        if not quotation.text.strip():
            raise InvalidReport(f"{where}: quotation {number} (page {quotation.page}) is empty; {FIX_HINT}")
        check_page(report, quotation.page, f"quotation {number}")
    seqs: set[int] = set()
    for passage in report.passages:
        if not passage.text.strip():
            raise InvalidReport(f"{where}: passage {passage.seq} (page {passage.page}) is empty; {FIX_HINT}")
        if passage.seq in seqs:
            raise InvalidReport(f"{where}: two passages are numbered {passage.seq}; {FIX_HINT}")
        seqs.add(passage.seq)
        check_page(report, passage.page, f"passage {passage.seq}")


def check_judgements(report: Report, judgements: list[Judgement], what: str, allowed: frozenset[str] | None) -> None:
    """Judgements (this inspection's, or the previous one's as the report recalls it): well-formed areas (of the
    `allowed` ones, when given), each once, with known grades on the report's pages."""
    where = report.path
    seen: dict[str, str] = {}
    for judgement in judgements:
        area = canonical_area(judgement.area)
        if not is_well_formed(area):
            raise InvalidReport(
                f"{where}: {what} area {judgement.area!r} (page {judgement.page}) is not a snake_case name; "
                f"{FIX_HINT}"
            )
        if allowed is not None and area not in allowed:
            raise InvalidReport(
                f"{where}: area {judgement.area!r} (page {judgement.page}) is not one the {report.framework} "
                f"framework judges ({', '.join(sorted(allowed))}); add it to transform/area_aliases.csv if it is "
                "a new spelling, else fix the parser"
            )
        if area in seen:
            raise InvalidReport(
                f"{where}: area {area!r} is judged twice ({seen[area]!r} and {judgement.label!r}); {FIX_HINT}"
            )
        seen[area] = judgement.label
        if not is_known_grade(judgement.grade):
            raise InvalidReport(
                f"{where}: grade {judgement.grade!r} for {area} (page {judgement.page}) is not one of "
                f"{', '.join(GRADE_SCORES)}; {FIX_HINT}"
            )
        check_page(report, judgement.page, f"the {area} {what}")


def check_page(report: Report, page: int, what: str) -> None:
    if page < 1 or (report.pages is not None and page > report.pages):
        raise InvalidReport(
            f"{report.path}: {what} is on page {page}, outside the report's {report.pages} pages; {FIX_HINT}"
        )
