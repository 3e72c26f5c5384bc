"""The css_bundle extension: one stylesheet per page, with the same rules as the many.

The first tests run the filter and the bundle writer on a small made-up site; the last
ones check the built book (every page links one bundle, and every address in a bundle
names a file of the site).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import css_bundle
import pytest
from bs4 import BeautifulSoup
from conftest import BuildResult
from test_page_budget import every_page

HEAD = (
    '<link href="../_static/styles/theme.css?digest=abc" rel="stylesheet" />\n'
    '<link rel="stylesheet" type="text/css" href="../_static/pygments.css?v=1" />\n'
    '<link rel="stylesheet" href="https://example.org/remote.css" />\n'
    '<link rel="stylesheet" href="../_static/print.css" media="print" />\n'
    '<link rel="stylesheet" type="text/css" href="../_static/book.css?v=2" />\n'
    '<link rel="preload" as="script" href="../_static/scripts/a.js" />\n'
)


def _site(root: Path) -> Path:
    static = root / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "vendor" / "fonts").mkdir(parents=True)
    (static / "vendor" / "fonts" / "icons.woff2").write_bytes(b"font")
    (static / "basic.css").write_text('@charset "utf-8";\n.basic { background: url(file.png); }\n')
    (static / "file.png").write_bytes(b"png")
    (static / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n'
        '@font-face { src: url("../vendor/fonts/icons.woff2") format("woff2"); }\n'
        ".x { background: url(\"data:image/svg+xml;charset=utf-8,%3Csvg fill='rgba(0, 0, 0, 0.5)'"
        '%3E%3C/svg%3E"); }\n'
        ".y { mask: url('#m'); }\n"
        "/*# sourceMappingURL=theme.css.map */\n"
    )
    (static / "pygments.css").write_text(".highlight { color: red; }\n")
    (static / "book.css").write_text(".book { color: blue; }\n")
    return root


def test_local_stylesheets_become_one_link_in_their_place(tmp_path: Path) -> None:
    out = str(css_bundle.bundle_stylesheets(HEAD, tmp_path))
    links = re.findall(r"<link\b[^>]*>", out)
    bundled = [link for link in links if "_static/bundles/" in link]
    assert len(bundled) == 1
    # The bundle stands where the first of them stood; what it cannot hold stays.
    assert links[0] == bundled[0]
    assert 'href="https://example.org/remote.css"' in out
    assert 'media="print"' in out
    assert 'rel="preload"' in out
    assert "theme.css" not in out and "pygments.css" not in out and "book.css" not in out
    assert "\n\n" not in out
    key = re.search(r"bundles/(\w+)\.css", bundled[0]).group(1)
    record = json.loads((tmp_path / "_static" / "bundles" / f"{key}.json").read_text())
    assert record == ["styles/theme.css", "pygments.css", "book.css"]
    assert bundled[0].startswith('<link rel="stylesheet"') and 'href="../_static/' in bundled[0]


def test_a_changed_file_version_gives_another_bundle(tmp_path: Path) -> None:
    first = str(css_bundle.bundle_stylesheets(HEAD, tmp_path))
    second = str(
        css_bundle.bundle_stylesheets(HEAD.replace("book.css?v=2", "book.css?v=3"), tmp_path)
    )
    assert first != second
    assert len(list((tmp_path / "_static" / "bundles").glob("*.json"))) == 2


def test_a_single_stylesheet_is_left_alone(tmp_path: Path) -> None:
    head = '<link rel="stylesheet" href="_static/book.css" />'
    assert str(css_bundle.bundle_stylesheets(head, tmp_path)) == head
    assert not (tmp_path / "_static" / "bundles").exists()


def test_the_bundle_inlines_imports_and_rebases_addresses(tmp_path: Path) -> None:
    site = _site(tmp_path)
    css_bundle.bundle_stylesheets(HEAD, site)
    [bundle] = css_bundle.write_bundles(site)
    text = bundle.read_text()
    # In the links' order, with theme.css's import in place of the @import rule.
    order = [text.index(marker) for marker in (".basic", "@font-face", ".highlight", ".book")]
    assert order == sorted(order)
    assert "@import" not in text and "@charset" not in text and "sourceMappingURL" not in text
    assert 'url("../file.png")' in text
    assert 'url("../vendor/fonts/icons.woff2")' in text
    assert "rgba(0, 0, 0, 0.5)" in text  # a data: address is kept whole
    assert "url('#m')" in text
    for address in re.findall(r'url\("(\.\./[^"]*)"\)', text):
        assert (bundle.parent / address).resolve().is_file(), address


def test_an_import_cycle_is_inlined_once(tmp_path: Path) -> None:
    static = tmp_path / "_static"
    static.mkdir()
    (static / "a.css").write_text('@import "b.css";\n.a {}\n')
    (static / "b.css").write_text("@import url(a.css);\n.b {}\n")
    text = css_bundle.stylesheet_text(static, "a.css", "bundles")
    assert text.count(".a {}") == 1 and text.count(".b {}") == 1


@pytest.mark.book
def test_every_page_links_one_stylesheet_whose_addresses_exist(built_book: BuildResult) -> None:
    bundles = set()
    # Every page, the search page included, but the redirect index.html (no <head>).
    pages = [p for p in every_page(built_book.html) if p != built_book.html / "index.html"]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [
            link["href"]
            for link in soup.head.find_all("link", href=True)
            if "stylesheet" in (link.get("rel") or [])
        ]
        assert len(links) == 1 and "_static/bundles/" in links[0], (page.name, links)
        bundles.add((page.parent / links[0].split("?")[0]).resolve())
    assert len(pages) >= 20
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        # The theme's rules and the book's own are both in it.
        assert ".bd-header" in text and "/* book.css */" in text
        for address in re.findall(r'url\("(?!data:|#)([^"]*)"\)', text):
            assert (bundle.parent / address.split("?")[0].split("#")[0]).is_file(), address


@pytest.mark.book
def test_each_bundle_holds_the_current_text_of_its_files(built_book: BuildResult) -> None:
    # The theme rewrites pygments.css at the end of the build; a bundle written before
    # that would keep the old colours.
    static = built_book.html / "_static"
    records = sorted((built_book.html / css_bundle.BUNDLES).glob("*.json"))
    assert records
    for record in records:
        paths = json.loads(record.read_text(encoding="utf-8"))
        expected = "\n".join(css_bundle.stylesheet_text(static, p, "bundles") for p in paths)
        assert record.with_suffix(".css").read_text(encoding="utf-8") == expected, record.name
