"""The static_math extension: formulas typeset at build time, on their own and in the book.

The first tests find and replace formulas in HTML as Sphinx writes it and run the pinned
MathJax in Node on a few formulas; the last ones read the built book (``conftest.py``).
The fixture book's build with a formula that is not TeX is in ``test_fixture_book.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import static_math
from bs4 import BeautifulSoup
from conftest import BuildResult, built_pages
from static_math import Formula

INLINE = '<span class="math notranslate nohighlight">\\(x &lt; \\sigma(x)\\)</span>'
DISPLAY = '<div class="math notranslate nohighlight">\n\\[\nf(x) = \\frac{1}{1 + e^{-x}}\n\\]</div>'
NUMBERED = (
    '<div class="math notranslate nohighlight" id="equation-a">\n<span class="eqno">(1)'
    '<a class="headerlink" href="#equation-a" title="Link to this equation">#</a></span>'
    "\\begin{align}a &amp;= b\\end{align}</div>"
)
PAGE = f"<html><head><title>t</title></head><body><p>{INLINE} and {INLINE}</p>{DISPLAY}{NUMBERED}"
PAGE += "</body></html>"
#: TeX left for a browser to typeset: what Sphinx writes for MathJax.
UNTYPESET = re.compile(r'class="math notranslate nohighlight"[^>]*>\s*(\\\(|\\\[|\\begin)')
FONTS = re.compile(r'url\("([^"]*)"\)')


def test_formulas_are_found_unescaped_in_order_each_once() -> None:
    assert static_math.formulas(PAGE) == [
        Formula("x < \\sigma(x)", display=False),
        Formula("f(x) = \\frac{1}{1 + e^{-x}}", display=True),
        Formula("\\begin{align}a &= b\\end{align}", display=True),
    ]
    assert static_math.formulas("<p>No maths, not even <code>\\(x\\)</code>.</p>") == []


def test_typeset_page_keeps_the_elements_and_their_numbers() -> None:
    found = static_math.formulas(PAGE)
    rendered = {f: f"<mjx-container>{i}</mjx-container>" for i, f in enumerate(found)}
    out = static_math.typeset_page(PAGE, rendered, "a {\n  b: c;\n}", "../fonts")
    assert out.count('<span class="math notranslate nohighlight"><mjx-container>0<') == 2
    assert (
        '<div class="math notranslate nohighlight">\n<mjx-container>1</mjx-container></div>' in out
    )
    assert '<span class="eqno">(1)<a class="headerlink" href="#equation-a"' in out
    assert "</span><mjx-container>2</mjx-container></div>" in out
    assert '<style id="MJX-CHTML-styles">a {b: c;}</style></head>' in out
    assert static_math.formulas(out) == []


@pytest.fixture(scope="module")
def typeset_pages() -> dict:
    """Two pages typeset by MathJax in one Node run; the second has a formula that is not TeX."""
    return static_math.typeset(
        {
            "a.html": [Formula("x^2", False), Formula("\\frac{1}{1+e^{-x}}", True)],
            "b.html": [Formula("\\foo", False), Formula("\\sqrt{y}", False)],
        }
    )


def test_a_formula_becomes_commonhtml_with_mathml_for_screen_readers(typeset_pages) -> None:
    page = typeset_pages["a.html"]
    assert page["errors"] == []
    inline, display = page["html"]
    assert inline.startswith('<mjx-container class="MathJax" jax="CHTML"')
    assert 'display="true"' in display and 'display="true"' not in inline
    # The drawn formula is hidden from screen readers, which read the MathML instead.
    assert '<mjx-math class=" MJX-TEX" aria-hidden="true">' in inline
    assert "<mjx-assistive-mml" in inline
    mathml = re.search(r"<math .*</math>", display).group(0)
    assert "<mfrac>" in mathml and "<mn>1</mn>" in mathml
    assert "\\frac" not in display  # no TeX left for a browser


def test_each_page_gets_the_css_of_its_own_formulas_with_the_sites_fonts(typeset_pages) -> None:
    css_a, css_b = typeset_pages["a.html"]["css"], typeset_pages["b.html"]["css"]
    # The radical sign (U+221A) is drawn on page b only, the fraction on page a only.
    assert "mjx-c221A" in css_b and "mjx-c221A" not in css_a
    assert "mjx-mfrac" in css_a and "mjx-mfrac" not in css_b
    fonts = FONTS.findall(css_a)
    assert fonts and all(f.startswith(static_math._FONT_URL + "/MathJax_") for f in fonts)
    assert "mjx-assistive-mml" in css_a  # its visually hidden style


def test_a_formula_that_is_not_tex_is_reported_with_its_index(typeset_pages) -> None:
    page = typeset_pages["b.html"]
    assert page["errors"] == [{"index": 0, "message": "Undefined control sequence \\foo"}]
    assert page["html"][1].startswith("<mjx-container")  # the others are still typeset


# The built book.


@pytest.mark.book
def test_no_page_has_tex_left_or_loads_mathjax(built_book: BuildResult) -> None:
    typeset = 0
    for page in built_pages(built_book.html):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(built_book.html).as_posix()
        assert UNTYPESET.search(text) is None, f"{name} has a formula left as TeX"
        soup = BeautifulSoup(text, "html.parser")
        sources = [s["src"] for s in soup.find_all("script", src=True)]
        assert not [s for s in sources if "mathjax" in s], f"{name} loads MathJax"
        assert not [s for s in soup.find_all("script") if "window.MathJax" in (s.string or "")]
        typeset += text.count("<mjx-container")
    assert typeset > 1000, "no typeset formula was found: the test would pass vacuously"


@pytest.mark.book
def test_a_typeset_page_draws_with_the_sites_own_fonts(built_book: BuildResult) -> None:
    page = built_book.html / "chapters" / "sigmoid.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.select(".math mjx-container mjx-assistive-mml math")
    styles = soup.head.find_all("style", id="MJX-CHTML-styles")
    assert len(styles) == 1
    fonts = FONTS.findall(styles[0].string)
    assert len(fonts) > 10
    base = page.as_uri()
    for font in fonts:
        assert "://" not in font, font
        assert Path(urljoin(base, font).removeprefix("file://")).is_file(), font
