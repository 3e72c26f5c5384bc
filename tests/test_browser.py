"""A real browser opens the built book: sliders move the plots, nothing breaks or leaks.

Playwright drives Debian's Chromium (``/usr/bin/chromium``) against the site served on
127.0.0.1. Every request to another host is blocked and recorded; any console error or
uncaught exception fails the test. Every control is also named by its visible label
(the accessible name a screen reader speaks), and a slider speaks the value its readout
shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import has_explorers
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = pytest.mark.browser

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@dataclass
class PageReport:
    """What one page did while it was open."""

    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def open_page(browser: Browser, site_url: str, path: str) -> tuple[Page, PageReport]:
    """Open ``path`` with error and request tracking; wait for widgets and math."""
    report = PageReport()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    host = urlsplit(site_url).netloc

    def route(request_route, request) -> None:
        report.requests.append(request.url)
        if urlsplit(request.url).netloc == host or request.url.startswith("data:"):
            request_route.continue_()
        else:
            report.foreign_requests.append(request.url)
            request_route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and report.errors.append(m.text))
    page.on("pageerror", lambda e: report.errors.append(str(e)))
    page.goto(f"{site_url}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, report


def visible_picture(explorer: Locator) -> tuple[tuple[str, str], ...]:
    """The ``(src, alt)`` of each picture the explorer currently shows.

    The HTML manager renders only the selected child of a stack, so the frame is known by
    its pictures and their alt texts (which name the settings: two settings may draw the
    same picture, as a step function does for every positive weight). Most explorers show
    one picture; an overlay shows its axes and one layer per control, laid on each other.
    """
    pictures = explorer.locator("img:visible")
    pictures.first.wait_for(state="visible")
    count = pictures.count()
    assert count in (1, 3), f"an explorer shows one picture or an overlay of three, not {count}"
    return tuple(
        (pictures.nth(i).get_attribute("src"), pictures.nth(i).get_attribute("alt"))
        for i in range(count)
    )


def explorers(page: Page) -> Locator:
    """The outermost widget boxes on the page, one per explorer."""
    return page.locator(".cell_output > .widget-subarea > .widget-vbox")


def wake_explorers(page: Page) -> Locator:
    """Scroll to the first explorer, as a reader does: its code loads; return the boxes."""
    page.evaluate(
        f"""document.querySelector('script[type="{WIDGET_VIEW}"]')
        .parentElement.scrollIntoView()"""
    )
    boxes = explorers(page)
    boxes.first.wait_for(state="visible", timeout=30_000)
    return boxes


def all_pages(site_root: Path) -> list[str]:
    skip = {"genindex.html", "search.html"}
    return sorted(
        str(p.relative_to(site_root))
        for p in site_root.rglob("*.html")
        if p.name not in skip and "_static" not in p.parts
    )


def test_every_page_loads_cleanly(browser: Browser, site_url: str, built_book) -> None:
    pages = all_pages(built_book.html)
    assert len(pages) >= 3
    for path in pages:
        page, report = open_page(browser, site_url, path)
        if page.locator(".math").count():
            # Some math sits in collapsed solutions: wait for it to be typeset, not shown.
            page.wait_for_selector("mjx-container", state="attached", timeout=15_000)
        page.context.close()
        assert report.errors == [], f"{path}: {report.errors}"
        assert report.foreign_requests == [], f"{path}: {report.foreign_requests}"


def widget_pages(site_root: Path) -> list[str]:
    """Pages whose HTML places explorers: every one of them is exercised."""
    return [p for p in all_pages(site_root) if has_explorers((site_root / p).read_text())]


def test_the_sigmoid_chapter_has_widgets(built_book) -> None:
    assert "chapters/sigmoid.html" in widget_pages(built_book.html)


def test_every_control_moves_the_plot_with_mouse_and_keyboard(
    browser: Browser, site_url: str, built_book
) -> None:
    pages = widget_pages(built_book.html)
    assert pages
    for path in pages:
        exercise_page(browser, site_url, path)


def exercise_page(browser: Browser, site_url: str, path: str) -> None:
    """Move every control of every explorer on ``path``; each move must switch the frame."""
    page, report = open_page(browser, site_url, path)
    boxes = wake_explorers(page)
    assert boxes.count() >= 1
    moved = 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        check_control_names(box)
        for handle in box.locator(".noUi-handle").all():
            moved += _exercise_slider(page, box, handle, path)
        for toggle in box.locator(".widget-toggle-buttons").all():
            moved += _exercise_toggle(page, box, toggle, path)
        for menu in box.locator(".widget-dropdown select").all():
            moved += _exercise_menu(page, box, menu, path)
    page.context.close()
    assert moved > 0, f"{path}: no control was exercised"
    assert report.errors == [], f"{path}: {report.errors}"
    assert report.foreign_requests == [], f"{path}: {report.foreign_requests}"


def check_control_names(box: Locator) -> int:
    """Each control of ``box`` has its visible label as accessible name; returns how many.

    Sliders (the noUiSlider handle, role ``slider``) also speak the readout's text as their
    value; rows of toggle buttons are a named group whose pressed button says so; a
    dropdown's ``<select>`` is named by its label.
    """
    named = 0
    for control in box.locator(".widget-slider").all():
        label = control.locator(":scope > label.widget-label").inner_text().strip()
        handle = control.locator(".noUi-handle")
        expect(handle).to_have_accessible_name(label)
        readout = control.locator(".widget-readout").inner_text().strip()
        expect(handle).to_have_attribute("aria-valuetext", readout)
        named += 1
    for control in box.locator(".widget-toggle-buttons").all():
        label = control.locator(":scope > label.widget-label").inner_text().strip()
        expect(control.get_by_role("group")).to_have_accessible_name(label)
        pressed = control.locator("button[aria-pressed='true']")
        expect(pressed).to_have_count(1)
        expect(pressed).to_have_class(re.compile(r"\bmod-active\b"))
        named += 1
    for control in box.locator(".widget-dropdown").all():
        label = control.locator(":scope > label.widget-label").inner_text().strip()
        expect(control.locator("select")).to_have_accessible_name(label)
        named += 1
    for label in box.locator("label.widget-label").all():
        # The manager writes a missing tooltip as the text "null".
        assert label.get_attribute("title") != "null"
    return named


def _exercise_slider(page: Page, box: Locator, handle: Locator, path: str) -> int:
    """Drag the handle to the far end with the mouse, then step back with the keyboard."""
    track = handle.locator("xpath=ancestor::div[contains(@class,'noUi-target')]")
    before_value = handle.get_attribute("aria-valuenow")
    before = visible_picture(box)
    start = handle.bounding_box()
    end = track.bounding_box()
    assert start and end
    at_right_end = float(before_value) >= float(handle.get_attribute("aria-valuemax"))
    target_x = end["x"] + (2 if at_right_end else end["width"] - 2)
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(target_x, start["y"] + start["height"] / 2, steps=8)
    page.mouse.up()
    _wait_for_change(page, lambda: handle.get_attribute("aria-valuenow") != before_value)
    after_mouse = visible_picture(box)
    assert after_mouse != before, f"{path}: dragging a slider did not change the plot"

    handle.focus()
    key = "ArrowRight" if at_right_end else "ArrowLeft"
    dragged_value = handle.get_attribute("aria-valuenow")
    page.keyboard.press(key)
    _wait_for_change(page, lambda: handle.get_attribute("aria-valuenow") != dragged_value)
    after_key = visible_picture(box)
    assert after_key != after_mouse, f"{path}: {key} on a focused slider did not change the plot"
    readout = handle.locator("xpath=ancestor::div[contains(@class,'widget-slider')]")
    expect(handle).to_have_attribute(
        "aria-valuetext", readout.locator(".widget-readout").inner_text().strip()
    )
    return 1


def _exercise_toggle(page: Page, box: Locator, toggle: Locator, path: str) -> int:
    """Click an inactive button, then go back to the first choice with the keyboard."""
    buttons = toggle.locator("button")
    active = [
        i for i in range(buttons.count()) if "mod-active" in buttons.nth(i).get_attribute("class")
    ]
    assert len(active) == 1
    original = buttons.nth(active[0])
    before = visible_picture(box)
    toggle.locator("button:not(.mod-active)").first.click()
    after_click = visible_picture(box)
    assert after_click != before, f"{path}: clicking a toggle button did not change the plot"
    original.focus()
    page.keyboard.press("Enter")
    _wait_for_change(page, lambda: visible_picture(box) != after_click)
    assert visible_picture(box) == before, f"{path}: the keyboard did not switch a toggle back"
    return 1


def _exercise_menu(page: Page, box: Locator, menu: Locator, path: str) -> int:
    """Choose the last option with the mouse's way (select_option), then step with a key."""
    before = visible_picture(box)
    options = menu.locator("option")
    chosen = menu.input_value()
    last = options.nth(options.count() - 1).get_attribute("value")
    target = last if last != chosen else options.nth(0).get_attribute("value")
    menu.select_option(target)
    _wait_for_change(page, lambda: visible_picture(box) != before)
    after_pick = visible_picture(box)
    menu.focus()
    key = "ArrowUp" if target == last else "ArrowDown"
    page.keyboard.press(key)
    _wait_for_change(page, lambda: visible_picture(box) != after_pick)
    assert menu.input_value() != target, f"{path}: {key} on a focused menu did not move it"
    return 1


