"""Build a small fixture book with the real book's configuration and check its output.

In the manner of Jupyter Book's own tests: the fixture (``fixtures/mini_book``) holds one
page with a formula, a figure and an explorer. It is built twice from scratch, so the
widget machinery and the determinism of figures are checked apart from the chapters.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, BuildResult, build_book

pytestmark = pytest.mark.book

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
WIDGET_STATE = re.compile(
    r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S
)


def make_fixture_book(target: Path) -> Path:
    """Copy the fixture to ``target`` with the book's ``_config.yml``, paths made absolute."""
    shutil.copytree(FIXTURE, target)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["title"] = "Fixture book"
    config["bibtex_bibfiles"] = [str(ROOT / "references.bib")]
    sphinx = config["sphinx"]
    sphinx["local_extensions"] = {
        name: str(ROOT / path) for name, path in sphinx["local_extensions"].items()
    }
    sphinx["config"]["html_static_path"] = [
        str(ROOT / path) for path in sphinx["config"]["html_static_path"]
    ]
    config["html"]["favicon"] = str(ROOT / config["html"]["favicon"])
    (target / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return target


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, BuildResult]:
    first = build_book(make_fixture_book(tmp_path_factory.mktemp("first") / "book"))
    second = build_book(make_fixture_book(tmp_path_factory.mktemp("second") / "book"))
    return first, second


def _page(build: BuildResult) -> str:
    return (build.html / "explorer.html").read_text(encoding="utf-8")


def test_fixture_book_builds_cleanly(two_builds) -> None:
    for build in two_builds:
        assert build.returncode == 0, build.log[-3000:]


def test_explorer_state_is_embedded_with_local_widget_code(two_builds) -> None:
    build, _ = two_builds
    page = _page(build)
    state = json.loads(WIDGET_STATE.search(page).group(1))["state"]
    models = [m["model_name"] for m in state.values()]
    # negative_slope (6 values incl. default) x bias (3) x derivative (2) = 36 pictures.
    assert models.count("HTMLModel") == 36
    assert models.count("LinkModel") == 1 + 6 + 18
    assert page.count("_static/html-manager/embed.js") == 1
    assert (build.html / "_static" / "html-manager" / "embed.js").is_file()
    index = (build.html / "index.html").read_text(encoding="utf-8")
    assert "html-manager/embed.js" not in index


def test_formula_output_is_rendered_as_math(two_builds) -> None:
    page = _page(two_builds[0])
    assert r"\tanh" in page
    assert 'class="math' in page


def test_two_builds_give_identical_figures(two_builds) -> None:
    first, second = two_builds

    def figures(build: BuildResult) -> dict[str, str]:
        page = _page(build)
        pictures = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
        state = WIDGET_STATE.search(page).group(1)
        # Widget model ids are random UUIDs; number them in creation order instead.
        for number, model_id in enumerate(json.loads(state)["state"]):
            state = state.replace(model_id, f"model-{number}")
        return {
            "inline": hashlib.sha256("".join(pictures).encode()).hexdigest(),
            "widget_state": hashlib.sha256(state.encode()).hexdigest(),
            "count": str(len(pictures)),
        }

    assert int(figures(first)["count"]) >= 1
    assert figures(first) == figures(second)
