"""What one two-input unit computes over the plane, and where it crosses a threshold.

A unit with weights :math:`w` and bias :math:`b` outputs :math:`f(w_1 x_1 + w_2 x_2 + b)`.
:func:`plot_unit_map` colours the plane by that output, draws the contour where it
equals a threshold, and marks labelled points (the XOR truth table by default) with the
unit's output at each. A monotone ``f`` can only split the plane into two half-planes
along a line; a bump such as the Gaussian is above the threshold on a band between two
parallel lines, which is how a single unit computes XOR. :func:`unit_map_explorer` lets
the reader change the activation and the bias.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import (
    figure_size,
    finite_array,
    instance,
    integer,
    interval,
    name_sequence,
    number_sequence,
    real,
)
from ..activations import Activation, get
from ._experiments import CLASS_MARKERS
from ._style import style
from ._widgets import Control, Explorer, explorer

__all__ = ["plot_unit_map", "unit_map_alt_text", "unit_map_explorer"]

#: The XOR truth table: the four corners of the unit square and their labels.
XOR_POINTS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
XOR_LABELS = (0, 1, 1, 0)


def _unit(activation: Any, weights: Any, bias: Any) -> tuple[Activation, np.ndarray, float]:
    act = get(activation)
    if not act.elementwise:
        raise ValueError(f"parameter 'activation': {act.name} is not elementwise")
    weights = np.array(number_sequence("weights", weights, minimum=2), dtype=np.float64)
    if weights.shape != (2,):
        raise ValueError(f"parameter 'weights' must be two numbers, got {weights.tolist()}")
    return act, weights, real("bias", bias)


def _points(points: Any, labels: Any) -> tuple[np.ndarray, np.ndarray]:
    points = finite_array("points", points, ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"parameter 'points' must have shape (n, 2), got {points.shape}")
    labels = np.array(
        [integer(f"labels[{i}]", v, 0, 1) for i, v in enumerate(name_sequence("labels", labels))]
    )
    if len(labels) != len(points):
        raise ValueError(
            f"parameter 'labels' must have one 0/1 label per point, got {len(labels)} for "
            f"{len(points)} points"
        )
    return points, labels


def _outputs(act: Activation, weights: np.ndarray, bias: float, points: np.ndarray):
    return act(points @ weights + bias)


def plot_unit_map(
    ax: Axes,
    activation: str | Activation,
    *,
    weights: Sequence[float] = (1.0, 1.0),
    bias: float = -1.0,
    threshold: float = 0.5,
    points: Any = XOR_POINTS,
    labels: Sequence[int] = XOR_LABELS,
    lim: tuple[float, float] = (-0.5, 1.5),
    resolution: int = 121,
) -> np.ndarray:
    """Colour the square ``lim x lim`` by the unit's output and mark the labelled points.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    activation : str or Activation
        An elementwise registry activation, at its default parameters.
    weights : pair of float
        The unit's two weights.
    bias : float
        Its bias.
    threshold : float
        The output level drawn as a white contour; a point is classed 1 when the
        output reaches it.
    points : array_like, shape (n, 2)
        Points to mark, each annotated with the unit's output there.
    labels : sequence of int
        Their 0/1 labels: 1 a filled black square, 0 a hollow circle.
    lim : tuple of float
        The range of both axes.
    resolution : int
        Grid points per axis.

    Returns
    -------
    ndarray
        The unit's outputs at ``points``.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    act, weights, bias = _unit(activation, weights, bias)
    threshold = real("threshold", threshold)
    points, labels = _points(points, labels)
    low, high = interval("lim", lim)
    grid = np.linspace(low, high, integer("resolution", resolution, 2))
    x1, x2 = np.meshgrid(grid, grid)
    values = act(weights[0] * x1 + weights[1] * x2 + bias)
    outputs = _outputs(act, weights, bias, points)
    with style():
        image = ax.pcolormesh(x1, x2, values, cmap="viridis", shading="auto")
        if values.min() < threshold < values.max():
            ax.contour(x1, x2, values, levels=[threshold], colors="white", linewidths=1.5)
        for point, label, output in zip(points, labels, outputs, strict=True):
            # Black and white read on every colour of the map: label 1 a filled black
            # square, label 0 a hollow circle, as the legend of the chapter says.
            ax.scatter(
                *point,
                s=70,
                marker=CLASS_MARKERS[label],
                facecolors="black" if label else "white",
                edgecolors="white" if label else "black",
                linewidths=1.5,
                zorder=3,
            )
            ax.annotate(
                f"{output:.2f}",
                point,
                xytext=(8, 8),
                textcoords="offset points",
                fontsize=9,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
            )
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.grid(False)
        ax.set_title(f"{act.title} of {_affine_text(weights, bias)}", fontsize=10)
        ax.figure.colorbar(image, ax=ax, shrink=0.8)
    return outputs


