"""Markup that assistive technology reads correctly, where docutils' is out of date.

docutils writes every citation of the bibliography as ``<div role="doc-biblioentry">``
inside ``<div role="list">``. DPUB-ARIA 1.1 deprecates ``doc-biblioentry`` (a list item
of a ``doc-bibliography`` says the same), and a ``list`` must own ``listitem`` children, so
axe (Lighthouse's accessibility audit) fails the page on three counts. The citations become
list items of that list, which is what the markup means.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

DEPRECATED_ROLE = 'role="doc-biblioentry"'
LIST_ITEM_ROLE = 'role="listitem"'


def accessible_body(body: str) -> str:
    """``body`` (a page's HTML) with each citation marked as a list item."""
    return body.replace(DEPRECATED_ROLE, LIST_ITEM_ROLE)


def _rewrite(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "body" in context:
        context["body"] = accessible_body(context["body"])


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page hook."""
    app.connect("html-page-context", _rewrite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
