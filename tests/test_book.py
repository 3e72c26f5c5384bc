"""The whole book builds with warnings as errors, and its pages keep the book's promises.

These tests read the HTML that ``jupyter-book build`` wrote (see ``conftest.py``): every
notebook executed without error, every picture has alt text, widget code is served from
the site and only on pages that have widgets, and pages stay light.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import static_math
from bs4 import BeautifulSoup
from conftest import BuildResult, built_pages, state_files, widget_states

pytestmark = pytest.mark.book

#: A page with pre-rendered frames must stay below this size (the issue's limit).
MAX_PAGE_BYTES = 2_000_000


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _widget_state(page: Path) -> dict | None:
    """The page's widget state, from the script it loads with its explorers' code."""
    states = widget_states(page)
    assert len(states) <= 1, f"{page.name} has {len(states)} widget states"
    return states[0] if states else None


def test_book_builds_with_warnings_as_errors(built_book: BuildResult) -> None:
    assert built_book.returncode == 0, built_book.log[-5000:]
    warnings = [line for line in built_book.log.splitlines() if "WARNING" in line]
    # The kernel's own start-up notice about TCP is not a Sphinx warning.
    warnings = [w for w in warnings if "IPKernelApp" not in w]
    assert warnings == []


def test_every_chapter_in_the_toc_was_built(built_book: BuildResult) -> None:
    toc = (Path(__file__).resolve().parents[1] / "_toc.yml").read_text()
    files = re.findall(r"file:\s*(\S+)", toc)
    assert files, "the table of contents lists no chapter"
    for name in files:
        assert (built_book.html / f"{name}.html").is_file(), name


def test_no_cell_raised_an_error(built_book: BuildResult) -> None:
    for page in built_pages(built_book.html):
        text = page.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" not in text, page.name
        assert 'class="output traceback' not in text, page.name


def _images(page: Path) -> list:
    """Every ``<img>`` of a page, those inside explorers' widget state included."""
    images = list(_soup(page).find_all("img"))
    state = _widget_state(page)
    if state:
        # Pictures inside explorers live in the widget state, as HTML widget values.
        for model in state["state"].values():
            value = model.get("state", {}).get("value")
            if isinstance(value, str) and "<img" in value:
                images += BeautifulSoup(value, "html.parser").find_all("img")
    return images


def test_every_image_has_alt_text(built_book: BuildResult) -> None:
    checked = 0
    for page in built_pages(built_book.html):
        images = _images(page)
        for image in images:
            if "logo" in " ".join(image.get("class", [])):
                continue
            assert image.get("alt", "").strip(), f"{page.name}: <img> without alt text"
            checked += 1
    assert checked > 0, "no image was checked: the alt-text test would pass vacuously"


def _mathml(tex: list[str]) -> list[str]:
    """The MathML (inside ``<math>``) that the build's MathJax writes for each formula."""
    answer = static_math.typeset({"": [static_math.Formula(t, display=True) for t in tex]})[""]
    assert answer["errors"] == []
    return [re.search(r"<math [^>]*>(.*)</math>", html).group(1) for html in answer["html"]]


def test_every_registered_activation_has_a_chapter(built_book: BuildResult) -> None:
    """Each activation's home chapter shows its formula (the registry's LaTeX) and a plot.

    The home is the chapter the atlas links to (``ab.home_chapter``); the atlas itself,
    which shows every formula and picture, does not count. The build typesets the
    formulas, so the page holds the formula's MathML (for screen readers), not its TeX.
    """
    import actbook as ab

    activations = list(ab.registry())
    homeless = []
    for activation, mathml in zip(
        activations, _mathml([a.latex for a in activations]), strict=True
    ):
        page = built_book.html / "chapters" / f"{ab.home_chapter(activation)}.html"
        alts = " ".join(image.get("alt", "") for image in _images(page))
        title = re.compile(rf"(?<![\w-]){re.escape(activation.title)}(?![\w-])", re.IGNORECASE)
        if not (mathml in page.read_text(encoding="utf-8") and title.search(alts)):
            homeless.append(f"{activation.name} (home: {ab.home_chapter(activation)})")
    assert homeless == [], "these home chapters do not show the formula and a plot"


def _text(element) -> str:
    """An element's text, with Sphinx's typographic apostrophes made plain again."""
    return element.get_text(strip=True).replace("\u2019", "'")


def _atlas_table(soup: BeautifulSoup, first_header: str) -> list[list]:
    """The rows (lists of cells) of the atlas table whose first column is ``first_header``."""
    for table in soup.find_all("table"):
        headers = [th.get_text(" ", strip=True) for th in table.find_all("th")]
        if headers and headers[0] == first_header:
            return [tr.find_all("td") for tr in table.find("tbody").find_all("tr")]
    raise AssertionError(f"the atlas has no table starting with {first_header!r}")


