"""One style entry point, applied only inside ``with actbook.style():``."""

from __future__ import annotations

import actbook as ab
import matplotlib as mpl


def test_style_applies_and_restores():
    before = dict(mpl.rcParams)
    with ab.style():
        assert mpl.rcParams["axes.spines.top"] is False
        assert mpl.rcParams["lines.linewidth"] == ab.RC_PARAMS["lines.linewidth"]
    assert dict(mpl.rcParams) == before


def test_colours_are_distinct_hex_codes():
    values = list(ab.COLORS.values())
    assert len(set(values)) == len(values)
    assert all(v.startswith("#") and len(v) == 7 for v in values)
