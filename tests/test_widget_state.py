"""The widget_state extension's page hook, on its own (no build).

``tests/test_page_budget.py`` checks the built pages and ``tests/test_browser.py`` that the
explorers come alive from the state scripts, over HTTP and from disk.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import widget_state
from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import ExtensionError

STATE = "application/vnd.jupyter.widget-state+json"
#: A state as myst-nb writes it: text outside ASCII, and "</" made safe inside <script>.
STATE_TEXT = json.dumps(
    {
        "version_major": 2,
        "version_minor": 0,
        "state": {"a1": {"model_name": "HTMLModel", "state": {"value": "<b>σ(x)</b>\u2028"}}},
    },
    ensure_ascii=False,
).replace("</", "<\\/")


class _App:
    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir


def _scripts(*states: _JavaScript) -> list[_JavaScript]:
    return [
        _JavaScript("_static/doctools.js"),
        _JavaScript("_static/widgets-on-demand.js", defer="defer"),
        *states,
        _JavaScript("_static/mathjax2-hub-shim.js", type="text/plain", **{"data-on-demand": "w"}),
        _JavaScript("_static/html-manager/embed.js", type="text/plain", **{"data-on-demand": "w"}),
    ]


def test_a_state_script_gives_back_the_states_it_holds() -> None:
    second = json.dumps({"state": {}})
    source = widget_state.state_script([STATE_TEXT, second])
    assert widget_state.states_in_script(source) == [json.loads(STATE_TEXT), {"state": {}}]
    assert source.isascii(), "a character outside ASCII could end a JavaScript line"
    assert f'element.type = "{STATE}";' in source
    with pytest.raises(ValueError, match="not a widget-state script"):
        widget_state.states_in_script("console.log(1);")


def test_the_state_leaves_the_page_for_a_script_loaded_first_on_demand(tmp_path: Path) -> None:
    state = _JavaScript(None, type=STATE, body=STATE_TEXT)
    context = {"script_files": _scripts(state), "body": "<p>text</p>"}
    widget_state._state_on_demand(_App(tmp_path), "chapters/sigmoid", "page.html", context, None)
    scripts = context["script_files"]
    assert not [s for s in scripts if s.attributes.get("type") == STATE]
    assert [str(s.filename) for s in scripts] == [
        "_static/doctools.js",
        "_static/widgets-on-demand.js",
        "_static/widget-state/chapters/sigmoid.js",
        "_static/mathjax2-hub-shim.js",
        "_static/html-manager/embed.js",
    ]
    loader = scripts[2]
    assert loader.attributes == {"type": "text/plain", "data-on-demand": "widgets"}
    assert loader.priority == scripts[3].priority
    assert context["body"] == "<p>text</p>"
    written = tmp_path / "_static" / "widget-state" / "chapters" / "sigmoid.js"
    assert widget_state.states_in_script(written.read_text()) == [json.loads(STATE_TEXT)]
    assert [p.name for p in written.parent.iterdir()] == ["sigmoid.js"], "a temporary file stayed"


def test_a_page_without_widgets_is_left_alone(tmp_path: Path) -> None:
    scripts = _scripts()
    context = {"script_files": list(scripts), "body": "<p>text</p>"}
    widget_state._state_on_demand(_App(tmp_path), "intro", "page.html", context, None)
    assert context["script_files"] == scripts
    assert list(tmp_path.iterdir()) == []


def test_widgets_without_an_on_demand_loader_stop_the_build(tmp_path: Path) -> None:
    state = _JavaScript(None, type=STATE, body=STATE_TEXT)
    context = {"script_files": [_JavaScript("_static/doctools.js"), state], "body": ""}
    with pytest.raises(ExtensionError, match="data-on-demand"):
        widget_state._state_on_demand(_App(tmp_path), "a", "page.html", context, None)
