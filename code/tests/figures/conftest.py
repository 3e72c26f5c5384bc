"""Fixtures of the figure tests: the figures behind the pictures a helper returns."""

from __future__ import annotations

import base64
import re

import ipywidgets as widgets
import pytest


@pytest.fixture
def drawn(monkeypatch):
    """``drawn(module)`` returns a list that fills with every figure ``module`` shows.

    Figure helpers return a :class:`Picture` (PNG bytes and alt text); the figure itself
    is what a test inspects (lines, labels, artists), so ``show`` is wrapped to keep it.
    """

    def capture(module):
        figures = []
        real = module.show

        def keep(fig, alt):
            figures.append(fig)
            return real(fig, alt)

        monkeypatch.setattr(module, "show", keep)
        return figures

    return capture


@pytest.fixture
def frames():
    """``frames(box)``: the alt text and PNG of every pre-rendered frame of an explorer."""
    return _frames


def _frames(box) -> list[tuple[str, bytes]]:
    found = []

    def walk(widget):
        if isinstance(widget, widgets.HTML):
            alt = re.search(r'alt="([^"]*)"', widget.value).group(1)
            png = base64.b64decode(re.search(r"base64,([^\"]+)\"", widget.value).group(1))
            found.append((alt, png))
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(box)
    return found
