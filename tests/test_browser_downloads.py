"""A reader downloads a chapter as a notebook from the page's download menu, in a browser.

Playwright drives Debian's Chromium against the built site served on 127.0.0.1: it opens
each chapter, opens the download menu, chooses ``.ipynb`` and keeps the file the browser
saves. The file must be a valid notebook of that chapter (the same code cells as its
MyST source) that holds the outputs of the build, with the widget state when the page
shows widgets. test_notebook_downloads.py checks the same files on disk; this test checks
that a reader's clicks get them.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest
from conftest import ROOT, has_explorers
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def _chapters() -> list[str]:
    return sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))


@pytest.mark.parametrize("chapter", _chapters())
def test_the_download_menu_gives_the_executed_notebook(
    browser: Browser, site_url: str, chapter: str, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/chapters/{chapter}.html", wait_until="load")
        menu = page.locator(".dropdown-download-buttons")
        notebook_item = menu.locator(".btn-download-notebook-button")
        # Hidden until the menu opens, so the reader's two clicks are needed.
        assert not notebook_item.is_visible()
        menu.locator("button.dropdown-toggle").click()
        notebook_item.wait_for(state="visible")
        assert notebook_item.inner_text().strip() == ".ipynb"
        with page.expect_download() as download_info:
            notebook_item.click()
        download = download_info.value
        assert download.failure() is None
        assert download.suggested_filename == f"{chapter}.ipynb"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        has_widgets = has_explorers(page.content())
    finally:
        context.close()

    notebook = nbformat.read(saved, as_version=4)
    nbformat.validate(notebook)
    source = jupytext.read(ROOT / "chapters" / f"{chapter}.md")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    # With a repository set, launch_buttons.py adds an install cell in front.
    chapter_code = [c for c in code if "install-actbook" not in c.metadata.get("tags", [])]
    assert [c.source for c in chapter_code] == [
        c.source for c in source.cells if c.cell_type == "code"
    ]
    assert any(cell.outputs for cell in code), "the notebook has no outputs"
    assert all(cell.execution_count is not None for cell in code), "a cell was not executed"
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert ("widgets" in notebook.metadata) == has_widgets
