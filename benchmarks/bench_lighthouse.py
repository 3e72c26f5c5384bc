"""Lighthouse scores of the built book, served compressed from this machine.

Serves ``_build/html`` from 127.0.0.1 with gzip (as GitHub Pages and most hosts send HTML,
scripts and stylesheets), runs Lighthouse (pinned in ``package.json`` as a development
dependency, installed by ``npm ci``) against Debian's Chromium for each page, and writes
one table: performance, accessibility, SEO and best-practices scores, first contentful
paint, largest contentful paint, total blocking time, layout shift and the bytes
transferred, each against the targets of issue 14.

It is a benchmark, not a test: the numbers depend on the machine and its load, which the
table states. Lighthouse's default mobile profile is used: simulated slow 4G and a CPU
slowed four times ("simulate" throttling), so a loaded machine inflates the CPU-bound
figures (blocking time) more than the network-bound ones.

Usage (after the book is built)::

    npm ci                                   # once: installs Lighthouse into node_modules
    python benchmarks/bench_lighthouse.py --markdown benchmarks/lighthouse.md
    python benchmarks/bench_lighthouse.py --pages intro.html chapters/sigmoid.html

Without ``--pages`` it measures the landing page, every chapter of ``_toc.yml`` and the
heaviest page; ``--heaviest`` adds the heaviest page to an explicit list.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
# The tests' local server (tests/conftest.py, which reads the book's _ext), here with a
# handler that compresses.
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "_ext")]
from conftest import serve, state_files  # noqa: E402

SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "seo", "best-practices")
#: Files sent compressed, as a static host sends them; pictures and fonts are sent as is.
COMPRESSED = {".html", ".js", ".css", ".svg", ".json", ".txt", ".map"}

#: The targets of issue 14.
TARGETS = {
    "performance": 90,
    "accessibility": 100,
    "seo": 100,
    "lcp_ms": 2500,
    "tbt_ms": 200,
    "transfer_bytes": 1_000_000,
}


@dataclass(frozen=True)
class Result:
    """One Lighthouse run of one page."""

    page: str
    scores: dict[str, int]
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    transfer_bytes: int
    failed_accessibility: tuple[str, ...]
    benchmark_index: float

    def misses(self) -> list[str]:
        """The targets this run misses, in words."""
        missed = [
            f"{name} {self.scores.get(name, 0)} < {TARGETS[name]}"
            for name in ("performance", "accessibility", "seo")
            if self.scores.get(name, 0) < TARGETS[name]
        ]
        if self.lcp_ms > TARGETS["lcp_ms"]:
            missed.append(f"LCP {self.lcp_ms / 1000:.1f} s")
        if self.tbt_ms > TARGETS["tbt_ms"]:
            missed.append(f"TBT {self.tbt_ms:.0f} ms")
        if self.transfer_bytes > TARGETS["transfer_bytes"]:
            missed.append(f"{self.transfer_bytes / 1e6:.2f} MB")
        return missed


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text files when the browser accepts gzip."""

    _compressed: ClassVar[dict[Path, bytes]] = {}
    _lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        with self._lock:
            if path not in self._compressed:
                self._compressed[path] = gzip.compress(path.read_bytes(), 6)
            body = self._compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


