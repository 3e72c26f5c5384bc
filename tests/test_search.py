"""Search finds what readers type: library names and synonyms lead to their chapter.

The built site's search runs in the browser on ``searchindex.js``. These tests look a
query up as Sphinx's ``searchtools.js`` does for its strongest matches: section titles
and index entries that contain the query (and are at most twice as long), and the
stemmed words of titles.
"""

from __future__ import annotations

import json

import pytest
from conftest import BuildResult
from sphinx.search.en import SearchEnglish

pytestmark = pytest.mark.book

#: What a reader types -> the chapter that must come up.
QUERIES = {
    "swish": "chapters/silu",
    "logistic": "chapters/sigmoid",
    "expit": "chapters/sigmoid",
    "ReLU6": "chapters/hardware_friendly",
    "hardswish": "chapters/hardware_friendly",
    "hard_silu": "chapters/hardware_friendly",
    "gelu_new": "chapters/gelu",
    "Heaviside": "chapters/step",
    "rectifier": "chapters/relu",
    "softargmax": "chapters/softmax",
    "SwiGLU": "chapters/gated_units",
    "Mish": "chapters/smooth_relus",
    "SIREN": "chapters/beyond_ridges",
    "SELU": "chapters/elu_selu",
    "sparsemax": "chapters/sparse_squared",
}


@pytest.fixture(scope="module")
def index(built_book: BuildResult) -> dict:
    assert built_book.returncode == 0, built_book.log[-3000:]
    text = (built_book.html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def strong_matches(index: dict, query: str) -> set[str]:
    """The documents searchtools.js ranks first for ``query``."""
    docs = index["docnames"]
    lower = query.lower().strip()
    found = set()
    for table in (index["alltitles"], index["indexentries"]):
        for entry, hits in table.items():
            if lower in entry.lower() and len(lower) >= len(entry) / 2:
                found.update(docs[hit[0]] for hit in hits)
    stem = SearchEnglish({}).stem(lower)
    hits = index["titleterms"].get(stem, [])
    found.update(docs[h] for h in ([hits] if isinstance(hits, int) else hits))
    return found


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_search_finds_the_chapter(index: dict, query: str) -> None:
    assert QUERIES[query] in strong_matches(index, query), strong_matches(index, query)


def test_a_word_in_no_title_or_entry_finds_nothing_strong(index: dict) -> None:
    # The check can fail: a query that names nothing gives no strong match.
    assert strong_matches(index, "xylophone") == set()
