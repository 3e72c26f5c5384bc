"""The same explorers work in a live Jupyter kernel, driven in JupyterLab by a real browser.

The built pages use the widgets with no kernel (``test_browser.py``); here the model
chapter is opened as a notebook in JupyterLab, run, and its sliders moved with the mouse
and the keyboard. Everything stays on 127.0.0.1: the server's news and update checks are
off, and the browser records and blocks any request to another host.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

CHAPTER = ROOT / "chapters" / "sigmoid.md"
#: True once the explorer shows a picture whose alt text differs from ``old``.
NEW_FRAME = (
    "([box, old]) => [...box.querySelectorAll('img')]"
    ".some(img => img.getClientRects().length > 0 && img.alt !== old)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on 127.0.0.1 serving the sigmoid chapter as ``sigmoid.ipynb``."""
    folder = tmp_path_factory.mktemp("lab")
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [
            str(bin_dir / "jupytext"),
            "--to",
            "ipynb",
            str(CHAPTER),
            "-o",
            str(folder / "sigmoid.ipynb"),
        ],
        check=True,
        capture_output=True,
    )
    port, token = _free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [
            str(bin_dir / "jupyter"), "lab", "--no-browser", f"--port={port}",
            "--ServerApp.ip=127.0.0.1", "--ServerApp.allow_root=True",
            f"--ServerApp.root_dir={folder}", f"--IdentityProvider.token={token}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the kernels it starts are stopped with it
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"JupyterLab exited with code {server.returncode} at start-up")
                if time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start within 60 s")
                time.sleep(0.5)
        yield base, token
    finally:
        _stop(server)


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and the kernels in its process group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=20)
            return
        except ProcessLookupError:
            return  # already gone
        except subprocess.TimeoutExpired:
            continue


def test_sliders_work_in_a_live_kernel(jupyter_lab: tuple[str, str]) -> None:
    base, token = jupyter_lab
    errors: list[str] = []
    foreign: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})

        def route(request_route, request) -> None:
            if urlsplit(request.url).netloc == urlsplit(base).netloc or request.url.startswith(
                ("data:", "blob:")
            ):
                request_route.continue_()
            else:
                foreign.append(request.url)
                request_route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/lab/tree/sigmoid.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        page.wait_for_selector(".jp-OutputArea-output .widget-slider", timeout=120_000)

        explorer = page.locator(".jp-OutputArea-output .widget-vbox").first
        explorer.scroll_into_view_if_needed()

        def shown() -> str:
            picture = explorer.locator("img:visible")
            picture.first.wait_for(state="visible")
            return picture.first.get_attribute("alt")

        before = shown()
        handle = explorer.locator(".noUi-handle").first
        track = handle.locator("xpath=ancestor::div[contains(@class,'noUi-target')]")
        start, end = handle.bounding_box(), track.bounding_box()
        page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
        page.mouse.down()
        page.mouse.move(end["x"] + end["width"] - 2, start["y"] + start["height"] / 2, steps=8)
        page.mouse.up()
        page.wait_for_function(NEW_FRAME, arg=[explorer.element_handle(), before], timeout=10_000)
        dragged = shown()
        handle.focus()
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(NEW_FRAME, arg=[explorer.element_handle(), dragged], timeout=10_000)
        stepped = shown()
        browser.close()

    assert "weight = 4" in dragged, dragged
    assert "weight = 2" in stepped, stepped
    assert before != dragged != stepped
    assert errors == []
    assert foreign == []
