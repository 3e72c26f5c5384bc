"""A still picture of every explorer, shown until its live version is drawn.

An explorer is live only once the ipywidgets HTML manager has loaded (on demand, see
``_theme/widgets-on-demand.js``) and drawn it; until then its place on the page would be
empty, and without JavaScript it stays empty. This extension writes, right after each
widget view of a page, a *poster*: the explorer as it first appears, drawn from the
page's widget state at build time as plain HTML, its picture (with the picture's alt
text) where the live picture will be and each control as a still line saying its
setting, marked hidden from screen readers (it cannot be operated).

When the manager draws the explorer it inserts the live version before the view's
``<script>``; the stylesheet (``_theme/book.css``) hides a poster that follows a live
explorer, so nothing on the page runs to swap them.

The state is read as myst-nb left it in the page's script list, before
the ``widget_state`` extension moves it out of the page (this hook runs first).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from sphinx.application import Sphinx
from widget_state import is_widget_state

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_VIEW = re.compile(
    r"<script type=\"application/vnd\.jupyter\.widget-view\+json\">(?P<json>.*?)</script>", re.S
)
_BOXES = {"VBoxModel": "column", "BoxModel": "row", "HBoxModel": "row"}
_TEXTS = {"HTMLModel", "HTMLMathModel"}
_CONTROL = re.compile(
    r"(Slider|ToggleButtons|Dropdown|Select|RadioButtons|Checkbox|ToggleButton|Text|Play)Model$"
)


class _Poster:
    """Renders models of one widget state as still HTML."""

    def __init__(self, models: dict[str, Any]) -> None:
        self.models = models

    def model(self, reference: str) -> dict[str, Any] | None:
        found = self.models.get(str(reference).removeprefix("IPY_MODEL_"))
        return None if found is None else found.get("state", {}) | {"_name": found["model_name"]}

    def layout(self, state: dict[str, Any]) -> dict[str, Any]:
        found = self.model(state.get("layout", "")) if state.get("layout") else None
        return found or {}

    def children(self, state: dict[str, Any]) -> str:
        return "".join(self.render(child) for child in state.get("children") or [])

    def render(self, reference: str) -> str:
        """Still HTML for the model ``reference`` (``"IPY_MODEL_..."`` or a model id)."""
        state = self.model(reference)
        if state is None:
            return ""
        name = state["_name"]
        if name in _BOXES:
            align = self.layout(state).get("align_items")
            style = f"flex-direction:{_BOXES[name]}" + (f";align-items:{align}" if align else "")
            return f'<div class="explorer-poster-box" style="{style}">{self.children(state)}</div>'
        if name == "GridBoxModel":
            return self.grid(state)
        if name == "StackModel":
            index, children = state.get("selected_index"), state.get("children") or []
            return (
                self.render(children[index]) if index is not None and index < len(children) else ""
            )
        if name in _TEXTS:
            return f"<div>{state.get('value', '')}</div>"  # HTML the book's package wrote
        if name == "LabelModel":
            return f"<div>{html.escape(str(state.get('value', '')))}</div>"
        if _CONTROL.search(name):
            return self.control(state)
        return ""

    def grid(self, state: dict[str, Any]) -> str:
        layout = self.layout(state)
        styles = ["display:grid"]
        for key in ("grid_template_areas", "grid_template_columns", "grid_template_rows"):
            if layout.get(key):
                styles.append(f"{key.replace('_', '-')}:{html.escape(layout[key], quote=True)}")
        cells = []
        for child in state.get("children") or []:
            child_state = self.model(child)
            area = self.layout(child_state).get("grid_area") if child_state else None
            inner = self.render(child)
            style = f' style="grid-area:{html.escape(area, quote=True)}"' if area else ""
            cells.append(f"<div{style}>{inner}</div>")
        return (
            f'<div class="explorer-poster-grid" style="{";".join(styles)}">{"".join(cells)}</div>'
        )

    def control(self, state: dict[str, Any]) -> str:
        labels = state.get("_options_labels")
        index = state.get("index")
        if labels and isinstance(index, int) and 0 <= index < len(labels):
            value = labels[index]
        else:
            value = state.get("value", "")
        description = html.escape(str(state.get("description", "")))
        # Toggle buttons put their label on a line of its own, above the buttons.
        kind = " explorer-poster-buttons" if state["_name"] == "ToggleButtonsModel" else ""
        return (
            f'<div class="explorer-poster-control{kind}" aria-hidden="true">'
            f"<span>{description}</span> <span>{html.escape(str(value))}</span></div>"
        )


def posters_after_views(body: str, state: dict[str, Any]) -> str:
    """``body`` with a poster after each widget view whose model ``state`` holds."""
    poster = _Poster(state.get("state", {}))

    def add(view: re.Match[str]) -> str:
        try:
            model_id = json.loads(view.group("json"))["model_id"]
        except (ValueError, KeyError, TypeError):
            return view.group(0)
        still = poster.render(model_id)
        if not still:
            return view.group(0)
        return f'{view.group(0)}<div class="explorer-poster">{still}</div>'

    return _VIEW.sub(add, body)


def _add_posters(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = context.get("script_files") or []
    states = [s for s in scripts if is_widget_state(s)]
    if not states or "body" not in context:
        return
    merged: dict[str, Any] = {"state": {}}
    for script in states:
        merged["state"].update(json.loads(script.attributes.get("body", "{}")).get("state", {}))
    context["body"] = posters_after_views(context["body"], merged)


def setup(app: Sphinx) -> dict[str, Any]:
    """Add the posters before first_paint (priority 900) moves the state."""
    app.connect("html-page-context", _add_posters, priority=880)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
