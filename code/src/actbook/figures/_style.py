"""The book's one style entry point.

Every figure in the book is drawn inside :func:`style`, a context manager around
:func:`matplotlib.rc_context`: importing :mod:`actbook` changes no global matplotlib
setting, and leaving the ``with`` block restores whatever the reader had.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import matplotlib as mpl

__all__ = ["COLORS", "RC_PARAMS", "style"]

#: Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
COLORS: dict[str, str] = {
    "function": "#0072B2",
    "derivative": "#D55E00",
    "reference": "#009E73",
    "muted": "#999999",
    "accent": "#CC79A7",
    "highlight": "#E69F00",
}

RC_PARAMS: dict[str, Any] = {
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "lines.linewidth": 2.0,
    "legend.frameon": False,
    "axes.prop_cycle": mpl.cycler(color=list(COLORS.values())),
    # Fixed metadata and hashing make two builds write identical figures.
    "svg.hashsalt": "actbook",
    "path.simplify": True,
}


def style() -> AbstractContextManager[None]:
    """Return a context manager that applies the book's matplotlib style.

    Returns
    -------
    contextlib.AbstractContextManager
        Use as ``with actbook.style(): ...``; the previous settings come back on exit.
    """
    return mpl.rc_context(RC_PARAMS)
