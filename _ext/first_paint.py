"""Nothing in a page's ``<head>`` holds up its first paint.

A ``<script src>`` without ``defer`` or ``async`` stops the parser until it has been
fetched and run, so the text of the page waits for every such script in ``<head>``:
Sphinx's own (``documentation_options.js``, ``doctools.js``, ...), the theme's search
scripts and, on pages with explorers, the ipywidgets HTML manager (1.9 MB). This
extension rewrites the three ``<head>`` blocks of the theme's page template
(``templates/layout.html``, and the search page's own scripts block in
``templates/search.html``) through the ``first_paint`` filter:

* every local ``<script src>`` gets ``defer``: it downloads while the page is parsed and
  runs, in document order, once the text is in place (before ``DOMContentLoaded``, so the
  HTML manager, which starts on ``load``, still finds the widget state);
* an inline script that uses a global which a deferred script defines
  (``DOCUMENTATION_OPTIONS.pagename = ...``) becomes ``type="module"``: inline module
  scripts wait, in order, with the deferred ones, so it still runs after
  ``documentation_options.js``;
* MathJax (263 kB compressed, and seconds of main-thread work on a phone) is loaded by no
  page when ``static_math`` has typeset the formulas at build time (without it, only by
  pages with a formula: Sphinx also gives it to every page whose table of contents lists
  a page with maths, such as the landing page);
* the theme's ``fontawesome.js`` (1.5 MB, deferred but about a second of main-thread work on
  a phone) is dropped: it only turns ``<i class="fa-...">`` icons into inline SVG, and the
  theme's stylesheet already draws the same icons from its own web fonts.

The same template serves the page's stylesheets as one file (:mod:`css_bundle`).

``tests/test_page_budget.py`` checks every built page for a blocking script.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

#: Globals that a deferred script defines and inline scripts of the head assign to.
DEFERRED_GLOBALS = ("DOCUMENTATION_OPTIONS",)
#: The theme's icon script; its stylesheet draws the same icons without it.
ICON_SCRIPT = "/fontawesome.js"
#: Attributes that already keep a script from blocking the parser.
NON_BLOCKING = re.compile(r"\b(defer|async)\b|\btype=\"module\"")
_MATH = re.compile(r"class=\"math[\s\"]")
_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
_SOURCE = re.compile(r"\bsrc=\"(?P<src>[^\"]*)\"")
_TYPE = re.compile(r"\btype=\"(?P<type>[^\"]*)\"")
_JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")


def is_javascript(attributes: str) -> bool:
    """Whether a ``<script>`` with these attributes is run (not a JSON data block)."""
    found = _TYPE.search(attributes)
    return (found.group("type") if found else "") in _JAVASCRIPT_TYPES


def blocks_parser(attributes: str) -> bool:
    """Whether a ``<script>`` tag with these attributes holds up parsing to fetch a file."""
    return (
        _SOURCE.search(attributes) is not None
        and is_javascript(attributes)
        and NON_BLOCKING.search(attributes) is None
    )


def _rewrite(script: re.Match[str]) -> str:
    attributes, body = script.group("attributes"), script.group("body")
    source = _SOURCE.search(attributes)
    if source is not None:
        if ICON_SCRIPT in source.group("src"):
            return ""
        if blocks_parser(attributes):
            return f"<script defer{attributes}>{body}</script>"
        return script.group(0)
    if (
        is_javascript(attributes)
        and _TYPE.search(attributes) is None
        and any(name in body for name in DEFERRED_GLOBALS)
    ):
        return f'<script type="module"{attributes}>{body}</script>'
    return script.group(0)


def first_paint(head: str) -> Markup:
    """``head`` (HTML) with its scripts deferred and the icon script dropped."""
    return Markup(_SCRIPT.sub(_rewrite, str(head)))


def has_maths(body: str) -> bool:
    """Whether a page's body HTML holds a formula (Sphinx writes each as ``class="math"``)."""
    return _MATH.search(body) is not None


def _is_mathjax(script: Any, mathjax_path: str) -> bool:
    filename = str(getattr(script, "filename", "") or "")
    body = getattr(script, "attributes", {}).get("body", "") or ""
    # Sphinx files a relative mathjax_path under _static/.
    local = bool(mathjax_path) and filename in (mathjax_path, f"_static/{mathjax_path}")
    return local or body.startswith("window.MathJax")


def _mathjax_where_needed(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = context.get("script_files") or []
    body = context.get("body")
    if body is None:
        return
    # With static_math every formula is typeset at build time, and no explorer's label
    # holds TeX (tests/test_page_budget.py): no page needs MathJax.
    if "static_math" not in app.extensions and has_maths(body):
        return
    path = getattr(app.config, "mathjax_path", "")
    context["script_files"] = [s for s in scripts if not _is_mathjax(s, path)]


def _add_template(app: Sphinx, config: Config) -> None:
    # Searched before the theme's own folders: its layout.html extends the theme's.
    config.templates_path.insert(0, str(Path(__file__).with_name("templates")))


def _register_filter(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        templates.environment.filters["first_paint"] = first_paint


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the template folder, the ``first_paint`` filter and the CSS bundler."""
    # The template also applies css_bundle's filter: the two come together.
    app.setup_extension("css_bundle")
    app.connect("config-inited", _add_template)
    app.connect("builder-inited", _register_filter)
    # After sphinx.ext.mathjax (500) has added MathJax; before widget_state (900) takes
    # the state out of the list.
    app.connect("html-page-context", _mathjax_where_needed, priority=850)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