def _wait_for_change(page: Page, changed, timeout_ms: int = 5_000) -> None:
    waited = 0
    while not changed():
        if waited >= timeout_ms:
            raise AssertionError("the page did not react within 5 s")
        page.wait_for_timeout(50)
        waited += 50


def test_explorer_pictures_describe_themselves(browser: Browser, site_url: str) -> None:
    page, _ = open_page(browser, site_url, "chapters/sigmoid.html")
    box = wake_explorers(page).first
    alt = box.locator("img:visible").first.get_attribute("alt")
    page.context.close()
    assert re.search(r"Plot of the .+ for x from", alt or "")


def test_explorer_code_loads_only_when_an_explorer_is_reached(
    browser: Browser, site_url: str
) -> None:
    """The text comes first: the frames and the widget manager come once an explorer is near."""
    page, report = open_page(browser, site_url, "chapters/sigmoid.html")
    assert page.locator("article p").first.is_visible()
    on_demand = ("widget-state/chapters/sigmoid.js", "html-manager/embed.js")
    for name in on_demand:
        assert not [url for url in report.requests if name in url], f"{name} came with the page"
    assert page.locator(f'script[type="{WIDGET_STATE}"]').count() == 0
    assert explorers(page).count() == 0
    # Meanwhile each explorer's still poster stands in its place, picture and alt text
    # included (explorer_posters.py); the live explorer replaces it.
    posters = page.locator(".explorer-poster")
    assert posters.count() == page.locator(f'script[type="{WIDGET_VIEW}"]').count() > 0
    assert posters.first.locator("img").first.get_attribute("alt")
    wake_explorers(page)
    page.wait_for_function("!document.querySelector('.explorer-poster').offsetParent")
    page.context.close()
    for name in on_demand:
        assert [url for url in report.requests if name in url], f"{name} was never loaded"
    assert report.errors == [], report.errors


def test_explorers_work_from_a_page_opened_from_disk(browser: Browser, built_book) -> None:
    """A reader who opens the built HTML file itself (file://) gets live explorers too."""
    exercise_page(browser, built_book.html.as_uri(), "chapters/sigmoid.html")