def test_atlas_lists_every_activation_as_computed(built_book: BuildResult) -> None:
    """One row per registered activation, with its link, picture and computed properties."""
    import actbook as ab

    soup = _soup(built_book.html / "chapters" / "atlas.html")
    rows = _atlas_table(soup, "Plot")
    expected = ab.atlas_rows()
    assert len(rows) == len(expected), "the atlas and the registry list different numbers"
    for cells, row in zip(rows, expected, strict=True):
        image, name_cell = cells[0].find("img"), cells[1]
        assert image is not None and row.title in image.get("alt", ""), row.name
        link = name_cell.find("a")
        assert link is not None and _text(link) == row.title, row.name
        assert link["href"].split("#")[0] == f"{row.chapter}.html", row.name
        assert f'ab.get("{row.name}")' in name_cell.get_text(), row.name
        printed = [c.get_text(strip=True) for c in cells[2:8]]
        computed = [
            row.range,
            row.derivative_range,
            row.smoothness,
            *("yes" if flag else "no" for flag in (row.monotonic, row.zero_centred, row.odd)),
        ]
        assert printed == computed, row.name
    formulas = _atlas_table(soup, "Activation")
    assert [_text(c[0]) for c in formulas] == [r.title for r in expected]


def test_atlas_overlay_offers_every_activation_in_both_menus(built_book: BuildResult) -> None:
    import actbook as ab

    state = _widget_state(built_book.html / "chapters" / "atlas.html")
    models = state["state"].values()
    menus = [m["state"] for m in models if m["model_name"] == "DropdownModel"]
    assert len(menus) == 2
    for menu in menus:
        assert menu["_options_labels"] == [a.title for a in ab.registry()]
    stacks = [m["state"] for m in models if m["model_name"] == "StackModel"]
    assert sorted(len(s["children"]) for s in stacks) == [len(ab.names())] * 2
    pictures = [m for m in models if "<img" in str(m.get("state", {}).get("value", ""))]
    assert len(pictures) == 2 * len(ab.names()) + 1


def test_widget_code_is_local_and_only_on_widgetbuilt_pages(built_book: BuildResult) -> None:
    widget_pages = 0
    for page in built_pages(built_book.html):
        soup = _soup(page)
        sources = [s.get("src", "") for s in soup.find_all("script")]
        embeds = [s for s in sources if "html-manager/embed.js" in s]
        if _widget_state(page):
            widget_pages += 1
            assert len(embeds) == 1, f"{page.name} loads the widget code {len(embeds)} times"
        else:
            assert embeds == [], f"{page.name} has no widget but loads the widget code"
    assert widget_pages > 0


def test_no_page_references_another_host(built_book: BuildResult) -> None:
    for page in built_pages(built_book.html):
        soup = _soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                target = element.get(attribute, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []):
                    continue
                assert not re.match(r"^(https?:)?//", target), f"{page.name}: {target}"
        for script in soup.find_all("script"):
            assert "unpkg.com" not in (script.string or ""), page.name


def test_mathjax_fonts_are_served_by_the_site(built_book: BuildResult) -> None:
    fonts = built_book.html / "_static" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2"
    assert any(fonts.glob("*.woff"))
    # The formulas were typeset when the book was built (tests/test_static_math.py): the
    # page carries them finished and names the site's fonts, not MathJax's script.
    page = _soup(built_book.html / "chapters" / "sigmoid.html")
    assert page.select(".math mjx-container")
    assert (
        "_static/mathjax/output/chtml/fonts/woff-v2/"
        in page.head.find("style", id="MJX-CHTML-styles").string
    )
    assert not any("mathjax" in s.get("src", "") for s in page.find_all("script"))


def test_pages_stay_light(built_book: BuildResult) -> None:
    for page in built_pages(built_book.html):
        # The explorers' frames, in the state script, count as part of the page.
        size = sum(path.stat().st_size for path in [page, *state_files(page)])
        assert size < MAX_PAGE_BYTES, f"{page.name}: {size} bytes"


def test_sigmoid_page_has_a_live_explorer(built_book: BuildResult) -> None:
    state = _widget_state(built_book.html / "chapters" / "sigmoid.html")
    assert state is not None
    models = [m["model_name"] for m in state["state"].values()]
    assert models.count("SelectionSliderModel") == 2
    assert models.count("ToggleButtonsModel") == 1
    assert "DirectionalLinkModel" in models
    assert models.count("StackModel") >= 3
