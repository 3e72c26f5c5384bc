"""One stylesheet per page instead of eleven.

Every ``<link rel="stylesheet">`` in ``<head>`` holds up the first paint until it has
arrived, and on a slow phone connection each costs a round trip of its own: the theme's
two (one of which ``@import``-s Sphinx's ``basic.css``), Pygments', the book theme's,
myst-nb's, sphinx-design's, the copy and toggle buttons', the exercises' and the book's.
Lighthouse put their cost at 1.7 s of the landing page's first paint.

This extension serves them as one file, in the same order (so the cascade is unchanged):

* the ``bundle_stylesheets`` template filter (applied to the theme's ``css`` block in
  ``templates/layout.html``) replaces the page's local stylesheet links by one link to
  ``_static/bundles/<key>.css``, ``key`` a hash of the links' addresses (whose ``?v=`` and
  ``?digest=`` queries change with the files' contents), and records the addresses in
  ``_static/bundles/<key>.json``: pages are written in parallel processes, and the
  file is the one thing they share;
* at the end of every build, after the theme's own last changes, each recorded bundle is
  written again from the copied static files:
  ``@import`` rules are replaced by the file they import, and relative ``url()``
  references are rewritten to be relative to the bundle (fonts and pictures stay where
  they are); ``@charset`` rules and source-map comments are dropped.

A link to another host or with a ``media`` condition is left alone.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx

BUNDLES = "_static/bundles"
_LINK = re.compile(r"<link\b[^>]*>")
_STYLESHEET = re.compile(r"\brel=\"stylesheet\"")
_HREF = re.compile(r"\bhref=\"(?P<href>[^\"]*)\"")
_MEDIA = re.compile(r"\bmedia=")
#: ``url(...)`` with a double-quoted, single-quoted or bare address.
_URL = re.compile(r"url\(\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^)\s'\"]*))\s*\)")
#: ``@import "x.css";`` or ``@import url(x.css);`` with no media list.
_IMPORT = re.compile(
    r"@import\s+(?:url\(\s*)?[\"']?(?P<target>[^\"')\s;]+)[\"']?\s*\)?\s*;", re.IGNORECASE
)
_CHARSET = re.compile(r"@charset\s+[\"'][^\"']*[\"']\s*;", re.IGNORECASE)
#: A source-map comment names a file beside the original stylesheet, not the bundle.
_SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")


def _static_path(href: str) -> str | None:
    """``styles/theme.css`` for ``../_static/styles/theme.css?digest=...``; None if not local."""
    if "://" in href or href.startswith(("//", "data:")):
        return None
    path = href.split("?", 1)[0].split("#", 1)[0]
    marker = "_static/"
    return path[path.index(marker) + len(marker) :] if marker in path else None


def _bundle_key(paths: list[str], hrefs: list[str]) -> str:
    queries = [href.split("?", 1)[1] if "?" in href else "" for href in hrefs]
    text = "\n".join(f"{path}?{query}" for path, query in zip(paths, queries, strict=True))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def bundle_stylesheets(html: str, outdir: str | Path) -> Markup:
    """Replace the local stylesheet links of ``html`` by one link to their bundle.

    Parameters
    ----------
    html : str
        The rendered ``css`` block of a page's ``<head>``.
    outdir : str or Path
        The build's output folder, where the bundle's list of files is recorded.

    Returns
    -------
    Markup
        ``html`` with the first bundled link replaced by the bundle's and the others
        removed; unchanged if fewer than two links can be bundled.
    """
    links = []
    for match in _LINK.finditer(str(html)):
        tag = match.group(0)
        href = _HREF.search(tag)
        if not _STYLESHEET.search(tag) or href is None or _MEDIA.search(tag):
            continue
        path = _static_path(href.group("href"))
        if path is not None:
            links.append((match, href.group("href"), path))
    if len(links) < 2:
        return Markup(html)
    hrefs, paths = [link[1] for link in links], [link[2] for link in links]
    key = _bundle_key(paths, hrefs)
    record = Path(outdir, BUNDLES, f"{key}.json")
    if not record.is_file():
        record.parent.mkdir(parents=True, exist_ok=True)
        temporary = record.with_suffix(f".{id(links)}.tmp")
        temporary.write_text(json.dumps(paths), encoding="utf-8")
        temporary.replace(record)  # atomic: a parallel writer sees all of it or nothing
    first = hrefs[0]
    prefix = first[: first.index("_static/")]  # the page's way up to the site's root
    bundle = f'<link rel="stylesheet" type="text/css" href="{prefix}{BUNDLES}/{key}.css" />'
    pieces, position = [], 0
    for index, (match, _, _) in enumerate(links):
        pieces.append(str(html)[position : match.start()])
        if index == 0:
            pieces.append(bundle)
        position = match.end()
    pieces.append(str(html)[position:])
    # Drop the blank lines the removed links leave.
    return Markup(re.sub(r"\n\s*\n", "\n", "".join(pieces)))


def _rebase(css: str, source: str, target_folder: str) -> str:
    """Rewrite the relative ``url()`` s of ``css`` (from ``source``) for ``target_folder``."""

    def rebase(match: re.Match[str]) -> str:
        address = match.group("dq") or match.group("sq") or match.group("bare") or ""
        if not address or address.startswith(("data:", "#", "/")) or "://" in address:
            return match.group(0)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), address))
        return f'url("{posixpath.relpath(joined, target_folder)}")'

    return _URL.sub(rebase, css)


def stylesheet_text(
    static: Path, path: str, target_folder: str, seen: frozenset = frozenset()
) -> str:
    """The stylesheet ``static/path`` with its imports inlined, rebased for ``target_folder``.

    Parameters
    ----------
    static : Path
        The site's ``_static`` folder.
    path : str
        The stylesheet, relative to ``static``.
    target_folder : str
        Where the text will live, relative to ``static`` (``"bundles"``).
    seen : frozenset
        Stylesheets already being inlined (an import cycle is inlined once).
    """
    if path in seen:
        return ""
    css = (static / path).read_text(encoding="utf-8")
    css = _SOURCE_MAP.sub("", _CHARSET.sub("", css))

    def inline(match: re.Match[str]) -> str:
        target = match.group("target")
        if "://" in target or target.startswith("/"):
            return match.group(0)
        imported = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        return stylesheet_text(static, imported, target_folder, seen | {path})

    css = _IMPORT.sub(inline, css)
    return f"/* {path} */\n" + _rebase(css, path, target_folder)


def write_bundles(outdir: str | Path) -> list[Path]:
    """Write every recorded bundle from the static files of ``outdir``; return their paths."""
    static = Path(outdir, "_static")
    folder = Path(outdir, BUNDLES)
    written = []
    for record in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        paths = json.loads(record.read_text(encoding="utf-8"))
        target = posixpath.relpath(BUNDLES, "_static")
        text = "\n".join(stylesheet_text(static, path, target) for path in paths)
        bundle = record.with_suffix(".css")
        bundle.write_text(text, encoding="utf-8")
        written.append(bundle)
    return written


def _register_filter(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        outdir = app.outdir
        templates.environment.filters["bundle_stylesheets"] = lambda html: bundle_stylesheets(
            html, outdir
        )


def _write_bundles(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        write_bundles(app.outdir)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``bundle_stylesheets`` filter and the bundle writer."""
    app.connect("builder-inited", _register_filter)
    # Late: the theme rewrites pygments.css at build-finished too (pydata-sphinx-theme's
    # light/dark switch), and the bundle must hold what it wrote.
    app.connect("build-finished", _write_bundles, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
