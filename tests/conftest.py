"""Fixtures for the book-level tests: the built site, a local HTTP server, the browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright
from widget_state import STATE_FOLDER, states_in_script

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
#: How the book is built for the tests: warnings are errors, as in `make book`.
STRICT = ("-n", "-W", "--keep-going")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def has_explorers(html: str) -> bool:
    """Whether a page's HTML places widgets (each as a widget-view script)."""
    return WIDGET_VIEW in html


def state_scripts(page: Path) -> list[str]:
    """The ``src`` of each widget-state script a built page loads with its explorers' code."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        script["src"]
        for script in soup.find_all("script", src=True)
        if f"{STATE_FOLDER}/" in script["src"]
    ]


def state_files(page: Path) -> list[Path]:
    """The files of the widget-state scripts a built page loads (their ``?v=`` left off)."""
    return [page.parent / src.split("?")[0] for src in state_scripts(page)]


def widget_states(page: Path) -> list[dict]:
    """The widget states (models by id) of a built page, read from its state scripts."""
    states = []
    for path in state_files(page):
        states += states_in_script(path.read_text(encoding="utf-8"))
    return states


def built_pages(html: Path) -> list[Path]:
    """The site's content pages: every HTML file but the generated search and index pages."""
    skip = {"genindex.html", "search.html"}
    return sorted(
        p for p in html.rglob("*.html") if p.name not in skip and "_static" not in p.parts
    )


@dataclass(frozen=True)
class BuildResult:
    """Outcome of one ``jupyter-book build`` of the whole book."""

    returncode: int
    log: str
    html: Path


def build_book(
    source: Path,
    *,
    extra_args: tuple[str, ...] = (),
    flags: tuple[str, ...] = STRICT,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> BuildResult:
    """Run ``jupyter-book build source`` (from ``cwd``, by default ``source``) with ``flags``."""
    # The console script installed beside this interpreter (jupyter_book has no __main__).
    executable = Path(sys.executable).with_name("jupyter-book")
    command = [str(executable), "build", str(source), *flags, *extra_args]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=source if cwd is None else cwd,
        env=None if env is None else {**os.environ, **env},
        check=False,
    )
    html = (source if cwd is None else cwd / source) / "_build" / "html"
    return BuildResult(done.returncode, done.stdout + done.stderr, html)


@pytest.fixture(scope="session")
def built_book() -> BuildResult:
    """The whole book, built once per test session (fast when the cache is warm)."""
    return build_book(ROOT)


@pytest.fixture(scope="session")
def site_url(built_book: BuildResult) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 at a free port; yield its base URL."""
    if built_book.returncode != 0:
        pytest.fail("the book did not build; see test_book.py for the log")
    with serve(built_book.html) as url:
        yield url


@contextmanager
def serve(
    directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield its base URL.

    ``handler_class`` answers the requests (a quiet static server unless given; the
    Lighthouse benchmark passes one that compresses).
    """
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (which never downloads a browser here)."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is missing: run scripts/ensure_chromium.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("BOOK_SERVER_LOG"):
            super().log_message(format, *args)
