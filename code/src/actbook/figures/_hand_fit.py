"""Figures of the one-neuron regression fitted by hand (:mod:`actbook.training._hand_fit`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from .._checks import integer, name_sequence, positive
from ..training import HandFit, xy_data
from ._plot import Picture, new_figure, show
from ._style import COLORS, style
from ._widgets import Control, explorer

__all__ = ["hand_fit_explorer", "loss_curves_figure", "plot_loss_curves"]

_LOSS_TICKS = (0.5, 0.7, 1.0, 2.0, 3.0, 5.0, 10.0)


def _formula_text(params: np.ndarray, name: str) -> str:
    k1, b1, k2, b2 = params
    return f"y = {k2:.2f} {name}({k1:.2f} x {b1:+.2f}) {b2:+.2f}"


def _fits(fits: Any) -> list[HandFit]:
    """At least one :class:`HandFit`, as a list, or a ``ValueError`` naming ``fits``."""
    fits = name_sequence("fits", fits, what="HandFit results")
    if not all(isinstance(fit, HandFit) for fit in fits):
        raise ValueError("parameter 'fits' must hold HandFit results of fit_by_hand()")
    return fits


def plot_loss_curves(
    ax: Axes, fits: Sequence[HandFit], *, reference_loss: float | None = None
) -> list[Any]:
    """The loss of each fit against the iteration, both axes logarithmic.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fits : sequence of HandFit
        One curve per fit, labelled with its activation.
    reference_loss : float, optional
        A loss to mark with a dotted line (e.g. the least-squares line's).

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line per fit.
    """
    fits = _fits(fits)
    if reference_loss is not None:
        reference_loss = positive("reference_loss", reference_loss)
    lines = []
    with style():
        for fit in fits:
            # ~200 geometrically spaced steps draw the same curve on a log axis.
            shown = np.unique(np.geomspace(1, len(fit.loss), 200).astype(int) - 1)
            lines += ax.plot(shown + 1, fit.loss[shown], label=fit.activation, linewidth=1.5)
        if reference_loss is not None:
            ax.axhline(
                reference_loss, color=COLORS["highlight"], linestyle=":", label="least squares"
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            axis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_locator(FixedLocator(_LOSS_TICKS))
        ax.set_xlabel("iteration + 1")
        ax.set_ylabel("mean squared error")
        ax.legend(loc="upper right", fontsize=8)
    return lines


def loss_curves_figure(
    fits: Sequence[HandFit],
    *,
    reference_loss: float | None = None,
    remark: str | None = None,
    figsize: tuple[float, float] = (6.0, 3.4),
) -> Picture:
    """:func:`plot_loss_curves` as a picture, with alt text from the fits' losses.

    Parameters
    ----------
    fits : sequence of HandFit
        One curve per fit.
    reference_loss : float, optional
        The least-squares line's loss, marked with a dotted line.
    remark : str, optional
        What a reader sees in the curves that the numbers do not say (where a curve
        flattens or drops), in the chapter's words; it follows the final losses.
    figsize : tuple of float
        Size of the figure in inches.

    Returns
    -------
    Picture
    """
    if not fits:
        raise ValueError("parameter 'fits' needs at least one fit")
    fig, ax = new_figure(figsize=figsize)
    plot_loss_curves(ax, fits, reference_loss=reference_loss)
    starts = [fit.loss[0] for fit in fits]
    ends = ", ".join(f"{fit.activation} {fit.loss[-1]:.4f}" for fit in fits)
    alt = (
        "Mean squared error against iteration, both axes logarithmic, one curve per "
        f"activation, starting between {min(starts):.1f} and {max(starts):.1f}. Final "
        f"losses: {ends}."
    )
    if remark:
        alt += f" {remark}"
    if reference_loss is not None:
        alt += f" A dotted line marks the least-squares loss {reference_loss:.4f}."
    return show(fig, alt)


def hand_fit_explorer(
    fits: Sequence[HandFit],
    x: Any,
    y: Any,
    iterations: Sequence[int],
    *,
    x_label: str = "x",
    y_label: str = "y",
) -> Any:
    """An explorer over activation and iteration: the data and the fitted curve.

    Parameters
    ----------
    fits : sequence of HandFit
        One fit per activation, all on ``(x, y)`` and at least ``max(iterations)`` long.
    x, y : array_like, shape (n,)
        The data, drawn as points.
    iterations : sequence of int
        The iterations a slider offers.
    x_label, y_label : str
        Axis labels.

    Returns
    -------
    Explorer
        Toggle buttons for the activation, a slider for the iteration.
    """
    x, y = xy_data(x, y)
    fits = _fits(fits)
    iterations = [integer("iterations", i, 0) for i in name_sequence("iterations", iterations)]
    by_name = {fit.activation: fit for fit in fits}
    longest = min(len(fit.loss) for fit in fits) - 1
    if max(iterations) > longest:
        raise ValueError(f"parameter 'iterations' goes beyond the fits' {longest} steps")
    grid = np.linspace(x.min(), x.max(), 200)
    margin = 0.1 * (y.max() - y.min())

    def draw(ax: Axes, *, activation: str, iteration: int) -> None:
        fit = by_name[activation]
        with style():
            ax.scatter(x, y, s=6, color=COLORS["muted"], alpha=0.6)
            ax.plot(grid, fit.predict(grid, iteration), color=COLORS["function"])
            ax.set_ylim(y.min() - margin, y.max() + margin)
            ax.set_xlabel(x_label)
            ax.set_ylabel(y_label)
            ax.set_title(
                f"{_formula_text(fit.params[iteration], activation)}, "
                f"loss {fit.loss[iteration]:.4f}",
                fontsize=9,
            )

    def alt(values: Mapping[str, Any]) -> str:
        fit, step = by_name[values["activation"]], values["iteration"]
        return (
            f"Scatter plot of {x.size} points of {y_label} against {x_label}, with the "
            f"fitted curve {_formula_text(fit.params[step], fit.activation)} after {step} "
            f"iterations; its mean squared error is {fit.loss[step]:.4f}."
        )

    controls = [
        Control("activation", [fit.activation for fit in fits]),
        Control("iteration", list(iterations)),
    ]
    return explorer(draw, controls, alt=alt, figsize=(6.0, 3.4))
