"""A new author's build: plain ``jupyter-book build``, no Makefile, a fresh clone.

The fixture book's pages are put into a copy of what a fresh clone holds for a build (the
configuration, the book's extension and theme, the npm lock file) and nothing else: no
``_vendor``, no ``node_modules``, no ``_build``. It is built as Jupyter Book's own
instructions say, with no flags, from the folder above the book. The site must then work
in the browser: the widget manager and MathJax's fonts are served, math is typeset and every
control of the explorer switches its frames. When npm cannot get the assets, the build
must stop at once and say why and what to run.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, BuildResult, build_book, serve
from test_browser import exercise_page, open_page

pytestmark = pytest.mark.book

FIXTURE = Path(__file__).parent / "fixtures" / "mini_book"
#: What a fresh clone brings to a build besides the pages (all of it tracked in git).
CLONE = ("_config.yml", "_ext", "_theme", "package.json", "package-lock.json", "references.bib")
PAGE = "explorer.html"


def fresh_clone(parent: Path) -> Path:
    """``parent/book``: the book's build files and the fixture's pages, nothing built."""
    book = parent / "book"
    book.mkdir()
    for name in CLONE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, book / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, book / name)
    for page in FIXTURE.iterdir():
        shutil.copy2(page, book / page.name)
    return book


def plain_build(parent: Path, env: dict[str, str] | None = None) -> BuildResult:
    """``jupyter-book build book`` run in ``parent``: no flags, another working directory."""
    return build_book(Path("book"), flags=(), cwd=parent, env=env)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    parent = tmp_path_factory.mktemp("clone")
    book = fresh_clone(parent)
    assert not (book / "_vendor").exists() and not (book / "_build").exists()
    build = plain_build(parent)
    # npm's 150 MB are not needed any more; _vendor keeps the files the site serves.
    shutil.rmtree(book / "node_modules", ignore_errors=True)
    return build


def test_plain_build_succeeds_without_a_warning(plain_site: BuildResult) -> None:
    assert plain_site.returncode == 0, plain_site.log[-3000:]
    # "build succeeded, 1 warning." is how a missing _vendor used to look.
    assert "build succeeded." in plain_site.log, plain_site.log[-3000:]
    assert "installing the pinned browser assets" in plain_site.log


def test_plain_build_serves_the_widget_manager_and_mathjax_fonts(plain_site: BuildResult) -> None:
    static = plain_site.html / "_static"
    page = (plain_site.html / PAGE).read_text(encoding="utf-8")
    assert (static / "html-manager" / "embed.js").stat().st_size > 100_000
    assert "_static/html-manager/embed.js" in page
    # The formula was typeset by the build; the page names the site's MathJax fonts.
    fonts = "_static/mathjax/output/chtml/fonts/woff-v2"
    assert any((static / fonts.removeprefix("_static/")).glob("*.woff"))
    assert f"{fonts}/MathJax_Main-Regular.woff" in page
    assert "<mjx-container" in page


@pytest.mark.browser
def test_plain_build_explorer_switches_frames_in_the_browser(
    plain_site: BuildResult, browser
) -> None:
    assert plain_site.returncode == 0, plain_site.log[-3000:]
    with serve(plain_site.html) as url:
        page, report = open_page(browser, url, PAGE)
        page.wait_for_selector("mjx-container", state="attached", timeout=15_000)
        page.context.close()
        assert report.errors == [], report.errors
        assert report.foreign_requests == [], report.foreign_requests
        exercise_page(browser, url, PAGE)


def test_plain_build_stops_at_once_when_npm_cannot_get_the_assets(tmp_path: Path) -> None:
    book = fresh_clone(tmp_path)
    empty = tmp_path / "registry"
    empty.mkdir()
    # A registry on this machine that has no package, and an empty npm cache.
    with serve(empty) as registry:
        env = {
            "npm_config_registry": f"{registry}/",
            "npm_config_cache": str(tmp_path / "npm-cache"),
            "npm_config_fetch_retries": "0",
        }
        start = time.monotonic()
        build = plain_build(tmp_path, env)
        seconds = time.monotonic() - start
    assert build.returncode != 0
    assert seconds < 60, f"the failure took {seconds:.0f} s"
    log = build.log
    assert "Extension error" in log
    assert "`npm ci` failed" in log
    assert "404" in log, log[-3000:]
    assert "python book/_ext/book_assets.py" in log
    assert not (book / "_vendor").exists()
    assert not (build.html / "index.html").exists()
