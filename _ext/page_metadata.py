"""What a page tells search engines and link previews, and when its text last changed.

* A ``<meta name="description">`` and Open Graph tags (``og:title``, ``og:description``,
  ``og:type``, ``og:site_name``) on every page, taken from the page's title and its first
  paragraph. They are written at build time from the page itself: no network, no image
  service.
* "Last updated" is the date of the last commit that changed the page's source
  (``git log``), not the date of the build, so an unchanged chapter keeps its date. Outside
  a git checkout the theme's build date stays.
"""

from __future__ import annotations

import html
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: Longer descriptions are cut at a word boundary (search engines show about this much).
DESCRIPTION_LENGTH = 200


def first_paragraph(doctree: nodes.document) -> str:
    """The text of the page's first paragraph of prose, whitespace collapsed."""
    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) >= 40:  # shorter ones are captions or bare formulas, no description
            return text
    return ""


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut to at most ``length`` characters at a word boundary, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


@cache
def _git_date(path: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path],
            cwd=Path(path).parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    date = done.stdout.strip()
    return date if done.returncode == 0 and date else None


def _add_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if doctree is None:
        return  # generated pages (search, index) have no prose of their own
    title = html.unescape(context.get("title") or "")
    description = shorten(first_paragraph(doctree)) or app.config.project
    tags = {
        "description": ("name", description),
        "og:title": ("property", title),
        "og:description": ("property", description),
        "og:type": ("property", "article"),
        "og:site_name": ("property", app.config.project),
    }
    context["metatags"] = context.get("metatags", "") + "".join(
        f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}" />\n'
        for name, (kind, value) in tags.items()
    )
    date = _git_date(str(app.env.doc2path(pagename)))
    if date is not None and context.get("last_updated"):
        context["last_updated"] = date


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hook."""
    app.connect("html-page-context", _add_metadata)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
