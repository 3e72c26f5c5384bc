"""Fixtures for the book-level tests: the built site and a local HTTP server for it."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"


@dataclass(frozen=True)
class BuildResult:
    """Outcome of one ``jupyter-book build`` of the whole book."""

    returncode: int
    log: str
    html: Path


def build_book(source: Path, *, extra_args: tuple[str, ...] = ()) -> BuildResult:
    """Build the book at ``source`` with warnings as errors and cached execution."""
    # The console script installed beside this interpreter (jupyter_book has no __main__).
    executable = Path(sys.executable).with_name("jupyter-book")
    command = [str(executable), "build", str(source), "-n", "-W", "--keep-going", *extra_args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=source, check=False)
    return BuildResult(done.returncode, done.stdout + done.stderr, source / "_build" / "html")


@pytest.fixture(scope="session")
def built_book() -> BuildResult:
    """The whole book, built once per test session (fast when the cache is warm)."""
    return build_book(ROOT)


@pytest.fixture(scope="session")
def site_url(built_book: BuildResult) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 at a free port; yield its base URL."""
    if built_book.returncode != 0:
        pytest.fail("the book did not build; see test_book.py for the log")
    handler = functools.partial(_QuietHandler, directory=str(built_book.html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        if os.environ.get("BOOK_SERVER_LOG"):
            super().log_message(format, *args)
