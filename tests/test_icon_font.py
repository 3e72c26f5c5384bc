"""The icon_font extension: the theme's icon fonts hold exactly the icons the site shows.

The unit tests run the parts on small inputs (a made-up stylesheet, a made-up site, one
of matplotlib's fonts); the book test reads the built site's fonts back with fontTools.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import icon_font
import matplotlib
import pytest
from conftest import BuildResult
from fontTools.ttLib import TTFont

STYLESHEET = (
    '.fa-magnifying-glass:before,.fa-search:before{content:"\\f002"}'
    '.fa-bars:before{content:"\\f0c9"}.fa-lg{font-size:1.25em}'
    '.fa-sun:after{content:"\\f185"}'
)


def test_the_stylesheet_gives_each_class_its_code_point() -> None:
    assert icon_font.icon_code_points(STYLESHEET) == {
        "fa-magnifying-glass": 0xF002,
        "fa-search": 0xF002,
        "fa-bars": 0xF0C9,
        "fa-sun": 0xF185,
    }


def test_pages_and_the_scripts_they_load_are_read_but_not_those_on_demand(tmp_path: Path) -> None:
    static = tmp_path / "_static"
    (static / "scripts").mkdir(parents=True)
    (static / "scripts" / "theme.js").write_text('button.className = "fa-solid fa-xmark";')
    (static / "embed.js").write_text("fa-rocket fa-anchor")  # loaded on demand only
    (static / "fontawesome.js").write_text("fa-bomb")
    (static / "unused.js").write_text("fa-bug")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "page.html").write_text(
        '<script defer src="../_static/scripts/theme.js?v=1"></script>'
        '<script type="text/plain" data-on-demand="widgets" src="../_static/embed.js"></script>'
        '<script src="../_static/fontawesome.js"></script>'
        '<script src="https://example.org/remote.js"></script>'
        '<i class="fa-solid fa-magnifying-glass fa-lg"></i>'
    )
    files = icon_font.site_files(tmp_path)
    assert {f.name for f in files} == {"page.html", "theme.js"}
    assert icon_font.used_classes(files) == {"fa-solid", "fa-xmark", "fa-magnifying-glass", "fa-lg"}


def test_a_subset_font_keeps_exactly_the_code_points_asked_for(tmp_path: Path) -> None:
    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    font = tmp_path / "font.ttf"
    shutil.copy(source, font)
    before, after = icon_font.subset_font(font, {ord("a"), ord("z")})
    assert before == source.stat().st_size and after < before / 10
    with TTFont(font) as cut:
        assert set(cut.getBestCmap()) == {ord("a"), ord("z")}


def test_a_site_without_icon_fonts_is_left_alone(tmp_path: Path) -> None:
    assert icon_font.subset_icon_fonts(tmp_path) == {}


@pytest.mark.book
def test_every_icon_a_page_shows_is_in_the_cut_fonts(built_book: BuildResult) -> None:
    site = built_book.html
    points = icon_font.icon_code_points((site / icon_font.STYLESHEET).read_text(encoding="utf-8"))
    used = {
        points[name]
        for name in icon_font.used_classes(icon_font.site_files(site))
        if name in points
    }
    # The header's search, menu, mode and download buttons at least.
    assert {0xF002, 0xF0C9, 0xF185, 0xF186} <= used
    fonts = site / icon_font.FONTS
    with TTFont(fonts / "fa-solid-900.woff2") as font:
        solid = set(font.getBestCmap())
    assert used <= solid, sorted(hex(p) for p in used - solid)
    for font in fonts.iterdir():
        assert font.stat().st_size < 20_000, f"{font.name} was not cut down"
