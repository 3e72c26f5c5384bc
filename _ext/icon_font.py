r"""The theme's icon fonts cut down to the icons the site uses.

The theme draws its icons (search, menu, download, light and dark mode, ...) from Font
Awesome's web fonts, and the header of every page uses at least one of them, so every
page fetches ``fa-solid-900.woff2``: 156 kB for the sixteen or so glyphs the book shows,
before the page counts as painted on a slow connection. At the end of the build this
extension keeps in each Font Awesome font (``woff2`` and ``ttf``) only the glyphs that some
built page or script names:

* the icons used are the ``fa-<name>`` classes that occur in the site's HTML and in the
  scripts its pages load (the theme's scripts add a few icons of their own);
* the theme's stylesheet maps each class to its code point
  (``.fa-magnifying-glass:before{content:"\\f002"}``);
* :mod:`fontTools.subset` writes each font again with those code points only.

The theme's ``fontawesome.js``, which names every icon, is not read: no page loads it
(``first_paint.py`` drops it). An icon class that the stylesheet does not map draws
nothing, with or without this extension.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONTS = "_static/vendor/fontawesome/webfonts"
STYLESHEET = "_static/styles/pydata-sphinx-theme.css"
#: Scripts that name every icon and that no page loads.
SKIPPED_SCRIPTS = ("fontawesome.js",)
_SCRIPT = re.compile(r"<script\b[^>]*>")
_SOURCE = re.compile(r"\bsrc=\"([^\"]+)\"")
_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
#: ``.fa-a:before,.fa-b:before{content:"\\f002"}``: selectors and their code point.
_RULE = re.compile(
    r"(?P<selectors>(?:\.fa-[a-z0-9-]+:{1,2}(?:before|after),?)+)\{content:\"\\(?P<code>[0-9a-f]+)\"\}"
)


def icon_code_points(stylesheet: str) -> dict[str, int]:
    """Each icon class of ``stylesheet`` (``"fa-magnifying-glass"``) and its code point."""
    points = {}
    for rule in _RULE.finditer(stylesheet):
        for selector in rule.group("selectors").split(","):
            if selector:
                points[selector[1:].split(":", 1)[0]] = int(rule.group("code"), 16)
    return points


def used_classes(files: Iterable[Path]) -> set[str]:
    """The ``fa-...`` class names that occur in ``files``."""
    found: set[str] = set()
    for path in files:
        found.update(_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def site_files(outdir: Path) -> list[Path]:
    """The site's pages and the local scripts they load with the page.

    Scripts loaded on demand (``data-on-demand``: the widget manager, which bundles an
    older Font Awesome of its own) and scripts no page names are left out.
    """
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.parts]
    scripts = set()
    for page in pages:
        for tag in _SCRIPT.findall(page.read_text(encoding="utf-8", errors="replace")):
            source = _SOURCE.search(tag)
            if source is None or "data-on-demand" in tag or "://" in source.group(1):
                continue
            path = (page.parent / source.group(1).split("?", 1)[0]).resolve()
            if path.is_file() and path.name not in SKIPPED_SCRIPTS:
                scripts.add(path)
    return pages + sorted(scripts)


def subset_font(path: Path, code_points: set[int]) -> tuple[int, int]:
    """Rewrite the font at ``path`` with only ``code_points``; return its sizes before and after."""
    from fontTools import subset  # imported here: only builds that write fonts need it

    before = path.stat().st_size
    options = subset.Options()
    options.flavor = "woff2" if path.suffix == ".woff2" else None
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    with subset.load_font(str(path), options) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(code_points))
        subsetter.subset(font)
        subset.save_font(font, str(path), options)
    return before, path.stat().st_size


def subset_icon_fonts(outdir: str | Path) -> dict[str, tuple[int, int]]:
    """Cut every Font Awesome font of ``outdir`` down to the icons the site names.

    Returns
    -------
    dict
        Each font's file name and its sizes before and after, in bytes; empty if the
        site has no Font Awesome fonts.
    """
    outdir = Path(outdir)
    fonts = sorted((outdir / FONTS).glob("*")) if (outdir / FONTS).is_dir() else []
    fonts = [f for f in fonts if f.suffix in (".woff2", ".ttf")]
    if not fonts:
        return {}
    points = icon_code_points((outdir / STYLESHEET).read_text(encoding="utf-8"))
    used = {points[name] for name in used_classes(site_files(outdir)) if name in points}
    return {font.name: subset_font(font, used) for font in fonts}


def _subset(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    sizes = subset_icon_fonts(app.outdir)
    if sizes:
        before, after = (sum(pair[index] for pair in sizes.values()) for index in (0, 1))
        logger.info(f"icon fonts cut to the icons in use: {before:,} -> {after:,} bytes")


def setup(app: Sphinx) -> dict[str, Any]:
    """Subset the icon fonts once the site, its static files included, is written."""
    app.connect("build-finished", _subset)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
