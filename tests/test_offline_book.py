"""The offline_book extension's page hook, on its own (no build)."""

from __future__ import annotations

import offline_book
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript


def test_thebe_script_and_stylesheet_leave_every_page() -> None:
    context = {
        "script_files": [
            _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
            _JavaScript("", body='const THEBE_JS_URL = "https://example.org/thebe.js"'),
            _JavaScript("_static/doctools.js"),
        ],
        "css_files": [
            _CascadingStyleSheet("_static/sphinx-thebe.css"),
            _CascadingStyleSheet("_static/book.css"),
        ],
    }
    offline_book._drop_thebe(None, "a", "page.html", context, None)
    assert [str(s.filename) for s in context["script_files"]] == ["_static/doctools.js"]
    assert [str(s.filename) for s in context["css_files"]] == ["_static/book.css"]
