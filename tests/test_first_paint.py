"""The first_paint extension's rewriting of a page's head, on its own (no build).

``tests/test_page_budget.py`` checks the built pages; these tests pin down what the filter
and the page hooks do to each kind of script.
"""

from __future__ import annotations

from typing import ClassVar

import first_paint
from sphinx.builders.html._assets import _JavaScript

STATE = "application/vnd.jupyter.widget-state+json"


def test_a_blocking_script_is_deferred_and_others_are_left_alone() -> None:
    head = (
        '<script src="_static/doctools.js?v=1"></script>'
        '<script defer="defer" src="_static/mathjax/tex-chtml.js"></script>'
        '<script async="async" src="_static/a.js"></script>'
        '<script src="_static/embed.js" type="text/plain" data-on-demand="widgets"></script>'
        "<script>let toggleHintShow = 'Click to show';</script>"
    )
    out = str(first_paint.first_paint(head))
    assert '<script defer src="_static/doctools.js?v=1"></script>' in out
    assert '<script defer="defer" src="_static/mathjax/tex-chtml.js"></script>' in out
    assert '<script async="async" src="_static/a.js"></script>' in out
    assert 'type="text/plain" data-on-demand="widgets"' in out
    assert "<script>let toggleHintShow = 'Click to show';</script>" in out


def test_an_inline_script_that_needs_a_deferred_one_becomes_a_module() -> None:
    out = str(first_paint.first_paint("<script>DOCUMENTATION_OPTIONS.pagename = 'a';</script>"))
    assert out == "<script type=\"module\">DOCUMENTATION_OPTIONS.pagename = 'a';</script>"


def test_the_icon_script_is_dropped() -> None:
    head = '<script defer src="../_static/scripts/fontawesome.js?digest=1"></script><p>x</p>'
    assert str(first_paint.first_paint(head)) == "<p>x</p>"


def test_blocks_parser_reads_the_attributes() -> None:
    assert first_paint.blocks_parser(' src="a.js"')
    assert first_paint.blocks_parser(' type="text/javascript" src="a.js"')
    assert not first_paint.blocks_parser(' defer src="a.js"')
    assert not first_paint.blocks_parser(' type="module" src="a.js"')
    assert not first_paint.blocks_parser(' type="application/json" src="a.json"')
    assert not first_paint.blocks_parser("")  # inline: nothing to fetch


class _Config:
    mathjax_path = "mathjax/tex-chtml.js"


class _App:
    """A book without static_math: pages with a formula typeset it in the browser."""

    config = _Config()
    extensions: ClassVar[dict] = {}


class _StaticMathApp(_App):
    """The book as it is: static_math has typeset every formula at build time."""

    extensions: ClassVar[dict] = {"static_math": object()}


def _scripts(*extra: _JavaScript) -> list[_JavaScript]:
    return [
        _JavaScript("doctools.js"),
        _JavaScript("", body='window.MathJax = {"options": {}}'),
        # As Sphinx files it: a relative mathjax_path goes under _static/.
        _JavaScript("_static/mathjax/tex-chtml.js", defer="defer"),
        *extra,
    ]


def test_mathjax_is_dropped_from_a_page_without_maths() -> None:
    context = {"script_files": _scripts(), "body": "<p>Text.</p>"}
    first_paint._mathjax_where_needed(_App(), "intro", "page.html", context, None)
    assert [str(s.filename) for s in context["script_files"]] == ["doctools.js"]


WITH_MATHS = '<p>A formula <span class="math notranslate nohighlight">\\(x^2\\)</span></p>'


def test_without_static_math_mathjax_stays_on_a_page_with_a_formula() -> None:
    assert first_paint.has_maths(WITH_MATHS)
    assert not first_paint.has_maths('<p class="mathematics">no formula</p>')
    context = {"script_files": _scripts(), "body": WITH_MATHS}
    first_paint._mathjax_where_needed(_App(), "a", "page.html", context, None)
    assert len(context["script_files"]) == 3


def test_with_static_math_no_page_loads_mathjax_not_even_with_an_explorer() -> None:
    # No explorer's label holds TeX (test_page_budget.py), so the widgets need none either.
    state = _JavaScript(None, type=STATE, body="{}")
    for body, extra in ((WITH_MATHS, ()), ("<p>Text.</p>", (state,))):
        context = {"script_files": _scripts(*extra), "body": body}
        first_paint._mathjax_where_needed(_StaticMathApp(), "a", "page.html", context, None)
        assert context["script_files"][0].filename == "doctools.js"
        assert context["script_files"][1:] == list(extra)
