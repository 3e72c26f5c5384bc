"""Publishing: link previews and descriptions on every page, per-page dates, the citation,
and the workflow that deploys the site (validated here, since it cannot run here)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, BuildResult, built_pages

pytestmark = pytest.mark.book

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def _pages(html: Path) -> list[Path]:
    skip = {"genindex.html", "search.html"}
    return sorted(
        p for p in html.rglob("*.html") if p.name not in skip and "_static" not in p.parts
    )


@pytest.fixture(scope="module")
def site(built_book: BuildResult) -> Path:
    assert built_book.returncode == 0, built_book.log[-3000:]
    return built_book.html


def test_every_page_has_a_description_and_a_link_preview(site: Path) -> None:
    descriptions = {}
    for page in built_pages(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
            continue  # the root's redirect to the landing page
        description = soup.find("meta", attrs={"name": "description"})
        assert description is not None, page.name
        text = description["content"]
        assert 40 <= len(text) <= 200, (page.name, text)
        for tag in ("og:title", "og:description", "og:type", "og:site_name"):
            assert soup.find("meta", attrs={"property": tag})["content"], (page.name, tag)
        assert soup.find("meta", attrs={"property": "og:description"})["content"] == text
        descriptions[page.name] = text
    # Each page is described by its own opening, not by a shared blurb.
    assert len(set(descriptions.values())) == len(descriptions)


def test_last_updated_is_the_last_commit_of_the_page(site: Path) -> None:
    done = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "chapters/sigmoid.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        pytest.skip("not a git checkout")
    page = (site / "chapters" / "sigmoid.html").read_text("utf-8")
    assert f"Last updated on {done.stdout.strip()}." in page


def test_the_citation_matches_the_book() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    version = re.search(r'^version = "(.+)"', (ROOT / "code/pyproject.toml").read_text(), re.M)
    assert citation["cff-version"] == "1.2.0"
    assert citation["title"] == config["title"] == citation["preferred-citation"]["title"]
    assert citation["version"] == version.group(1)
    intro = (ROOT / "intro.md").read_text()
    block = intro[intro.index("## Cite this book") :]
    assert config["title"] in block and f"Version {citation['version']}" in block


def test_the_workflow_builds_with_the_readme_command_and_deploys_the_site() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML reads the key "on" as True
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run") for step in build["steps"] if "run" in step]
    assert commands == ["make book"]
    assert "make book" in (ROOT / "README.md").read_text()
    uses = {step.get("uses", "").split("@")[0]: step for step in build["steps"]}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "_build/html"
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    every_use = [
        s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s
    ]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", use) for use in every_use), every_use
