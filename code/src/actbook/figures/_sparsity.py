"""Pictures of :mod:`actbook.training._sparsity`: the zeros in trained hidden layers.

:func:`plot_zero_fractions` draws one row per activation and one bar per hidden layer:
the mean share of zero outputs over the seeds, split into the part that comes from
silent units (zero on every test input, grey) and the part from units that respond to
some inputs only (coloured), with a dot per seed and an orange tick at the share of
exact zeros before training. :func:`zero_fraction_explorer` toggles
between exact zeros and outputs below the sweep's tolerance, and
:func:`zero_fraction_markdown` gives the same numbers as a table.

:func:`plot_denoising` and :func:`denoising_explorer` show where those zeros come from in
signal processing: soft and hard shrinkage of a noisy sparse signal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import choice, figure_size, finite_array, instance, number_sequence, real
from ..activations import get
from ..training import SparsitySweep
from ._display import Markdown, markdown_table
from ._experiments import split_axes
from ._plot import fixed_layout
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "denoising_explorer",
    "plot_denoising",
    "plot_zero_fractions",
    "zero_fraction_alt_text",
    "zero_fraction_explorer",
    "zero_fraction_markdown",
]

#: One colour per hidden layer (the silent part of every bar is grey).
LAYER_COLORS = (COLORS["function"], COLORS["reference"], COLORS["accent"], COLORS["highlight"])
#: The two things a sweep counts, by the field that holds them.
MEASURES = ("zero_fraction", "small_fraction")


def _sweep(sweep: Any) -> SparsitySweep:
    return instance("sweep", sweep, SparsitySweep, "a SparsitySweep (from ab.sparsity_sweep())")


def _measure(sweep: SparsitySweep, measure: str) -> np.ndarray:
    return getattr(_sweep(sweep), choice("measure", measure, MEASURES))


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
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
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
    sweep = _sweep(sweep)
    figsize = figure_size("figsize", figsize)
    names = {"exactly 0": "zero_fraction", f"|a| ≤ {sweep.tolerance:g}": "small_fraction"}

    def draw(ax: Axes, count: str) -> None:
        plot_zero_fractions(ax, sweep, measure=names[count])

    def alt(values: Mapping[str, Any]) -> str:
        return zero_fraction_alt_text(sweep, measure=names[values["count"]])

    return explorer(draw, [Control("count", list(names))], alt=alt, figsize=figsize)


# -- denoising by shrinkage ---------------------------------------------------------------
#: The shrinkage functions a denoising explorer compares, with their colours.
SHRINK_COLORS = {"softshrink": COLORS["function"], "hardshrink": COLORS["derivative"]}


def _rms(error: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(error))))


def _signal_pair(clean: Any, noisy: Any) -> tuple[np.ndarray, np.ndarray]:
    clean = finite_array("clean", clean, ndim=1)
    noisy = finite_array("noisy", noisy, ndim=1)
    if clean.shape != noisy.shape:
        raise ValueError(
            "parameters 'clean' and 'noisy' must be non-empty vectors of one length, "
            f"got shapes {clean.shape} and {noisy.shape}"
        )
    return clean, noisy


def plot_denoising(ax: Axes, clean: Any, noisy: Any, shrink: str, threshold: float) -> np.ndarray:
    """Draw a sparse signal, its noisy observation and the shrunk estimate.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    clean, noisy : array_like, shape (n,)
        The signal and the signal plus noise.
    shrink : {"softshrink", "hardshrink"}
        The shrinkage applied to ``noisy``, entry by entry.
    threshold : float
        Its ``lambd``, ``>= 0``; the band ``[-threshold, threshold]`` is shaded.

    Returns
    -------
    ndarray
        The estimate drawn.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    clean, noisy = _signal_pair(clean, noisy)
    shrink = choice("shrink", shrink, tuple(SHRINK_COLORS))
    threshold = real("threshold", threshold, low=0.0)
    estimate = get(shrink)(noisy, lambd=threshold)
    index = np.arange(clean.size)
    with style():
        ax.axhspan(-threshold, threshold, color=COLORS["highlight"], alpha=0.2, linewidth=0)
        ax.plot(index, noisy, ".", color=COLORS["muted"], markersize=3, label="noisy")
        ax.plot(index, clean, color="black", linewidth=0.8, label="clean")
        ax.plot(index, estimate, color=SHRINK_COLORS[shrink], linewidth=1.2, label=shrink)
        ax.set_xlim(0, clean.size - 1)
        ax.set_xlabel("index")
        ax.legend(loc="lower left", fontsize="x-small", ncols=3)
    return estimate


