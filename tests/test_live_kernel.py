"""In a live Jupyter kernel, every explorer of the book answers its controls.

Each chapter that builds an explorer runs, cell by cell, in its own IPython kernel started
with jupyter_client. The first cell goes in only once ``wait_for_ready`` has seen the
kernel answer (never after a sleep): sending cells to a kernel that is still starting is
what made an earlier attempt flaky.

The test then plays the part of a front end that runs no widget JavaScript. From the comm
messages the kernel sends it keeps every widget's state, as a browser does; it takes the
widgets the chapter displays, and in each one every control that drives pictures (the
source of a widget link). For each control it sends the update a browser sends when the
reader moves it, waits for the kernel to go idle, and checks that the kernel answered:
every stack that control drives shows the new index, and the picture on display changed,
to one whose alt text differs. The browser side of the same widgets (links that run in the
page, no kernel) is tested by test_browser.py.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jupytext
import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

pytestmark = pytest.mark.kernel

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
#: A chapter builds an explorer when it calls one of the package's ``*explorer`` functions.
EXPLORER_CALL = re.compile(r"\bab\.\w*explorer\(")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_REF = "IPY_MODEL_"
LINK_MODELS = {"LinkModel", "DirectionalLinkModel"}
#: Seconds a kernel may take to start, a cell to run, a control change to be answered.
STARTUP_TIMEOUT = 120
CELL_TIMEOUT = 300
UPDATE_TIMEOUT = 60


def chapters_with_explorers() -> list[str]:
    return sorted(
        path.stem
        for path in CHAPTERS.glob("*.md")
        if EXPLORER_CALL.search(path.read_text(encoding="utf-8"))
    )


@dataclass
class FrontEnd:
    """What a front end knows of a kernel's widgets: their state and what was displayed."""

    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    displayed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def receive(self, message: dict[str, Any]) -> None:
        kind, content = message["msg_type"], message["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content["data"]["state"])
        elif kind == "comm_msg" and content["data"].get("method") in {"update", "echo_update"}:
            self.models.setdefault(content["comm_id"], {}).update(content["data"]["state"])
        elif kind in {"display_data", "execute_result"} and WIDGET_VIEW in content["data"]:
            self.displayed.append(content["data"][WIDGET_VIEW]["model_id"])
        elif kind == "error":
            self.errors.append("\n".join(content["traceback"]))

    def children(self, model_id: str) -> list[str]:
        return [_model_id(ref) for ref in self.models[model_id].get("children", [])]

    def descendants(self, model_id: str) -> set[str]:
        found = {model_id}
        for child in self.children(model_id):
            found |= self.descendants(child)
        return found

    def shown(self, model_id: str) -> list[str]:
        """The pictures (HTML widgets) on display under ``model_id``, as a front end draws them."""
        state = self.models[model_id]
        if state["_model_name"] == "StackModel":
            index = state["selected_index"]
            return [] if index is None else self.shown(self.children(model_id)[index])
        if state["_model_name"] == "HTMLModel":
            return [model_id]
        return [picture for child in self.children(model_id) for picture in self.shown(child)]

    def alt_texts(self, model_id: str) -> list[str]:
        return [
            match.group(1)
            for picture in self.shown(model_id)
            for match in re.finditer(r'alt="([^"]*)"', self.models[picture]["value"])
        ]

    def links_from(self, sources: set[str]) -> dict[str, list[str]]:
        """Control id -> the stacks its links drive, for the controls among ``sources``."""
        links: dict[str, list[str]] = {}
        for state in self.models.values():
            if state["_model_name"] not in LINK_MODELS:
                continue
            (source, source_attr), (target, target_attr) = state["source"], state["target"]
            if _model_id(source) in sources:
                assert (source_attr, target_attr) == ("index", "selected_index"), state
                links.setdefault(_model_id(source), []).append(_model_id(target))
        return links


def _model_id(ref: str) -> str:
    assert ref.startswith(MODEL_REF), ref
    return ref[len(MODEL_REF) :]


@pytest.fixture
def kernel(request: pytest.FixtureRequest) -> Iterator[BlockingKernelClient]:
    """A fresh python3 kernel in chapters/ (where the book runs its notebooks), ready."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(CHAPTERS))
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=STARTUP_TIMEOUT)
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run_cell(client: BlockingKernelClient, front_end: FrontEnd, source: str) -> None:
    reply = client.execute_interactive(
        source, output_hook=front_end.receive, timeout=CELL_TIMEOUT, allow_stdin=False
    )
    if reply["content"]["status"] != "ok":
        pytest.fail(f"a cell failed:\n{source}\n\n" + "\n".join(front_end.errors))


def move_control(
    client: BlockingKernelClient, front_end: FrontEnd, control: str, index: int
) -> None:
    """Send what a browser sends when the reader moves a control; wait for the kernel's answer."""
    content = {
        "comm_id": control,
        "data": {"method": "update", "state": {"index": index}, "buffer_paths": []},
    }
    message = client.session.msg("comm_msg", content)
    client.shell_channel.send(message)
    sent = message["header"]["msg_id"]
    deadline = time.monotonic() + UPDATE_TIMEOUT
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"the kernel did not finish handling the change of {control}")
        reply = client.get_iopub_msg(timeout=remaining)
        if reply["parent_header"].get("msg_id") != sent:
            continue
        front_end.receive(reply)
        if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
            return


def test_the_book_has_explorers_to_drive() -> None:
    assert len(chapters_with_explorers()) >= 20, chapters_with_explorers()


@pytest.mark.parametrize("chapter", chapters_with_explorers())
def test_every_explorer_answers_its_controls(kernel: BlockingKernelClient, chapter: str) -> None:
    front_end = FrontEnd()
    notebook = jupytext.read(CHAPTERS / f"{chapter}.md")
    for cell in notebook.cells:
        if cell.cell_type == "code":
            run_cell(kernel, front_end, cell.source)
    explorers = {
        root: links
        for root in front_end.displayed
        if (links := front_end.links_from(front_end.descendants(root)))
    }
    assert explorers, f"{chapter} displays no widget whose controls drive pictures"
    for root, links in explorers.items():
        for control, stacks in links.items():
            state = front_end.models[control]
            choices = len(state["_options_labels"])
            if choices < 2:
                continue
            before, alts_before = front_end.shown(root), front_end.alt_texts(root)
            new_index = (state["index"] + 1) % choices
            move_control(kernel, front_end, control, new_index)
            label = f"{chapter}: control {state['description']!r} moved to {new_index}"
            assert front_end.models[control]["index"] == new_index, label
            assert [front_end.models[s]["selected_index"] for s in stacks] == [new_index] * len(
                stacks
            ), f"{label}: its stacks did not follow"
            assert front_end.shown(root) != before, f"{label}: the picture did not change"
            assert front_end.alt_texts(root) != alts_before, f"{label}: same alt text"
    assert not front_end.errors, front_end.errors


def test_the_kernel_is_this_environment() -> None:
    # The python3 kernel spec names "python"; jupyter_client runs it as this interpreter,
    # so the chapters see the same packages as the rest of the tests.
    manager = KernelManager(kernel_name="python3")
    assert manager.format_kernel_cmd()[0] == sys.executable
