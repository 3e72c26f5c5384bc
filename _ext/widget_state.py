"""A page's widget state is fetched with its explorers' code, not with its HTML.

myst-nb writes the state of a page's widgets (every explorer's models, with its
pre-rendered frames as base64 PNG: most of the page's bytes) into the HTML as a
``<script type="application/vnd.jupyter.widget-state+json">``. On a slow connection the
whole HTML must arrive before the page is complete, frames included, although a reader
who only reads the text needs none of them. This extension moves that state out of the
HTML into a small script of the built site, ``_static/widget-state/<page>.js``, which
puts it back into the document as the same ``<script>`` element the HTML manager reads.

The page names that script first among its ``<script data-on-demand>`` tags (of a type
the browser neither fetches nor runs), so ``widgets-on-demand.js`` loads it, then the
MathJax shim and the HTML manager, once the reader nears an explorer. A ``<script>``
element is allowed from a page opened from disk (``file://``), where ``fetch`` of a JSON
file is not. Sphinx adds the file's checksum to its URL (``?v=``), as for every other
script of the site, so a changed state is never taken from a browser's cache.

Each page writes only its own file, so pages may be written by parallel processes.
Pages without widgets are left as they are.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import ExtensionError

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: Where the state scripts go, relative to the site's root: one per page with widgets.
STATE_FOLDER = "_static/widget-state"
#: The attribute that marks the scripts widgets-on-demand.js loads, in document order.
ON_DEMAND = "data-on-demand"
#: The line before the states' JSON in a state script; the JSON is one line after it.
_ARGUMENT = "})("
_SCRIPT = """\
// The widget state of one page of the book (its explorers' models and frames), loaded by
// widgets-on-demand.js before the HTML manager, which reads it from the element made here.
// Written by the book's _ext/widget_state.py.
(function (states) {
  "use strict";
  states.forEach(function (state) {
    var element = document.createElement("script");
    element.type = "%(type)s";
    element.textContent = state;
    document.body.appendChild(element);
  });
%(argument)s
%(states)s
);
"""


def is_widget_state(script: Any) -> bool:
    """Whether an entry of a page's ``script_files`` is myst-nb's widget state."""
    return getattr(script, "attributes", {}).get("type") == WIDGET_STATE


def state_script(states: list[str]) -> str:
    """The JavaScript that adds each widget state (JSON text) to the document.

    Each state stays a JSON string: the HTML manager parses the element's text itself, so
    the browser only has to scan one string literal per state.
    """
    # json.dumps escapes every character outside ASCII, so the literal is valid JavaScript.
    encoded = json.dumps(states)
    return _SCRIPT % {"type": WIDGET_STATE, "argument": _ARGUMENT, "states": encoded}


def states_in_script(source: str) -> list[dict]:
    """The widget states a script made by :func:`state_script` adds to the document."""
    lines = source.splitlines()
    try:
        encoded = lines[lines.index(_ARGUMENT) + 1]
    except (ValueError, IndexError):
        raise ValueError("not a widget-state script: its states' line is missing") from None
    return [json.loads(state) for state in json.loads(encoded)]


def state_file(pagename: str) -> str:
    """The state script of page ``pagename``, relative to the site's root."""
    return f"{STATE_FOLDER}/{pagename}.js"


def _write(path: Path, text: str) -> None:
    # Written beside the target, then renamed: a reader never sees half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _state_on_demand(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = list(context.get("script_files") or [])
    states = [s for s in scripts if is_widget_state(s)]
    if not states:
        return
    scripts = [s for s in scripts if not is_widget_state(s)]
    on_demand = [i for i, s in enumerate(scripts) if ON_DEMAND in getattr(s, "attributes", {})]
    if not on_demand:
        raise ExtensionError(
            f"{pagename} has widgets but no <script {ON_DEMAND}> to load them: "
            "nb_ipywidgets_js in _config.yml must name the HTML manager with "
            f"{ON_DEMAND}: widgets"
        )
    filename = state_file(pagename)
    # myst-nb has already made the JSON safe inside <script> (sanitize_script_content).
    _write(Path(app.outdir, filename), state_script([s.attributes["body"] for s in states]))
    first = scripts[on_demand[0]]
    # The file exists now, so Sphinx adds its checksum (?v=) when it writes the tag; the
    # same priority as the manager's tag keeps it before that tag once Sphinx sorts them.
    loader = _JavaScript(
        filename, priority=first.priority, type="text/plain", **{ON_DEMAND: "widgets"}
    )
    scripts.insert(on_demand[0], loader)
    context["script_files"] = scripts


def setup(app: Sphinx) -> dict[str, Any]:
    """Move each page's widget state into a script loaded with its explorers' code."""
    # After first_paint's MathJax hook (850), which keeps MathJax on pages with widgets.
    app.connect("html-page-context", _state_on_demand, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
