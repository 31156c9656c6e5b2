"""The README's offline quick start runs as written: `ofsted ingest ../shared/corpus && ofsted report` goes on
to the report although the corpus holds files that are not readable reports (on purpose)."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALL = "pip install -e . && "
# The README's offline quick start: the bash block whose command ingests a folder.
QUICK_START = re.compile(r"```bash\n(pip install -e \. && ofsted ingest [^\n#]*?)\s*(?:#[^\n]*)?\n```")
READABLE_REPORTS = 2  # enough to give the report an authority; each costs a second of extraction
COMMAND_TIMEOUT_SECONDS = 300


def quick_start() -> str:
    [command] = QUICK_START.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    return command


def not_readable_reports(corpus: Path) -> list[str]:
    """The corpus files that TRUTH.csv says cannot be read: not a PDF, or no usable text layer."""
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["path"] for row in rows
            if row["framework"] == "not-a-report" or "no usable text layer" in row["verified_by"]]


def a_few_corpus_files(corpus: Path, manifest: list[dict]) -> list[str]:
    full_inspections = [row["path"] for row in manifest if row["kind"] == "la-inspection"]
    return sorted(not_readable_reports(corpus)) + sorted(full_inspections)[:READABLE_REPORTS]


@pytest.fixture
def checkout(corpus, manifest, tmp_path) -> Path:
    """A project folder with ../shared/corpus beside it, as the README assumes: a few corpus files linked."""
    shared = tmp_path / "shared" / "corpus"
    for relative in a_few_corpus_files(corpus, manifest):
        (shared / relative).parent.mkdir(parents=True, exist_ok=True)
        (shared / relative).symlink_to(corpus / relative)
    project = tmp_path / "project"
    project.mkdir()
    return project


def this_checkouts_ofsted(folder: Path) -> Path:
    """An `ofsted` on PATH that runs this checkout's code (the one `pip install -e .` would install)."""
    folder.mkdir()
    script = folder / "ofsted"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m flows.cli "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder


def test_the_readme_offline_quick_start_is_the_ingest_then_the_report():
    assert quick_start() == "pip install -e . && ofsted ingest ../shared/corpus && ofsted report"


@pytest.mark.corpus
def test_the_readme_offline_quick_start_runs_as_written(corpus, checkout, tmp_path):
    command = quick_start()
    assert command.startswith(INSTALL)
    command = command.removeprefix(INSTALL)  # installed already: this test runs from the installed package
    env = {key: value for key, value in os.environ.items()
           if key not in ("OFSTED_DB", "OFSTED_HOME", "PREFECT_API_URL")}
    env["PATH"] = f"{this_checkouts_ofsted(tmp_path / 'bin')}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT)

    done = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True,
                          timeout=COMMAND_TIMEOUT_SECONDS)

    assert done.returncode == 0, done.stderr
    files = len(not_readable_reports(corpus)) + READABLE_REPORTS
    assert f"{files} files: {READABLE_REPORTS} read; {files - READABLE_REPORTS} not read as reports" in done.stdout
    assert (checkout / "data" / "ofsted.duckdb").exists()
    assert (checkout / "data" / "report" / "index.html").is_file()
    assert done.stdout.rstrip().endswith("data/report/index.html")