def _affine_text(weights: np.ndarray, bias: float) -> str:
    terms = [f"{weights[0]:g} x1", f"{abs(weights[1]):g} x2", f"{abs(bias):g}"]
    signs = ["+" if weights[1] >= 0 else "−", "+" if bias >= 0 else "−"]
    return f"{terms[0]} {signs[0]} {terms[1]} {signs[1]} {terms[2]}".replace("1 x", "x")


def unit_map_alt_text(
    activation: str | Activation,
    *,
    weights: Sequence[float] = (1.0, 1.0),
    bias: float = -1.0,
    threshold: float = 0.5,
    points: Any = XOR_POINTS,
    labels: Sequence[int] = XOR_LABELS,
    lim: tuple[float, float] = (-0.5, 1.5),
) -> str:
    """Describe in words what :func:`plot_unit_map` draws, for the ``alt`` attribute."""
    act, weights, bias = _unit(activation, weights, bias)
    threshold = real("threshold", threshold)
    points, labels = _points(points, labels)
    low, high = interval("lim", lim)
    outputs = _outputs(act, weights, bias, points)
    classes = (outputs >= threshold).astype(int)
    where = ", ".join(f"({p[0]:g}, {p[1]:g})" for p in points)
    right = int(np.sum(classes == labels))
    verdict = "all of them" if right == len(labels) else f"{right} of {len(labels)}"
    return (
        f"Colour map of the {act.title} of {_affine_text(weights, bias)} over x1 and x2 from "
        f"{low:g} to {high:g}, with a white contour where it equals {threshold:g}. At the "
        f"points {where} it is {', '.join(f'{v:.2f}' for v in outputs)}; thresholding at "
        f"{threshold:g} gives {', '.join(map(str, classes))} against the labels "
        f"{', '.join(map(str, labels))}: {verdict} right."
    )


def unit_map_explorer(
    activations: Sequence[str] = ("sigmoid", "gaussian", "sinc"),
    biases: Sequence[float] = (-1.5, -1.0, -0.5),
    *,
    weights: Sequence[float] = (1.0, 1.0),
    threshold: float = 0.5,
    points: Any = XOR_POINTS,
    labels: Sequence[int] = XOR_LABELS,
    figsize: tuple[float, float] = (4.8, 3.8),
) -> Explorer:
    """Activation (toggle buttons) x bias (slider): :func:`plot_unit_map` of one unit.

    Parameters
    ----------
    activations : sequence of str
        Elementwise registry activations.
    biases : sequence of float
        The bias slider's values; -1 is shown first if offered.
    weights, threshold, points, labels
        As for :func:`plot_unit_map`.
    figsize : tuple of float
        Size of each frame.

    Returns
    -------
    Explorer
    """
    chosen = [get(a).name for a in name_sequence("activations", activations)]
    for name in chosen:
        _unit(name, weights, 0.0)
    biases = number_sequence("biases", biases)
    _points(points, labels)
    threshold = real("threshold", threshold)
    figsize = figure_size("figsize", figsize)
    common: Mapping[str, Any] = {
        "weights": weights,
        "threshold": threshold,
        "points": points,
        "labels": labels,
    }

    def draw(ax: Axes, activation: str, bias: float) -> None:
        plot_unit_map(ax, activation, bias=bias, resolution=81, **common)

    def alt(values: Mapping[str, Any]) -> str:
        return unit_map_alt_text(values["activation"], bias=values["bias"], **common)

    controls = [
        Control("activation", chosen, default="gaussian" if "gaussian" in chosen else None),
        Control("bias", biases, default=-1.0 if -1.0 in biases else None),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)
