"""Measure the book's build times and page sizes (a benchmark, not a test).

Runs, in a temporary copy of the book so that the working tree's cache is untouched:

1. a clean build (empty execution cache, every notebook executed),
2. a rebuild with nothing changed (should take seconds: cached execution, no re-read),

then reports the HTML size of every page, the size of the widget-state script it loads with
its explorers' code (``_ext/widget_state.py``), and how long each notebook took to execute
(from the jupyter-cache records).

Usage: ``.venv/bin/python benchmarks/bench_pages.py [--markdown FILE]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPY_IGNORE = shutil.ignore_patterns("_build", ".venv", "node_modules", ".git", "__pycache__")
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "_ext")]
from conftest import state_files  # noqa: E402


def build(book: Path) -> float:
    """Build ``book`` with warnings as errors; return the wall time in seconds."""
    executable = Path(sys.executable).with_name("jupyter-book")
    start = time.perf_counter()
    subprocess.run(
        [str(executable), "build", str(book), "-n", "-W", "--keep-going", "-q"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def execution_times(book: Path) -> dict[str, float]:
    """Seconds each notebook took to execute, from the jupyter-cache database."""
    from jupyter_cache import get_cache

    cache = get_cache(book / "_build" / ".jupyter_cache")
    times = {}
    for record in cache.list_cache_records():
        name = Path(record.uri).relative_to(book).as_posix()
        times[name] = float(record.data.get("execution_seconds", float("nan")))
    return times


def page_sizes(html: Path) -> list[tuple[str, int, int]]:
    """(page, bytes, bytes of the widget-state script it loads) for every built page."""
    rows = []
    for page in sorted(html.rglob("*.html")):
        if "_static" in page.parts:
            continue
        rows.append(
            (
                page.relative_to(html).as_posix(),
                page.stat().st_size,
                sum(state.stat().st_size for state in state_files(page)),
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book"
        shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
        clean = build(book)
        rebuild = build(book)
        executed = execution_times(book)
        sizes = page_sizes(book / "_build" / "html")
    lines = [
        f"clean build (execute every notebook): {clean:.1f} s",
        f"rebuild with nothing changed:         {rebuild:.1f} s",
        "",
        "| page | HTML bytes | widget-state script bytes |",
        "| --- | ---: | ---: |",
        *(f"| {p} | {b:,} | {w:,} |" for p, b, w in sizes),
        "",
        "| notebook | execution seconds |",
        "| --- | ---: |",
        *(f"| {n} | {t:.1f} |" for n, t in sorted(executed.items(), key=lambda kv: -kv[1])),
    ]
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        args.markdown.write_text(report + "\n")


if __name__ == "__main__":
    main()
