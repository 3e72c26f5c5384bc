"""Pictures of maxout units fitted to targets (what :mod:`actbook.training._maxout` computes).

:func:`plot_maxout_fit` draws the target, the unit's learnt lines (thin) and their upper
envelope (thick), which is the unit's output; :func:`maxout_alt_text` says the same in
words and :func:`maxout_explorer` lets the reader change the target and the number of
pieces.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import figure_size, instance, interval
from ..activations import get, names
from ..training import MaxoutFit
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = ["maxout_alt_text", "maxout_explorer", "plot_maxout_fit"]


def _fit(value: Any) -> MaxoutFit:
    return instance("fit", value, MaxoutFit, "a MaxoutFit (from ab.fit_maxout())")


def _target_name(fit: MaxoutFit) -> str:
    """The target's title if it is a registry name, else the fit's label."""
    return get(fit.label).title if fit.label in names() else (fit.label or "the target")


def plot_maxout_fit(ax: Axes, fit: MaxoutFit, *, ylim: tuple[float, float] | None = None) -> None:
    """The target (grey), each learnt line (thin, dashed) and their maximum (thick).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fit : MaxoutFit
        From :func:`actbook.fit_maxout` or :func:`actbook.maxout_fits`.
    ylim : tuple of float, optional
        Vertical limits; the target's range with a margin if omitted.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    fit = _fit(fit)
    if ylim is None:
        low, high = float(fit.target.min()), float(fit.target.max())
        margin = 0.15 * (high - low) or 0.5
        ylim = (low - margin, high + margin)
    ylim = interval("ylim", ylim)
    x = np.linspace(fit.x.min(), fit.x.max(), 401)
    lines = fit.lines(x)
    dead = fit.wins == 0
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
        ax.plot(fit.x, fit.target, color=COLORS["muted"], linewidth=4.0, label=_target_name(fit))
        for j in range(fit.pieces):
            ax.plot(
                x,
                lines[:, j],
                color=COLORS["reference"],
                linewidth=0.9,
                linestyle=":" if dead[j] else "--",
                label=None if j else "its lines (dotted: never the maximum)",
            )
        ax.plot(
            x,
            fit.predict(x),
            color=COLORS["function"],
            label=f"maxout of {fit.pieces}, largest error {fit.max_error:.2g}",
        )
        ax.set_xlim(float(fit.x.min()), float(fit.x.max()))
        ax.set_ylim(*ylim)
        ax.set_xlabel("x")
        ax.legend(loc="upper left", fontsize="small")


def maxout_alt_text(fit: MaxoutFit) -> str:
    """Describe in words what :func:`plot_maxout_fit` draws, for the ``alt`` attribute."""
    fit = _fit(fit)
    alive = int(np.count_nonzero(fit.wins))
    lines = "line" if fit.pieces == 1 else "lines"
    text = (
        f"Plot of the {_target_name(fit)} in grey for x from {fit.x.min():g} to "
        f"{fit.x.max():g}, and a maxout unit fitted to it: the maximum of {fit.pieces} "
        f"learnt {lines}, drawn thick, with the {lines} themselves dashed. Its largest "
        f"error is {fit.max_error:.2g}"
    )
    if alive < fit.pieces:
        text += (
            f"; only {alive} of the lines is ever the maximum"
            if alive == 1
            else (f"; only {alive} of the lines are ever the maximum")
        )
    return text + "."


def maxout_explorer(
    fits: Mapping[tuple[str, int], MaxoutFit],
    *,
    figsize: tuple[float, float] = (5.5, 3.4),
) -> Explorer:
    """Target (toggle buttons) x number of pieces (slider): the learnt maxout unit.

    Parameters
    ----------
    fits : mapping of (str, int) to MaxoutFit
        From :func:`actbook.maxout_fits`: every target with every piece count.
    figsize : tuple of float
        Size of each frame.

    Returns
    -------
    Explorer
    """
    if not isinstance(fits, Mapping) or not fits:
        raise ValueError(f"parameter 'fits' must map (target, pieces) to MaxoutFits, got {fits!r}")
    targets = list(dict.fromkeys(key[0] for key in fits))
    counts = list(dict.fromkeys(key[1] for key in fits))
    missing = [(t, k) for t in targets for k in counts if (t, k) not in fits]
    if missing:
        raise ValueError(
            f"parameter 'fits' must hold every target with every count; lacks {missing}"
        )
    for fit in fits.values():
        _fit(fit)
    figsize = figure_size("figsize", figsize)
    limits = {}
    for target in targets:
        values = np.concatenate([fits[(target, k)].target for k in counts])
        margin = 0.15 * float(np.ptp(values)) or 0.5
        limits[target] = (float(values.min()) - margin, float(values.max()) + margin)

    def draw(ax: Axes, target: str, pieces: int) -> None:
        plot_maxout_fit(ax, fits[(target, pieces)], ylim=limits[target])

    def alt(values: Mapping[str, Any]) -> str:
        return maxout_alt_text(fits[(values["target"], values["pieces"])])

    controls = [
        Control("target", targets),
        Control("pieces", counts, default=counts[len(counts) // 2], label="pieces k"),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)
