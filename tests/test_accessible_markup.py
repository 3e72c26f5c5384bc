"""The accessible_markup extension: citations are list items of the bibliography's list."""

from __future__ import annotations

import accessible_markup
import pytest
from bs4 import BeautifulSoup
from conftest import BuildResult

CITATIONS = (
    '<div role="list" class="citation-list">\n'
    '<div class="citation" id="id1" role="doc-biblioentry"><p>A.</p></div>\n'
    '<div class="citation" id="id2" role="doc-biblioentry"><p>B.</p></div>\n</div>'
)


def test_each_citation_becomes_a_list_item_of_its_list() -> None:
    soup = BeautifulSoup(accessible_markup.accessible_body(CITATIONS), "html.parser")
    items = soup.select('[role="list"] > div.citation')
    assert [item["role"] for item in items] == ["listitem", "listitem"]
    assert accessible_markup.accessible_body("<p>doc-biblioentry in text</p>") == (
        "<p>doc-biblioentry in text</p>"
    )


@pytest.mark.book
def test_no_page_uses_the_deprecated_role(built_book: BuildResult) -> None:
    bibliography = (built_book.html / "bibliography.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(bibliography, "html.parser")
    lists = soup.select('[role="list"]')
    assert lists and all(
        child.get("role") == "listitem" for lst in lists for child in lst.find_all(recursive=False)
    )
    for page in built_book.html.rglob("*.html"):
        assert accessible_markup.DEPRECATED_ROLE not in page.read_text(encoding="utf-8"), page