def denoising_explorer(
    clean: Any,
    noisy: Any,
    thresholds: Sequence[float],
    *,
    reference: float | None = None,
    figsize: tuple[float, float] = (7.0, 3.0),
) -> Explorer:
    """Soft or hard shrinkage (toggle) x threshold (slider): the estimate and its error.

    The left panel is :func:`plot_denoising`; the right one draws the root-mean-square
    error of both shrinkages against the threshold, with the chosen one marked.

    Parameters
    ----------
    clean, noisy : array_like, shape (n,)
        The signal and the signal plus noise.
    thresholds : sequence of float
        The slider's values, each ``>= 0``.
    reference : float, optional
        A threshold ``>= 0`` to mark on the error plot (e.g. the universal threshold).
    figsize : tuple of float
        Size of each frame in inches.

    Returns
    -------
    Explorer
    """
    clean, noisy = _signal_pair(clean, noisy)
    thresholds = [
        real(f"thresholds[{i}]", t, low=0.0)
        for i, t in enumerate(number_sequence("thresholds", thresholds))
    ]
    reference = None if reference is None else real("reference", reference, low=0.0)
    figsize = figure_size("figsize", figsize)
    fine = np.linspace(0.0, max(thresholds) * 1.1, 111)
    errors = {
        name: np.array([_rms(get(name)(noisy, lambd=t) - clean) for t in fine])
        for name in SHRINK_COLORS
    }

    def draw(ax: Axes, shrink: str, threshold: float) -> None:
        # Fixed margins: every frame has the same axes, and a constrained layout per
        # frame would cost about half of its drawing time.
        fixed_layout(ax, left=0.07, right=0.99, bottom=0.17, top=0.97, wspace=0.3)
        left, right = split_axes(ax, 2, width_ratios=(1.7, 1.0))
        estimate = plot_denoising(left, clean, noisy, shrink, threshold)
        with style():
            for name, curve in errors.items():
                right.plot(fine, curve, color=SHRINK_COLORS[name], linewidth=1.2, label=name)
            right.axhline(_rms(noisy - clean), color=COLORS["muted"], linewidth=0.8, label="noisy")
            if reference is not None:
                right.axvline(reference, color="black", linewidth=0.8, linestyle=":")
            right.plot([threshold], [_rms(estimate - clean)], "o", color=SHRINK_COLORS[shrink])
            right.set_xlabel("threshold λ")
            right.set_ylabel("RMS error")
            right.set_ylim(0, None)
            right.legend(fontsize="x-small")

    def alt(values: Mapping[str, Any]) -> str:
        shrink, threshold = values["shrink"], values["threshold"]
        estimate = get(shrink)(noisy, lambd=threshold)
        text = (
            f"Left: a sparse signal of {clean.size} entries ({np.count_nonzero(clean)} "
            f"non-zero), its noisy observation as grey dots, and the {shrink} estimate "
            f"with threshold {threshold:.2f}, which keeps {np.count_nonzero(estimate)} "
            f"entries and sets the others exactly to 0; RMS error {_rms(estimate - clean):.3f} "
            f"against {_rms(noisy - clean):.3f} for the noisy signal. Right: RMS error of "
            "soft and hard shrinkage against the threshold, the chosen one marked"
        )
        if reference is not None:
            text += f", a dotted line at {reference:.2f}"
        return text + "."

    controls = [
        Control("shrink", list(SHRINK_COLORS)),
        Control("threshold", thresholds, label="threshold λ", fmt=lambda t: f"{t:.2f}"),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def _spread(values: np.ndarray, decimals: int = 0) -> str:
    """``mean (min–max)`` of ``values`` as percentages, e.g. ``37% (33–46%)``."""
    low, high = f"{values.min() * 100:.{decimals}f}", f"{values.max():.{decimals}%}"
    return f"{values.mean():.{decimals}%} ({low}–{high})"


def zero_fraction_markdown(sweep: SparsitySweep) -> Markdown:
    """The sweep as a table: one row per activation, means and ranges over the seeds.

    Parameters
    ----------
    sweep : SparsitySweep
        What :func:`actbook.sparsity_sweep` measured.

    Returns
    -------
    Markdown
        Columns: exact zeros per hidden layer (mean and range over seeds), then means
        over layers and seeds of the silent units, of the outputs with
        ``|a| <= tolerance`` and of the exact zeros before training, and the test
        accuracy (mean and range).
    """
    n_layers = _sweep(sweep).zero_fraction.shape[2]
    headers = [
        "activation",
        *(f"exactly 0, layer {k + 1}" for k in range(n_layers)),
        "silent units",
        f"|a| ≤ {sweep.tolerance:g}",
        "exactly 0 before training",
        "test accuracy",
    ]
    rows = []
    for label in sweep.labels:
        m = sweep.of(label)
        rows.append(
            [
                label,
                *(_spread(m["zero_fraction"][:, k]) for k in range(n_layers)),
                f"{m['always_zero_fraction'].mean():.0%}",
                f"{m['small_fraction'].mean():.0%}",
                f"{m['initial_zero_fraction'].mean():.0%}",
                _spread(m["test_accuracy"], 1),
            ]
        )
    return markdown_table(headers, rows)
