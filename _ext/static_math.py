r"""Every formula is typeset when the book is built: pages carry finished maths, no MathJax.

Typesetting in the browser cost a phone seconds of main-thread work (an 809 ms long task
on the sigmoid chapter, issue 14). Sphinx writes each formula for MathJax to find in the
page, ``<span class="math notranslate nohighlight">\(...\)</span>`` inline and
``<div class="math notranslate nohighlight">\[...\]</div>`` on its own line (amsmath
environments without the brackets, and the equation number in a ``<span class="eqno">``
before it); formulas from myst-nb's Markdown outputs and in the theme's tables of contents
are written the same way. Once the build has written the pages, this extension finds those
formulas in every page that still has one and typesets them all with the pinned MathJax 3
(``node_modules/mathjax``) in a single Node process (``static_math.cjs``):

* each formula keeps its Sphinx element (and so the theme's styles, anchors and equation
  numbers) and gets MathJax's CommonHTML in place of its TeX;
* each page gets, in its ``<head>``, the CSS of the characters and constructs its own
  formulas use; the MathJax fonts it names are the site's own
  (``_static/mathjax/output/chtml/fonts/woff-v2``), never a CDN;
* screen readers read MathJax's assistive MathML; the drawn formula is hidden from them;
* a formula that is not valid TeX (an unknown macro included) stops the build with a
  :class:`MathError` that names the page, its source and the formula.

A typeset page has no TeX left to find, so a rebuild in which Sphinx rewrites no page reads
the pages and starts no Node. ``first_paint`` then drops MathJax from every page.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import book_assets
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The MathJax package that typesets (pinned by package-lock.json) and the script that runs it.
MATHJAX = Path("node_modules") / "mathjax"
RENDERER = Path(__file__).with_name("static_math.cjs")
#: The site's copy of MathJax's CommonHTML web fonts (from _vendor, see book_assets).
FONTS = "_static/mathjax/output/chtml/fonts/woff-v2"
#: Stands for the page's own path to FONTS in the CSS that MathJax writes.
_FONT_URL = "%%BOOK_MATHJAX_FONTS%%"
#: A formula as Sphinx writes it: its TeX is HTML-escaped, so it holds no "<".
_FORMULA = re.compile(
    r'(?P<inline_open><span class="math notranslate nohighlight">)\\\((?P<inline>[^<]*?)\\\)</span>'
    r'|(?P<display_open><div class="math notranslate nohighlight"[^>]*>\s*'
    r'(?:<span class="eqno">.*?</span>)?)(?P<display>[^<]*)</div>',
    re.S,
)
_HEAD_END = "</head>"
_MATH_CLASS = 'class="math notranslate nohighlight"'
#: A page that carries it has been typeset, all of it (a page is rewritten whole).
_STYLESHEET = '<style id="MJX-CHTML-styles">'


class MathError(SphinxError):
    """A formula could not be typeset."""

    category = "TeX error"


@dataclass(frozen=True)
class Formula:
    """One formula of a page: its TeX and whether it stands on its own line."""

    tex: str
    display: bool


def formulas(page: str) -> list[Formula]:
    """The formulas of a page's HTML that are still TeX, in order, each once."""
    found = (_formula(match) for match in _FORMULA.finditer(page))
    return list(dict.fromkeys(found))


def _formula(match: re.Match[str]) -> Formula:
    if match.group("inline_open") is not None:
        return Formula(html.unescape(match.group("inline")), display=False)
    tex = html.unescape(match.group("display")).strip()
    if tex.startswith("\\[") and tex.endswith("\\]"):
        tex = tex[2:-2].strip()
    return Formula(tex, display=True)


def typeset_page(page: str, rendered: dict[Formula, str], css: str, font_url: str) -> str:
    """``page`` with each formula replaced by its ``rendered`` HTML and ``css`` in its head."""

    def replace(match: re.Match[str]) -> str:
        opening = match.group("inline_open") or match.group("display_open")
        closing = "</span>" if match.group("inline_open") is not None else "</div>"
        return f"{opening}{rendered[_formula(match)]}{closing}"

    body = _FORMULA.sub(replace, page)
    style = f"{_STYLESHEET}{_compact(css).replace(_FONT_URL, font_url)}</style>"
    return body.replace(_HEAD_END, style + _HEAD_END, 1)


def _compact(css: str) -> str:
    # MathJax indents its CSS; no string in it spans a line, so the line breaks can go.
    return re.sub(r"\n\s*", "", css)


def typeset(pages: dict[str, list[Formula]], root: Path = book_assets.ROOT) -> dict[str, Any]:
    """Typeset the ``pages``' formulas in one Node process; MathJax's answer for each page.

    Each answer holds ``html`` (one per formula, in order), ``css`` and ``errors`` (the
    ``index`` of a formula that is not valid TeX and MathJax's ``message``).
    """
    package = root / MATHJAX
    if not (package / "package.json").is_file():
        # _vendor may be current while node_modules was removed: install it again.
        book_assets.install(root)
    names = list(pages)
    request = {
        "mathjax": str(package),
        "fontURL": _FONT_URL,
        "pages": [[vars(f) for f in pages[name]] for name in names],
    }
    try:
        done = book_assets.run_node_tool("node", (str(RENDERER),), root, stdin=json.dumps(request))
    except (OSError, book_assets.AssetError) as error:
        raise MathError(f"could not run Node to typeset the formulas: {error}") from None
    if done.returncode != 0:
        raise MathError(f"MathJax stopped (exit code {done.returncode}):\n{done.stderr.strip()}")
    return dict(zip(names, json.loads(done.stdout)["pages"], strict=True))


def _pages_with_tex(outdir: Path) -> dict[Path, str]:
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        if "_static" in path.relative_to(outdir).parts:
            continue
        text = path.read_text(encoding="utf-8")
        # Plain searches first: most pages (typeset, or without maths) never meet the pattern.
        if _MATH_CLASS in text and _STYLESHEET not in text and _FORMULA.search(text):
            pages[path] = text
    return pages


def _source(app: Sphinx, outdir: Path, path: Path) -> str:
    pagename = path.relative_to(outdir).with_suffix("").as_posix()
    if pagename in app.env.found_docs:
        return os.path.relpath(app.env.doc2path(pagename), app.srcdir)
    return pagename


def _typeset_written_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not (outdir / FONTS).is_dir():
        raise MathError(f"{outdir / FONTS} is missing: the typeset formulas need its fonts.")
    texts = _pages_with_tex(outdir)
    if not texts:
        return
    wanted = {path: formulas(text) for path, text in texts.items()}
    answers = typeset({str(path): found for path, found in wanted.items()})
    problems = []
    for path, text in texts.items():
        answer = answers[str(path)]
        page = path.relative_to(outdir).as_posix()
        for error in answer["errors"]:
            tex = wanted[path][error["index"]].tex
            source = _source(app, outdir, path)
            problems.append(f"{page} (from {source}): {error['message']} in the formula  {tex}")
        if answer["errors"]:
            continue  # left as it is: the next build finds its formulas again
        rendered = dict(zip(wanted[path], answer["html"], strict=True))
        font_url = Path(os.path.relpath(outdir / FONTS, path.parent)).as_posix()
        path.write_text(typeset_page(text, rendered, answer["css"], font_url), encoding="utf-8")
    logger.info(f"static_math: typeset the formulas of {len(texts)} pages")
    if problems:
        raise MathError("a formula is not valid TeX:\n" + "\n".join(problems))


def setup(app: Sphinx) -> dict[str, Any]:
    """Typeset the written pages' formulas once the build has written them."""
    app.connect("build-finished", _typeset_written_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
