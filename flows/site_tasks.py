"""Prefect tasks over flows.site_steps, and the batch loop nightly, refresh and backfill share.

`retries=` only on the tasks that touch the network. Inputs are large or hold a live HTTP session, and a task
never repeats within a run, so no task caches its result (NO_CACHE).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from extract.web.download import PoliteClient
from extract.records import Provenance, Report
from extract.web.site import ProviderType, ReportLink
from flows import progress, site_steps
from flows.announce import announce
from flows.runners import Extraction, extraction
from flows.settings import Settings
from flows.site_steps import Discovery, Fetched, Problem
from warehouse.report import build_report
from warehouse.runs import FAILED, RunCounts, finish_run, start_run
from warehouse.snapshot import writing


@dataclass(frozen=True)
class NewReport:
    provider: str
    label: str
    published: date | None
    kind: str | None
    overall: str | None
    url: str


@dataclass
class RunSummary:
    flow: str
    run_id: str
    window: str
    providers_visited: int = 0
    found: int = 0
    planned: int = 0
    downloaded: int = 0
    reused: int = 0
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    new_reports: list[NewReport] = field(default_factory=list)
    loaded_reports: list[str] = field(default_factory=list)  # report ids (sha256) read and loaded this run
    requests: int = 0
    seconds: float = 0.0

    def counts(self) -> RunCounts:
        return RunCounts(
            reports_found=self.found,
            reports_new=self.inserted,
            reports_loaded=self.inserted + self.replaced,
            failures=len(self.problems),
        )

    def line(self) -> str:
        return (
            f"{self.flow}: {self.providers_visited} provider pages, {self.found} reports listed, {self.planned} to "
            f"fetch; {self.downloaded} downloaded, {self.reused} from the raw store; {self.inserted} new, "
            f"{self.replaced} updated, {self.unchanged} unchanged; {len(self.problems)} failures "
            f"({self.requests} requests, {self.seconds:.1f} s, run {self.run_id})"
        )


def current_run_id() -> str | None:
    return flow_run.id


@task(name="begin-run", cache_policy=NO_CACHE)
def begin_run(db: Path, flow: str, detail: str) -> str:
    with writing(db) as con:
        return start_run(con, flow, detail=detail, run_id=current_run_id())


@task(name="end-run", cache_policy=NO_CACHE)
def end_run(db: Path, summary: RunSummary) -> None:
    with writing(db) as con:
        finish_run(con, summary.run_id, summary.counts())


def fail_run(db: Path, summary: RunSummary, error: BaseException) -> None:
    with writing(db) as con:
        finish_run(con, summary.run_id, summary.counts(), status=FAILED, detail=f"stopped: {error}")


@task(name="retries-due", cache_policy=NO_CACHE)
def retries_due(settings: Settings) -> site_steps.Retries:
    return site_steps.retries_due(settings.db, settings.raw_store())


@task(name="discover", cache_policy=NO_CACHE)
def discover(client: PoliteClient, types: Sequence[ProviderType], since: date | None, until: date | None,
             provider_urls: Sequence[str], every_report: bool = False) -> Discovery:
    # No task retries: the client retries each request (403, 429, 5xx, with backoff); retrying the task would
    # walk every listing again. A listing page that still fails stops the run, to be run again.
    return site_steps.discover(client, types, since, until, provider_urls, every_report)


@task(name="fetch", cache_policy=NO_CACHE)
def fetch(client: PoliteClient, settings: Settings, links: list[ReportLink], offset: int, total: int
          ) -> tuple[list[Fetched], list[Problem]]:
    # No task retries: the client retries each file, and a file that still fails is a failure for next run.
    return site_steps.fetch(client, settings.raw_store(), links,
                            on_done=lambda done: progress.report("download", offset + done, total))


@task(name="extract", cache_policy=NO_CACHE)
def extract(extraction: Extraction, fetched: list[Fetched]) -> list[tuple[Report, Provenance]]:
    return extraction(fetched)


@task(name="load", cache_policy=NO_CACHE)
def load(db: Path, run_id: str, items, problems, worked) -> site_steps.LoadResult:
    return site_steps.load(db, run_id, items, problems, worked)


@task(name="trend-report", cache_policy=NO_CACHE)
def write_trend_report(db: Path, summary: RunSummary) -> Path:
    """The HTML trend report in report/ beside the warehouse file: the index, and the pages of the authorities
    whose reports this run loaded (a nightly's cost does not grow with the warehouse)."""
    return build_report(db, db.parent / "report", changed_reports=summary.loaded_reports)


@task(name="summary-artifact", cache_policy=NO_CACHE)
def publish_summary(summary: RunSummary) -> None:
    create_markdown_artifact(
        key=f"{summary.flow}-summary", markdown=summary_to_markdown(summary), description=summary.line()
    )


def process(settings: Settings, client: PoliteClient, summary: RunSummary, discovery: Discovery | None,
            links: list[ReportLink], loaded: set[str], batch_size: int = site_steps.DEFAULT_BATCH_SIZE,
            announce_new: bool = False) -> RunSummary:
    """Fetch, extract and load `links` batch by batch, each batch one atomic write; fills in `summary`.
    `loaded` (file ids in the warehouse before the run) tells new reports from re-extracted ones; with
    `announce_new`, each batch's new reports are announced as Prefect events once it is committed."""
    started = time.monotonic()
    summary.planned = len(links)
    summary.problems += discovery.problems if discovery else []
    batches = site_steps.batches_of(links, batch_size) or [[]]
    with extraction(settings) as extract_files:
        for number, batch in enumerate(batches):
            fetched, problems = fetch(client, settings, batch, number * batch_size, len(links))
            items = extract(extract_files, fetched) if fetched else []
            problems += site_steps.extract_problems(items)
            # Provider pages and their failures are settled with the first batch: a crash later keeps them.
            first = discovery if number == 0 else None
            pending = (discovery.problems if first else []) + problems
            result = load(settings.db, summary.run_id, items, pending, site_steps.worked_targets(first, fetched, items))
            add_batch(summary, fetched, items, problems, result, loaded)
            new_ids = [report.sha256 for report, provenance in items if is_new(provenance, loaded)]
            if announce_new and new_ids:
                announce(settings.db, new_ids)
            progress.report("load", min((number + 1) * batch_size, len(links)), len(links))
    summary.requests = client.requests_sent
    summary.seconds += time.monotonic() - started
    return summary


def add_batch(summary: RunSummary, fetched: list[Fetched], items, problems: list[Problem], result,
              loaded: set[str]) -> None:
    summary.downloaded += sum(f.downloaded for f in fetched)
    summary.reused += sum(not f.downloaded for f in fetched)
    summary.inserted += result.inserted
    summary.replaced += result.replaced
    summary.unchanged += result.unchanged
    summary.problems += problems
    summary.new_reports += [new_report(r, p) for r, p in items if is_new(p, loaded)]
    summary.loaded_reports += [r.sha256 for r, _ in items if r.ok]


def is_new(provenance: Provenance, loaded: set[str]) -> bool:
    """A report whose file the warehouse did not hold before the run (not one re-extracted or retried)."""
    return (provenance.file_id or provenance.source_url) not in loaded


def new_report(report: Report, provenance: Provenance) -> NewReport:
    return NewReport(
        provider=provenance.provider_name or report.provider or "?",
        label=provenance.label or report.kind or "?",
        published=provenance.published,
        kind=report.kind,
        overall=report.grade_of("overall_effectiveness") or report.outcome,
        url=provenance.source_url or report.path,
    )


def summary_to_markdown(summary: RunSummary) -> str:
    lines = [
        f"# {summary.flow} run {summary.run_id}",
        "",
        f"Window: {summary.window}. {summary.providers_visited} provider pages visited, {summary.found} reports "
        f"listed, {summary.planned} to fetch: {summary.downloaded} downloaded, {summary.reused} already in the raw "
        f"store. Loaded: {summary.inserted} new, {summary.replaced} updated, {summary.unchanged} unchanged.",
        "",
        f"## New reports ({len(summary.new_reports)})",
        "",
    ]
    if summary.new_reports:
        lines += ["| Provider | Report | Published | Overall | File |", "|---|---|---|---|---|"]
        lines += [
            f"| {cell(r.provider)} | {cell(r.label)} | {r.published or '-'} | {cell(r.overall or '-')} | {r.url} |"
            for r in sorted(summary.new_reports, key=lambda r: (r.provider, str(r.published)))
        ]
    else:
        lines.append("None.")
    gone = sum(p.gone for p in summary.problems)
    given_up = f" (files the site says are gone: given up after {site_steps.REPORT_NOT_FOUND_ATTEMPTS} runs)" if gone else ""
    lines += ["", f"## Failures ({len(summary.problems)}), retried on the next run{given_up}", ""]
    if summary.problems:
        lines += ["| Stage | Target | Error |", "|---|---|---|"]
        lines += [f"| {p.stage} | {p.target} | {cell(p.error)} |" for p in summary.problems]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
