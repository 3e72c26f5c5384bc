"""Pictures of :mod:`actbook.training._sparsity`: the zeros in trained hidden layers.

:func:`plot_zero_fractions` draws one row per activation and one bar per hidden layer:
the mean share of zero outputs over the seeds, split into the part that comes from
silent units (zero on every test input, grey) and the part from units that respond to
some inputs only (coloured), with a dot per seed and an orange tick at the share of
exact zeros before training. :func:`zero_fraction_explorer` toggles
between exact zeros and outputs below the sweep's tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from ..training import SparsitySweep
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = ["plot_zero_fractions", "zero_fraction_alt_text", "zero_fraction_explorer"]

#: One colour per hidden layer (the silent part of every bar is grey).
LAYER_COLORS = (COLORS["function"], COLORS["reference"], COLORS["accent"], COLORS["highlight"])
#: The two things a sweep counts, by the field that holds them.
MEASURES = ("zero_fraction", "small_fraction")


def _measure(sweep: SparsitySweep, measure: str) -> np.ndarray:
    if measure not in MEASURES:
        raise ValueError(f"parameter 'measure' must be one of {MEASURES}, got {measure!r}")
    return getattr(sweep, measure)


def _what(sweep: SparsitySweep, measure: str) -> str:
    """The quantity in words, for axis labels and alt text."""
    if measure == "zero_fraction":
        return "share of hidden outputs exactly 0"
    return f"share of hidden outputs with |a| ≤ {sweep.tolerance:g}"


def plot_zero_fractions(ax: Axes, sweep: SparsitySweep, *, measure: str = "zero_fraction") -> None:
    """Horizontal bars: the share of zero hidden outputs per activation and layer.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    sweep : SparsitySweep
        What :func:`actbook.sparsity_sweep` measured.
    measure : {"zero_fraction", "small_fraction"}
        Exact zeros, or outputs with ``|a| <= sweep.tolerance``.
    """
    values = _measure(sweep, measure)  # (activations, seeds, layers)
    silent = sweep.always_zero_fraction
    n_act, _, n_layers = values.shape
    height = 0.8 / n_layers
    rows = np.arange(n_act)
    with style():
        for layer in range(n_layers):
            y = rows - 0.4 + height * (layer + 0.5)
            mean = values[:, :, layer].mean(axis=1)
            quiet = silent[:, :, layer].mean(axis=1)
            color = LAYER_COLORS[layer % len(LAYER_COLORS)]
            ax.barh(
                y,
                quiet,
                height=height * 0.9,
                color=COLORS["muted"],
                label="units 0 on every input" if layer == 0 else None,
            )
            ax.barh(
                y,
                mean - quiet,
                left=quiet,
                height=height * 0.9,
                color=color,
                label=f"layer {layer + 1}",
            )
            for seed in range(values.shape[1]):
                ax.plot(
                    values[:, seed, layer],
                    y,
                    "o",
                    color="black",
                    markersize=2.5,
                    label="one seed" if layer == seed == 0 else None,
                )
            ax.plot(
                sweep.initial_zero_fraction[:, :, layer].mean(axis=1),
                y,
                "|",
                color=COLORS["derivative"],
                markersize=9,
                markeredgewidth=2,
                label="exactly 0 before training" if layer == 0 else None,
            )
        ax.set_yticks(rows, sweep.labels)
        ax.invert_yaxis()  # first activation on top, as in a table
        top = max(float(values.max()), float(sweep.initial_zero_fraction.max()))
        ax.set_xlim(0, min(1.0, np.ceil(top * 10 + 0.5) / 10))
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xlabel(_what(sweep, measure) + " (test set)")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize="small")


def zero_fraction_alt_text(sweep: SparsitySweep, *, measure: str = "zero_fraction") -> str:
    """Describe in words what :func:`plot_zero_fractions` draws, number by number."""
    values = _measure(sweep, measure)
    n_layers = values.shape[2]
    parts = []
    for i, label in enumerate(sweep.labels):
        layers = ", ".join(
            f"layer {k + 1} {values[i, :, k].mean():.0%} "
            f"(seeds {values[i, :, k].min():.0%} to {values[i, :, k].max():.0%}, "
            f"{sweep.always_zero_fraction[i, :, k].mean():.0%} from silent units, "
            f"{sweep.initial_zero_fraction[i, :, k].mean():.0%} exactly 0 before training)"
            for k in range(n_layers)
        )
        parts.append(f"{label}: {layers}")
    intro = (
        f"Horizontal bar chart of the {_what(sweep, measure)} on the test set, mean over "
        f"{len(sweep.seeds)} seeds, one row per activation and one bar per hidden layer; "
        "the grey start of each bar is the share of units that are 0 on every input and "
        "an orange tick marks the share of exact zeros before training."
    )
    return f"{intro} {'; '.join(parts)}."


def zero_fraction_explorer(
    sweep: SparsitySweep, *, figsize: tuple[float, float] = (6.4, 4.2)
) -> Explorer:
    """Toggle between exact zeros and outputs below the tolerance in :func:`plot_zero_fractions`.

    Parameters
    ----------
    sweep : SparsitySweep
        What :func:`actbook.sparsity_sweep` measured.
    figsize : tuple of float
        Size of each frame in inches.

    Returns
    -------
    Explorer
    """
    names = {"exactly 0": "zero_fraction", f"|a| ≤ {sweep.tolerance:g}": "small_fraction"}

    def draw(ax: Axes, count: str) -> None:
        plot_zero_fractions(ax, sweep, measure=names[count])

    def alt(values: Mapping[str, Any]) -> str:
        return zero_fraction_alt_text(sweep, measure=names[values["count"]])

    return explorer(draw, [Control("count", list(names))], alt=alt, figsize=figsize)
