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
from conftest import ROOT, BuildResult, build_book, state_scripts, widget_states

pytestmark = pytest.mark.book

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"


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
    # Two workers whatever the machine, so the side-by-side execution is always exercised.
    sphinx["config"]["book_execution_workers"] = 2
    (target / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return target


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, BuildResult]:
    first = build_book(make_fixture_book(tmp_path_factory.mktemp("first") / "book"))
    second = build_book(make_fixture_book(tmp_path_factory.mktemp("second") / "book"))
    return first, second


def _page(build: BuildResult) -> str:
    return (build.html / "explorer.html").read_text(encoding="utf-8")


def _state(build: BuildResult) -> dict:
    """The models of the explorer page, from the state script it loads with its widgets."""
    (state,) = widget_states(build.html / "explorer.html")
    return state["state"]


def test_fixture_book_builds_cleanly(two_builds) -> None:
    for build in two_builds:
        assert build.returncode == 0, build.log[-3000:]


def test_notebooks_are_executed_side_by_side_then_read_from_the_cache(two_builds) -> None:
    for build in two_builds:
        assert "executing 2 notebooks with 2 workers" in build.log
        # myst-nb found both in the cache and executed neither again.
        assert build.log.count("Using cached notebook") == 2, build.log[-3000:]
        assert "Executing notebook" not in build.log
        page = (build.html / "numbers.html").read_text(encoding="utf-8")
        assert "the sum of 0 to 9 is 45" in page


def build_with_page(target: Path, name: str, text: str) -> BuildResult:
    """Build the fixture book at ``target`` with one more page, ``name``.md holding ``text``."""
    book = make_fixture_book(target)
    (book / f"{name}.md").write_text(text, encoding="utf-8")
    with (book / "_toc.yml").open("a", encoding="utf-8") as toc:
        toc.write(f"  - file: {name}\n")
    return build_book(book)


def test_a_failing_notebook_fails_the_build_with_its_traceback(tmp_path: Path) -> None:
    notebook = (FIXTURE / "numbers.md").read_text(encoding="utf-8")
    failing = notebook.replace(
        'print("the sum of 0 to 9 is", sum(range(10)))',
        'raise RuntimeError("a deliberate failure in the fixture")',
    )
    build = build_with_page(tmp_path / "book", "broken", failing)
    assert build.returncode != 0
    assert "broken: failed here; myst-nb runs it again" in build.log
    # myst-nb's own report, with the traceback, from its second attempt.
    assert "a deliberate failure in the fixture" in build.log
    assert "Executing notebook failed" in build.log


def test_explorer_state_is_embedded_with_local_widget_code(two_builds) -> None:
    build, _ = two_builds
    page = _page(build)
    models = [m["model_name"] for m in _state(build).values()]
    # negative_slope (6 values incl. default) x bias (3) x derivative (2) = 36 pictures.
    assert models.count("HTMLModel") == 36
    assert models.count("DirectionalLinkModel") == 1 + 6 + 18
    assert page.count("_static/html-manager/embed.js") == 1
    assert state_scripts(build.html / "explorer.html") != []
    assert (build.html / "_static" / "html-manager" / "embed.js").is_file()
    index = (build.html / "index.html").read_text(encoding="utf-8")
    assert "html-manager/embed.js" not in index


def test_formula_output_is_typeset_when_the_book_is_built(two_builds) -> None:
    page = _page(two_builds[0])
    # ab.formula's Markdown output: Sphinx's math element, MathJax's CommonHTML inside it.
    assert re.search(r'<div class="math notranslate nohighlight">\s*<mjx-container', page)
    assert "<mi>tanh</mi>" in page  # the MathML a screen reader reads
    assert r"\tanh" not in page  # no TeX left for a browser
    assert "mathjax/tex-chtml.js" not in page


def test_a_formula_that_is_not_tex_fails_the_build_naming_page_and_formula(
    tmp_path: Path,
) -> None:
    text = "# Bad maths\n\nA sound formula $x^2$ and one that is not: $\\sigma(\\nosuchmacro x)$.\n"
    build = build_with_page(tmp_path / "book", "bad_maths", text)
    assert build.returncode != 0
    assert "a formula is not valid TeX" in build.log, build.log[-3000:]
    assert (
        "bad_maths.html (from bad_maths.md): Undefined control sequence \\nosuchmacro "
        "in the formula  \\sigma(\\nosuchmacro x)"
    ) in build.log, build.log[-3000:]


def _canonical_widget_state(state: dict) -> list[str]:
    """The widget models as sorted digests that do not depend on their random ids.

    Model ids are random UUIDs, and a notebook read back from the execution cache lists the
    models in the order of those ids. Each model is named instead by a digest of its type
    and state, in which every reference to another model is replaced by that model's digest.
    """
    digests: dict[str, str] = {}

    def digest(model_id: str) -> str:
        if model_id not in digests:
            model = state[model_id]
            text = json.dumps([model["model_name"], model["state"]], sort_keys=True)
            text = re.sub(r"IPY_MODEL_([0-9a-f]{32})", lambda m: digest(m.group(1)), text)
            digests[model_id] = hashlib.sha256(text.encode()).hexdigest()
        return digests[model_id]

    return sorted(digest(model_id) for model_id in state)


def test_two_builds_give_identical_figures(two_builds) -> None:
    first, second = two_builds

    def figures(build: BuildResult) -> dict[str, object]:
        state = _state(build)
        # The page's static figures and the explorer's frames (in its state script).
        text = _page(build) + json.dumps(state)
        pictures = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)
        return {
            "pictures": sorted(hashlib.sha256(p.encode()).hexdigest() for p in pictures),
            "widget_state": _canonical_widget_state(state),
        }

    assert len(figures(first)["pictures"]) >= 1
    assert figures(first) == figures(second)