def toc_pages(root: Path = ROOT) -> list[str]:
    """The landing page and every chapter of ``_toc.yml``, as paths of the built site."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    landing = re.search(r"^root:\s*(\S+)", toc, re.M)
    files = re.findall(r"file:\s*(\S+)", toc)
    return [f"{name}.html" for name in ([landing.group(1)] if landing else []) + files]


def heaviest_page(site: Path) -> str:
    """The built page whose HTML and widget-state script are largest (the most frames)."""

    def size(page: Path) -> int:
        return sum(path.stat().st_size for path in [page, *state_files(page)])

    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    return max(pages, key=size).relative_to(site).as_posix()


def run_lighthouse(url: str, page: str) -> Result:
    """Run Lighthouse once on ``url`` and read the figures of its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ]
        environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
        done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
        if done.returncode != 0 or not report_path.is_file():
            raise RuntimeError(f"Lighthouse failed on {page}:\n{done.stderr[-3000:]}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    accessibility = report["categories"]["accessibility"]["auditRefs"]
    failed = tuple(
        ref["id"]
        for ref in accessibility
        if ref.get("weight", 0) > 0 and (audits[ref["id"]].get("score") or 0) < 1
    )
    return Result(
        page=page,
        scores=scores,
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        failed_accessibility=failed,
        benchmark_index=report.get("environment", {}).get("benchmarkIndex", 0.0),
    )


def lighthouse_version() -> str:
    done = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "unknown"


def chromium_version() -> str:
    done = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def markdown(results: Sequence[Result], conditions: Sequence[str]) -> str:
    """The table of ``results``, headed by the conditions of the run."""
    lines = [
        "# Lighthouse",
        "",
        "Written by `benchmarks/bench_lighthouse.py`; do not edit by hand.",
        "",
        *[f"* {line}" for line in conditions],
        "",
        "Targets (issue 14): performance ≥ 90, LCP ≤ 2.5 s, TBT ≤ 200 ms, accessibility 100, "
        "SEO 100, ≤ 1 MB transferred per chapter.",
        "",
        "| page | perf | a11y | SEO | best pr. | FCP s | LCP s | TBT ms | CLS | transferred kB "
        "| misses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        misses = "; ".join(r.misses()) or "—"
        if r.failed_accessibility:
            misses += f" (a11y audits failed: {', '.join(r.failed_accessibility)})"
        lines.append(
            f"| {r.page} | {r.scores['performance']} | {r.scores['accessibility']} "
            f"| {r.scores['seo']} | {r.scores['best-practices']} | {r.fcp_ms / 1000:.1f} "
            f"| {r.lcp_ms / 1000:.1f} | {r.tbt_ms:.0f} | {r.cls:.3f} "
            f"| {r.transfer_bytes / 1000:,.0f} | {misses} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=SITE, help="the built site")
    parser.add_argument("--pages", nargs="*", help="pages of the site (default: the toc)")
    parser.add_argument("--heaviest", action="store_true", help="add the heaviest page")
    parser.add_argument("--markdown", type=Path, help="write the table to this file")
    parser.add_argument("--note", action="append", default=[], help="a line of conditions")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print("Lighthouse is not installed: run `npm ci` in the book's folder", file=sys.stderr)
        return 2
    if not CHROMIUM.is_file():
        print("Debian's Chromium is missing: run scripts/ensure_chromium.sh", file=sys.stderr)
        return 2
    if not (args.site / "intro.html").is_file():
        print(f"{args.site} holds no built book: build it first", file=sys.stderr)
        return 2
    pages = list(args.pages) if args.pages else toc_pages()
    if args.heaviest or not args.pages:
        heaviest = heaviest_page(args.site)
        if heaviest not in pages:
            pages.append(heaviest)
    load_before = load_average()
    started = time.monotonic()
    results = []
    with serve(args.site, _GzipHandler) as url:
        for page in pages:
            result = run_lighthouse(f"{url}/{page}", page)
            print(f"{page}: {result.scores} misses: {result.misses()}", flush=True)
            results.append(result)
    conditions = [
        f"Lighthouse {lighthouse_version()}, default mobile profile (simulated slow 4G, "
        "4x CPU slowdown), one run per page",
        f"{chromium_version()} (headless), site served with gzip from 127.0.0.1",
        f"commit {commit()}; heaviest page (largest HTML with its widget state): "
        f"{heaviest_page(args.site)}",
        "Lighthouse's CPU benchmark index of this host at each run (higher is faster; "
        "its 4x slowdown is applied on top of this): "
        + ", ".join(f"{r.benchmark_index:.0f}" for r in results),
        f"load average before the run: {load_before}; after: {load_average()}; "
        f"{time.monotonic() - started:.0f} s for {len(results)} pages",
        *args.note,
    ]
    table = markdown(results, conditions)
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
