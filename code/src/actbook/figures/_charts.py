"""Plots that involve more than one activation, or no curve at all.

:func:`plot_overlay` draws several activations on one axes (a colour per activation, the
derivative dashed in the same colour), :func:`activation_grid` gives each activation a
small panel and :func:`plot_probabilities` draws a probability vector as bars (softmax
chapters). Each comes with words for the ``alt`` text, like
:func:`actbook.activation_figure`. The live overlay of any two activations is
:func:`actbook.overlay_explorer`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import figure_size, finite_array, instance, integer, interval, name_sequence
from ..activations import Activation, get
from ._plot import Picture, broken_at_jumps, curve_name, new_figure, show
from ._style import COLORS, style

__all__ = [
    "activation_grid",
    "overlay_alt_text",
    "plot_overlay",
    "plot_probabilities",
    "probabilities_alt_text",
]

#: One colour per overlaid activation. The book's "derivative" orange comes last, so
#: that with two activations neither looks like the other's derivative.
SERIES_COLORS = (
    COLORS["function"],
    COLORS["reference"],
    COLORS["accent"],
    COLORS["highlight"],
    COLORS["derivative"],
)


def _unique(activations: Sequence[str | Activation]) -> list[Activation]:
    """The records, in order, each once (choosing the same one twice draws it once)."""
    records: list[Activation] = []
    for item in name_sequence("activations", activations, minimum=0):
        record = get(item)
        if record.name not in [r.name for r in records]:
            records.append(record)
    if not records:
        raise ValueError("parameter 'activations' needs at least one activation")
    return records


def _draw_curves(
    ax: Axes,
    activation: Activation,
    params: Mapping[str, float] | None,
    *,
    derivative: bool,
    xlim: tuple[float, float],
    points: int,
    color: str,
    label: str | None,
    derivative_color: str | None = None,
) -> list[Any]:
    """Draw one activation (and its derivative, dashed) without axes decoration."""
    x = np.linspace(xlim[0], xlim[1], integer("points", points, 2))
    values, slopes = activation.plot_values(x, **dict(params or {}))
    lines = ax.plot(*broken_at_jumps(x, values), color=color, label=label)
    if derivative:
        lines += ax.plot(
            *broken_at_jumps(x, slopes),
            color=derivative_color or color,
            linestyle="--",
            label=None if label is None else f"{label}′",
        )
    return lines


def _axes_frame(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float] | None) -> None:
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    xlim = interval("xlim", xlim)
    ylim = None if ylim is None else interval("ylim", ylim)
    ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
    ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
    ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)


def plot_overlay(
    ax: Axes,
    activations: Sequence[str | Activation],
    params: Mapping[str, Mapping[str, float]] | None = None,
    *,
    derivative: bool = True,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] | None = None,
    points: int = 601,
) -> list[Any]:
    """Draw several activations on one axes, each with its derivative.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    activations : sequence of str or Activation
        Registry names or records; a repeated one is drawn once.
    params : mapping, optional
        Parameters per activation name, e.g. ``{"leaky_relu": {"negative_slope": 0.1}}``.
    derivative : bool
        Also draw each derivative, dashed, in the activation's colour.
    xlim, ylim : tuple of float
        Axis limits; ``ylim`` is chosen by matplotlib if omitted.
    points : int
        Number of sample points.

    Returns
    -------
    list of matplotlib.lines.Line2D
        Per activation: the function line, then its derivative line if drawn.
    """
    records = _unique(activations)
    if len(records) > len(SERIES_COLORS):
        raise ValueError(
            f"parameter 'activations': at most {len(SERIES_COLORS)} can be told apart, "
            f"got {len(records)}"
        )
    params = params or {}
    lines: list[Any] = []
    with style():
        _axes_frame(ax, xlim, ylim)
        for record, color in zip(records, SERIES_COLORS, strict=False):
            lines += _draw_curves(
                ax,
                record,
                params.get(record.name),
                derivative=derivative,
                xlim=xlim,
                points=points,
                color=color,
                label=record.title,
            )
        ax.set_xlabel("x")
        ax.legend(loc="upper left", fontsize="small")
    return lines


def overlay_alt_text(
    activations: Sequence[str | Activation],
    *,
    derivative: bool = True,
    xlim: tuple[float, float] = (-4.0, 4.0),
) -> str:
    """Describe in words what :func:`plot_overlay` draws, for the ``alt`` attribute."""
    records = _unique(activations)
    xlim = interval("xlim", xlim)
    names = [curve_name(r) for r in records]
    if len(names) == 1:
        what = f"Plot of the {names[0]}"
        tail = ", solid, and its derivative, dashed," if derivative else ""
    else:
        what = "Plot overlaying the " + ", the ".join(names[:-1]) + f" and the {names[-1]}"
        tail = ", each solid, with its derivative dashed in the same colour," if derivative else ""
    return f"{what}{tail} for x from {xlim[0]:g} to {xlim[1]:g}."


def activation_grid(
    activations: Sequence[str | Activation],
    *,
    ncols: int = 4,
    derivative: bool = True,
    xlim: tuple[float, float] = (-3.0, 3.0),
    ylim: tuple[float, float] | None = (-1.5, 3.0),
    panel_size: tuple[float, float] = (2.2, 1.9),
    alt: str | None = None,
) -> Picture:
    """Small multiples: one panel per activation, with its derivative, on shared limits.

    Parameters
    ----------
    activations : sequence of str or Activation
        Registry names or records, in reading order (rows first).
    ncols : int
        Panels per row.
    derivative : bool
        Draw each derivative, dashed, in the book's derivative colour.
    xlim, ylim : tuple of float
        The same limits in every panel, so that slopes and ranges compare by eye.
    panel_size : tuple of float
        Width and height of one panel in inches.
    alt : str, optional
        Text alternative; a description listing the panels if omitted.

    Returns
    -------
    Picture
    """
    records = [get(a) for a in name_sequence("activations", activations)]
    ncols = min(integer("ncols", ncols, 1), len(records))
    panel_size = figure_size("panel_size", panel_size)
    xlim = interval("xlim", xlim)
    nrows = math.ceil(len(records) / ncols)
    fig, axes = new_figure(nrows, ncols, figsize=(panel_size[0] * ncols, panel_size[1] * nrows))
    flat = np.atleast_1d(axes).ravel()
    with style():
        for ax, record in zip(flat, records, strict=False):
            _axes_frame(ax, xlim, ylim)
            _draw_curves(
                ax,
                record,
                None,
                derivative=derivative,
                xlim=xlim,
                points=401,
                color=COLORS["function"],
                label=None,
                derivative_color=COLORS["derivative"],
            )
            title = record.title if record.elementwise else f"{record.title} (slice)"
            ax.set_title(title, fontsize="small")
            ax.tick_params(labelsize="x-small")
        for ax in flat[len(records) :]:
            ax.set_visible(False)
    if alt is None:
        listing = "; ".join(curve_name(r) for r in records)
        drawn = "the function solid and its derivative dashed" if derivative else "the function"
        alt = (
            f"Grid of {len(records)} small plots on the same axes, x from {xlim[0]:g} to "
            f"{xlim[1]:g}, each showing {drawn}: {listing}."
        )
    return show(fig, alt)


def plot_probabilities(
    ax: Axes,
    probabilities: Any,
    labels: Sequence[str] | None = None,
    *,
    annotate: bool = True,
    ylim: tuple[float, float] = (0.0, 1.05),
) -> Any:
    """Draw a probability vector as bars, the largest highlighted.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    probabilities : array_like, shape (n,)
        Non-negative values (they need not sum to one, e.g. independent sigmoids).
    labels : sequence of str, optional
        One label per bar; ``"1" .. "n"`` if omitted.
    annotate : bool
        Write each value above its bar.
    ylim : tuple of float
        Vertical limits, fixed so that frames of an explorer compare.

    Returns
    -------
    matplotlib.container.BarContainer
    """
    values = finite_array("probabilities", probabilities, min_length=0)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(
            f"parameter 'probabilities' must be a non-empty vector, got shape {values.shape}"
        )
    labels = _labels(labels, values.size)
    if len(labels) != values.size:
        raise ValueError(
            f"parameter 'labels' has {len(labels)} entries for {values.size} probabilities"
        )
    top = int(np.argmax(values))
    colors = [COLORS["highlight"] if i == top else COLORS["function"] for i in range(values.size)]
    with style():
        bars = ax.bar(labels, values, color=colors)
        if annotate:
            ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], fontsize="small", padding=2)
        ax.set_ylim(*ylim)
        ax.set_ylabel("probability")
        ax.grid(axis="x", visible=False)
    return bars


def _labels(labels: Sequence[str] | None, size: int) -> list[str]:
    """Bar labels: 1 .. size if omitted; a bare string is refused, not split into letters."""
    if labels is None:
        return [str(i + 1) for i in range(size)]
    return [str(label) for label in name_sequence("labels", labels, minimum=0, what="labels")]


def probabilities_alt_text(
    probabilities: Any, labels: Sequence[str] | None = None, *, what: str = "probabilities"
) -> str:
    """Describe a bar chart drawn by :func:`plot_probabilities` in words."""
    values = finite_array("probabilities", probabilities, ndim=1)
    labels = _labels(labels, values.size)
    if len(labels) != values.size:
        raise ValueError(f"parameter 'labels' must have {values.size} entries, got {len(labels)}")
    parts = ", ".join(f"{label} {value:.2f}" for label, value in zip(labels, values, strict=True))
    return f"Bar chart of {what}: {parts}."
