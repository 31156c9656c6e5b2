"""The README and docs/ hold together: the README stays short with its two commands first, and every page of
docs/ is reachable from it by links that lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
README_MAX_LINES = 120  # the README is the two commands, the tour and links; the rest lives in docs/
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
BASH_BLOCK = re.compile(r"```bash\n(.*?)```", re.DOTALL)


def local_links(page: Path) -> list[Path]:
    targets = LINK.findall(page.read_text(encoding="utf-8"))
    return [(page.parent / target).resolve() for target in targets if "://" not in target]


def test_the_readme_is_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) < README_MAX_LINES


def test_the_readme_starts_with_the_command_that_runs_the_job_and_the_one_that_runs_the_tests():
    first_block = BASH_BLOCK.search(README.read_text(encoding="utf-8")).group(1)
    run, test = first_block.splitlines()
    assert run.startswith("pip install -e . && ofsted nightly")
    assert test.startswith('pip install -e ".[test]" && ') and "python -m pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '-e ".[test]" && python3 -m pytest' in ci, ".ci/run runs the README's test command"


def test_every_local_link_in_the_readme_and_docs_leads_to_a_file():
    pages = [README, *sorted((ROOT / "docs").glob("*.md"))]
    broken = [(page.name, str(target)) for page in pages for target in local_links(page) if not target.exists()]
    assert broken == []


def test_every_docs_page_is_reachable_from_the_readme():
    seen, todo = set(), [README.resolve()]
    while todo:
        page = todo.pop()
        if page in seen or page.suffix != ".md" or not page.is_file():
            continue
        seen.add(page)
        todo.extend(local_links(page))
    unreachable = [page.name for page in sorted((ROOT / "docs").glob("*.md")) if page.resolve() not in seen]
    assert unreachable == []
