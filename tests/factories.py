"""Hand-made Report records for tests that must not depend on the parsers or the corpus."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from extract.records import PARSER_VERSION, Judgement, Passage, Quotation, Report, Status

INSPECTION_DAYS = 11


def sha_of(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def make_report(
    provider: str | None = "Leeds City Council",
    end: date = date(2022, 5, 6),
    grades: dict[str, str] | None = None,
    *,
    kind: str = "la-inspection",
    framework: str = "ilacs",
    quotations: list[str] | None = None,
    passages: list[str | Passage] | None = None,
    urn: str | None = None,
    status: Status = Status.OK,
    error: str | None = None,
    outcome: str | None = None,
    seed: str | None = None,
    parser_version: str = PARSER_VERSION,
    lead_inspector: str | None = "Jane Inspector",
    pages: int = 12,
    previous: dict[str, str] | None = None,
) -> Report:
    """A report; its sha256 is derived from provider, kind and date unless `seed` says otherwise.

    Passages given as text sit under "Summary" on page 2, numbered in order; by default a report's passages are
    its quotations' sentences. `previous` gives the grades the report prints for the previous inspection.
    """
    seed = seed or f"{provider}|{kind}|{end}"
    if status is not Status.OK:
        return Report(path=f"/reports/{seed}.pdf", sha256=sha_of(seed), status=status, error=error)
    grades = {"overall_effectiveness": "good"} if grades is None and kind == "la-inspection" else (grades or {})
    quotations = [f"{provider} text {end}."] if quotations is None else quotations
    passages = list(quotations) if passages is None else passages
    return Report(
        path=f"/reports/{seed}.pdf",
        sha256=sha_of(seed),
        status=Status.OK,
        kind=kind,
        framework=framework,
        provider=provider,
        urn=urn,
        inspection_start=end - timedelta(days=INSPECTION_DAYS),
        inspection_end=end,
        lead_inspector=lead_inspector,
        judgements=[Judgement(area, grade, area.replace("_", " ").capitalize(), 1) for area, grade in grades.items()],
        previous_judgements=[
            Judgement(area, grade, f"{area.replace('_', ' ').capitalize()} at previous inspection", 1)
            for area, grade in (previous or {}).items()
        ],
        outcome=outcome,
        quotations=[Quotation("Headline findings", 2, text) for text in quotations],
        passages=[
            p if isinstance(p, Passage) else Passage(seq, "Summary", None, 2, p)
            for seq, p in enumerate(passages, start=1)
        ],
        pages=pages,
        parser_version=parser_version,
    )


def sample_reports() -> list[Report]:
    """A small warehouse's worth: histories with known streaks, ungraded visits, a school and problem files."""
    return [
        make_report("Leeds City Council", date(2015, 3, 20), {"overall_effectiveness": "good"}, framework="sif"),
        make_report("Leeds", date(2018, 12, 7), {"overall_effectiveness": "outstanding", "impact_of_leaders": "good"},
                    quotations=["Children in Leeds benefit from a strong culture of practice."]),
        make_report("Leeds City Council", date(2022, 4, 29),
                    {"overall_effectiveness": "outstanding", "impact_of_leaders": "outstanding"}),
        make_report("Leeds City", date(2025, 7, 4), {"overall_effectiveness": "outstanding",
                    "impact_of_leaders": "outstanding", "children_in_care": "good"}, framework="ilacs-2023"),
        make_report("Leeds", date(2018, 2, 9), kind="focused-visit", framework="focused-visit",
                    quotations=["Leaders have a clear understanding of practice."],
                    passages=["Leaders have a clear understanding of practice.",
                              "Social workers recognise neglectful home conditions."]),
        make_report("London Borough of Croydon", date(2017, 7, 21), {"overall_effectiveness": "inadequate"},
                    framework="sif", quotations=["Widespread and serious failures leave children at risk.",
                                                 "There is drift and delay for too many children."],
                    passages=["Widespread and serious failures leave children at risk.",
                              Passage(2, "Help and protection", 14, 5, "Neglect is not recognised soon enough."),
                              "There is drift and delay for too many children."]),
        make_report("Croydon", date(2020, 2, 28), {"overall_effectiveness": "good"},
                    passages=["Children are safer.", "NEGLECT is now identified early."]),
        make_report("Bromley", date(2016, 6, 10), {"overall_effectiveness": "inadequate"}, framework="sif",
                    quotations=["Management oversight is weak."]),
        make_report("London Borough of Bromley", date(2019, 6, 14), {"overall_effectiveness": "outstanding"}),
        make_report("Bedford Borough", date(2024, 11, 22), kind="area-send", framework="area-send",
                    outcome="positive"),
        make_report("Rounds Green Primary School", date(2016, 3, 3), {"overall_effectiveness": "good"},
                    kind="school-inspection", framework="section-5", urn="103980"),
        make_report("Atlantis Council", date(2021, 1, 15), {"overall_effectiveness": "good"}),
        make_report(seed="broken", status=Status.UNRECOGNISED, error="/reports/broken.pdf: not a report family"),
    ]
