"""Pictures of gated units: one unit on one input, and the gated-against-ungated runs.

:func:`plot_gated_unit` draws what a gated unit with a single input computes,
``x * f(w x + b)``, next to its two factors; :func:`gated_unit_explorer` offers the gate
and its weight and bias as controls. :func:`plot_gated_pairs` draws the seed bands of
:func:`actbook.training.gated_comparison`, one panel per gate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import (
    boolean,
    choice,
    figure_size,
    instance,
    integer,
    interval,
    name_sequence,
    number_sequence,
    real,
)
from ..activations import GATED_UNITS, get
from ..training import GatedComparison
from ._experiments import plot_band
from ._plot import fixed_layout
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "gated_comparison_alt_text",
    "gated_unit_alt_text",
    "gated_unit_explorer",
    "plot_gated_pairs",
    "plot_gated_unit",
    "unit_name",
]

#: Colours of the two networks of each pair: the dense layer and its gated twin.
PAIR_COLORS = {False: COLORS["muted"], True: COLORS["function"]}
#: How the curves of a comparison are named on axes and in alt texts.
CURVE_NAMES = {
    "train_loss": "training loss",
    "train_accuracy": "training accuracy",
    "test_loss": "test loss",
    "test_accuracy": "test accuracy",
}


def unit_name(unit: str) -> str:
    """The short name of a gated unit of the registry: ``"glu"`` -> ``"GLU"``.

    The abbreviation in the registry's title where it has one ("Gated linear unit
    (GLU)"), else the title without a trailing "unit" ("Bilinear unit" -> "Bilinear").
    """
    title = get(_unit(unit)).title
    if "(" in title:
        return title[title.index("(") + 1 : title.index(")")]
    return title.removesuffix(" unit")


def _unit(unit: Any, name: str = "unit") -> str:
    """``unit`` if it names one of the registry's gated units, else a ``ValueError``."""
    return choice(name, unit, tuple(GATED_UNITS))


def _affine(weight: float, bias: float) -> str:
    """``"2x + 1"``, ``"0.5x − 1"``, ``"x"``: the gate's input as a reader writes it."""
    slope = "x" if weight == 1 else f"{weight:g}x"
    if bias == 0:
        return slope
    return f"{slope} {'+' if bias > 0 else '−'} {abs(bias):g}"


def _unit_curves(unit: str, weight: float, bias: float, x: np.ndarray):
    """The value ``x``, the gate ``f(w x + b)`` and the unit's output ``x f(w x + b)``."""
    gate = get(GATED_UNITS[unit])(weight * x + bias)
    return x, gate, x * gate


def plot_gated_unit(
    ax: Axes,
    unit: str,
    *,
    weight: float = 1.0,
    bias: float = 0.0,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] | None = (-2.0, 4.0),
    points: int = 401,
) -> list[Any]:
    """Draw a gated unit with one input: the value ``x``, the gate and their product.

    The unit's two projections of the input ``x`` are the value ``1 * x + 0`` and the
    gate's input ``weight * x + bias``; the output is ``x * f(weight * x + bias)`` with
    ``f`` the unit's gate (:data:`GATED_UNITS`).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    unit : str
        ``"glu"``, ``"bilinear"``, ``"reglu"``, ``"geglu"`` or ``"swiglu"``.
    weight, bias : float
        Weight and bias of the gate's projection.
    xlim, ylim : tuple of float
        Axis limits; ``ylim=None`` lets matplotlib choose.
    points : int
        Number of sample points.

    Returns
    -------
    list of matplotlib.lines.Line2D
        The output (solid), the gate (dashed) and the value (thin), in that order.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    unit, weight, bias = _unit(unit), real("weight", weight), real("bias", bias)
    xlim = interval("xlim", xlim)
    ylim = None if ylim is None else interval("ylim", ylim)
    x = np.linspace(xlim[0], xlim[1], integer("points", points, 2))
    value, gate, output = _unit_curves(unit, weight, bias, x)
    name = unit_name(unit)
    gate_name = get(GATED_UNITS[unit]).name
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
        lines = ax.plot(x, output, color=COLORS["function"], label=f"{name}: x · gate")
        lines += ax.plot(
            x,
            gate,
            color=COLORS["derivative"],
            linestyle="--",
            label=f"gate {gate_name}({_affine(weight, bias)})",
        )
        lines += ax.plot(x, value, color=COLORS["muted"], linewidth=1.0, label="value x")
        ax.set_xlim(*xlim)
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.set_xlabel("x")
        ax.legend(loc="upper left", fontsize=8)
    return lines


def gated_unit_alt_text(
    unit: str,
    *,
    weight: float = 1.0,
    bias: float = 0.0,
    xlim: tuple[float, float] = (-4.0, 4.0),
) -> str:
    """Describe in words what :func:`plot_gated_unit` draws, with its numbers."""
    unit, weight, bias = _unit(unit), real("weight", weight), real("bias", bias)
    xlim = interval("xlim", xlim)
    x = np.linspace(xlim[0], xlim[1], 401)
    _, gate, output = _unit_curves(unit, weight, bias, x)
    gate_name = get(GATED_UNITS[unit]).name
    n = len(x) - 1
    # + 0.0 turns the -0.0 of x * 0 (a shut gate, negative x) into a plain 0.
    ends = ", ".join(f"{output[i] + 0.0:.2g} at x = {x[i]:g}" for i in (0, n // 4, 3 * n // 4, n))
    shut = float(np.mean(np.abs(gate) < 1e-3))
    closed = (
        f" The gate is shut (below 0.001 in size) on {shut:.0%} of that range."
        if shut >= 0.05
        else ""
    )
    return (
        f"Plot of a {unit_name(unit)} unit with one input x from {xlim[0]:g} to "
        f"{xlim[1]:g}: the value x (thin grey line), the gate {gate_name}"
        f"({_affine(weight, bias)}) (dashed) and their product, the unit's output (solid), "
        f"which is {ends}." + closed
    )


def gated_unit_explorer(
    units: Sequence[str] = ("glu", "bilinear", "reglu", "geglu", "swiglu"),
    *,
    weights: Sequence[float] = (0.5, 1.0, 4.0),
    biases: Sequence[float] = (-1.0, 0.0, 1.0),
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] | None = (-2.0, 4.0),
    figsize: tuple[float, float] | None = (5.6, 3.2),
) -> Explorer:
    """Unit (toggle buttons) x gate weight x gate bias: :func:`plot_gated_unit` per frame.

    Parameters
    ----------
    units : sequence of str
        The gated units offered.
    weights, biases : sequence of float
        Values of the gate's weight and bias; 1 and 0 are shown first when offered.
    xlim, ylim : tuple of float
        Axis limits of every frame.
    figsize : tuple of float, optional
        Size of each frame.

    Returns
    -------
    Explorer
    """
    units = [_unit(unit, "units") for unit in name_sequence("units", units, what="gated units")]
    weights = number_sequence("weights", weights)
    biases = number_sequence("biases", biases)
    xlim = interval("xlim", xlim)
    ylim = None if ylim is None else interval("ylim", ylim)
    figsize = None if figsize is None else figure_size("figsize", figsize)

    def draw(ax: Axes, unit: str, weight: float, bias: float) -> None:
        # Every frame has the same axes: fixed margins instead of a layout pass per frame.
        fixed_layout(ax, left=0.09, right=0.98, bottom=0.15, top=0.97)
        plot_gated_unit(ax, unit, weight=weight, bias=bias, xlim=xlim, ylim=ylim)

    def alt(values: Mapping[str, Any]) -> str:
        return gated_unit_alt_text(
            values["unit"], weight=values["weight"], bias=values["bias"], xlim=xlim
        )

    controls = [
        Control("unit", list(units), label="unit", fmt=unit_name),
        Control(
            "weight", list(weights), default=1.0 if 1.0 in weights else None, label="gate weight"
        ),
        Control("bias", list(biases), default=0.0 if 0.0 in biases else None, label="gate bias"),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def plot_gated_pairs(
    axes: Sequence[Axes],
    comparison: GatedComparison,
    curve: str = "train_loss",
    *,
    spread: str = "minmax",
    log: bool | None = None,
    legend: bool = True,
) -> None:
    """One panel per gate: the dense network's band and its gated twin's, over seeds.

    Parameters
    ----------
    axes : sequence of matplotlib.axes.Axes
        One axes per gate of ``comparison``, in its order.
    comparison : GatedComparison
        From :func:`actbook.training.gated_comparison`.
    curve : str
        ``"train_loss"``, ``"train_accuracy"``, ``"test_loss"`` or ``"test_accuracy"``.
    spread : {"minmax", "std"}
        The band, as in :func:`plot_band`.
    log : bool, optional
        Logarithmic y axis; by default for the losses.
    legend : bool
        Label the two bands of each panel (widths and parameter counts).
    """
    instance("comparison", comparison, GatedComparison, "a GatedComparison (gated_comparison())")
    curve = choice("curve", curve, tuple(CURVE_NAMES))
    legend = boolean("legend", legend)
    log = None if log is None else boolean("log", log)
    gates = list(dict.fromkeys(v.gate for v in comparison.variants))
    if isinstance(axes, Axes):
        axes = [axes]
    axes = list(np.ravel(axes)) if isinstance(axes, Sequence | np.ndarray) else [axes]
    for ax in axes:
        instance("axes", ax, Axes, "one matplotlib Axes per gate (from ab.new_figure(1, n))")
    if len(axes) != len(gates):
        raise ValueError(f"parameter 'axes': need {len(gates)} axes, one per gate, got {len(axes)}")
    log = curve.endswith("loss") if log is None else log
    for ax, gate in zip(axes, gates, strict=True):
        for variant in (v for v in comparison.variants if v.gate == gate):
            plot_band(
                ax,
                comparison.curves[variant.label][curve],
                label=f"{variant.label} ({variant.width} units, {variant.n_parameters} params)",
                color=PAIR_COLORS[variant.gated],
                spread=spread,
            )
        with style():
            if log:
                ax.set_yscale("log")
            ax.set_xlabel("epoch")
            ax.set_ylabel(CURVE_NAMES[curve])
            if legend:
                ax.legend(fontsize=7, loc="upper right" if log else "lower right")


def gated_comparison_alt_text(comparison: GatedComparison, curves: Sequence[str]) -> str:
    """Describe a grid of :func:`plot_gated_pairs` rows, one row per curve, with numbers."""
    instance("comparison", comparison, GatedComparison, "a GatedComparison (gated_comparison())")
    curves = [choice("curves", c, tuple(CURVE_NAMES)) for c in name_sequence("curves", curves)]
    gates = list(dict.fromkeys(v.gate for v in comparison.variants))
    parts = []
    for curve in curves:
        pairs = []
        for gate in gates:
            described = []
            for v in (v for v in comparison.variants if v.gate == gate):
                final = comparison.final(v.label, curve)
                described.append(f"{v.label} {final.min():.3g} to {final.max():.3g}")
            pairs.append(" against ".join(described))
        parts.append(
            f"{CURVE_NAMES[curve].capitalize()} after the last epoch, lowest to highest "
            "over the seeds: " + "; ".join(pairs)
        )
    return (
        f"Panels of training on {comparison.data_name} over {len(comparison.seeds)} "
        f"seeds, one column per gate activation ({', '.join(gates)}) and one row per "
        f"curve ({', '.join(CURVE_NAMES[c] for c in curves)}) against the epoch: the mean "
        "as a line, the range over seeds as a band, grey for the dense hidden layer and "
        "blue for its gated twin with about as many parameters. " + ". ".join(parts) + "."
    )
