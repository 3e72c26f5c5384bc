"""Pictures of single threshold units (:mod:`actbook.training._perceptron` trains them).

:func:`plot_linear_unit` draws a unit's two classes of points and its decision line after
one epoch, circling the points it gets wrong; :func:`perceptron_explorer` slides through
the epochs of a perceptron's training and :func:`linear_unit_figure` shows a whole run
(the error criterion by epoch, then the final line), as for ADALINE.
:func:`loss_along_weight_figure` draws the loss along one weight for a step output and a
smooth one, computed by :func:`actbook.loss_along_weight`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import instance, name_sequence
from ..activations import get
from ..training import LinearUnitTrace, loss_along_weight
from ._experiments import BOUNDARY_COLOR, CLASS_COLORS, _scatter_classes
from ._neuron import _zero_line
from ._plot import Picture, new_figure, show
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "linear_unit_figure",
    "loss_along_weight_figure",
    "perceptron_explorer",
    "plot_linear_unit",
]

#: Words for the markers of :data:`._experiments.CLASS_MARKERS`, for alt text.
_MARKER_WORDS = ("circles", "squares")
#: Line styles of the curves of :func:`loss_along_weight_figure`, in order.
_LINESTYLES = ("-", "--", ":", "-.")
_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _labelled(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    if x.ndim != 2 or x.shape[1] != 2 or len(x) == 0:
        raise ValueError(f"parameter 'x' must have shape (n, 2) with n >= 1, got {x.shape}")
    if y.shape != (len(x),) or not np.isin(y, (0, 1)).all():
        raise ValueError(f"parameter 'y' must hold {len(x)} labels, each 0 or 1")
    return x, y.astype(np.int64)


def _box(x: np.ndarray, margin: float) -> tuple[tuple[float, float], tuple[float, float]]:
    low, high = x.min(axis=0) - margin, x.max(axis=0) + margin
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def plot_linear_unit(
    ax: Axes,
    trace: LinearUnitTrace,
    x: Any,
    y: Any,
    epoch: int = -1,
    *,
    margin: float = 0.4,
    title: bool = True,
    marker_size: float = 14.0,
) -> int:
    """Draw a unit's points and its decision line after ``epoch``, circling its mistakes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    trace : LinearUnitTrace
        What :func:`actbook.perceptron` or :func:`actbook.adaline` recorded.
    x : array_like, shape (n, 2)
        The training points.
    y : array_like of int, shape (n,)
        Their labels, 0 (circles) or 1 (squares), in the book's class colours.
    epoch : int
        Row of the trace to draw; the last one by default. Before training (epoch 0) the
        weights are zero and there is no line.
    margin : float
        Space around the points, in data units.
    title : bool
        Title the panel with the epoch and the number of misclassified points.
    marker_size : float
        Area of each point's marker (matplotlib's ``s``).

    Returns
    -------
    int
        The number of misclassified points, circled.
    """
    instance("trace", trace, LinearUnitTrace, "a LinearUnitTrace from perceptron() or adaline()")
    x, y = _labelled(x, y)
    row = range(trace.epochs + 1)[epoch]  # an IndexError names a bad epoch
    wrong = trace.predict(x, row) != y
    xlim, ylim = _box(x, margin)
    with style():
        _scatter_classes(ax, x, y, CLASS_COLORS[:2], size=marker_size)
        ax.scatter(
            x[wrong, 0],
            x[wrong, 1],
            s=5 * marker_size,
            facecolors="none",
            edgecolors=BOUNDARY_COLOR,
            linewidths=1.2,
        )
        _zero_line(ax, trace.weights[row], trace.biases[row], xlim, ylim, color=BOUNDARY_COLOR)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        if title:
            ax.set_title(f"after epoch {row}: {int(wrong.sum())} misclassified")
    return int(wrong.sum())


def perceptron_explorer(
    trace: LinearUnitTrace,
    x: Any,
    y: Any,
    *,
    epochs: Sequence[int] | None = None,
    default: int = 1,
) -> Explorer:
    """A slider over the epochs of a perceptron's training: points, line and mistakes.

    Parameters
    ----------
    trace : LinearUnitTrace
        From :func:`actbook.perceptron`.
    x, y : array_like
        The training points and labels, as for :func:`plot_linear_unit`.
    epochs : sequence of int, optional
        The epochs the slider offers; from 0 to the epoch after which no point is
        misclassified (or to the last epoch, if that never happens) if omitted.
    default : int
        The epoch shown first; it must be one of ``epochs``.

    Returns
    -------
    Explorer
    """
    instance("trace", trace, LinearUnitTrace, "a LinearUnitTrace from perceptron() or adaline()")
    x, y = _labelled(x, y)
    if epochs is None:
        last = trace.converged_epoch if trace.converged_epoch is not None else trace.epochs
        epochs = range(last + 1)
    epochs = list(epochs)
    if not all(0 <= e <= trace.epochs for e in epochs):
        raise ValueError(f"parameter 'epochs' must lie in [0, {trace.epochs}], got {epochs}")

    def draw(ax: Axes, *, epoch: int) -> None:
        plot_linear_unit(ax, trace, x, y, epoch)

    def alt(values: Mapping[str, Any]) -> str:
        epoch = values["epoch"]
        line = "no line yet, all weights are zero" if epoch == 0 else "the perceptron's line"
        return (
            f"Two classes of points, {' and '.join(_MARKER_WORDS)}, and {line} after epoch "
            f"{epoch}; {int(trace.mistakes[epoch])} points are misclassified and circled."
        )

    return explorer(draw, [Control("epoch", epochs, default=default)], alt=alt)


def linear_unit_figure(
    trace: LinearUnitTrace,
    x: Any,
    y: Any,
    *,
    unit: str = "the unit",
    figsize: tuple[float, float] | None = (8.0, 3.6),
) -> Picture:
    r"""A unit's training run: its squared error by epoch, then its final line.

    Left, the mean of :math:`\tfrac12 (t - z)^2` (targets :math:`t = \pm 1`, the
    criterion ADALINE minimises) after every epoch; right, the points and the decision
    line after the last epoch, with any misclassified point circled.

    Parameters
    ----------
    trace : LinearUnitTrace
        From :func:`actbook.adaline` or :func:`actbook.perceptron`.
    x, y : array_like
        The training points and labels, as for :func:`plot_linear_unit`.
    unit : str
        What to call the unit in the alt text, e.g. ``"ADALINE"``.
    figsize : tuple of float, optional
        Size of the figure in inches.

    Returns
    -------
    Picture
    """
    instance("trace", trace, LinearUnitTrace, "a LinearUnitTrace from perceptron() or adaline()")
    fig, (left, right) = new_figure(1, 2, figsize=figsize)
    error = trace.squared_error
    with style():
        left.plot(np.arange(trace.epochs + 1), error, color=COLORS["function"], marker="o", ms=3)
        left.set_xlabel("epoch")
        left.set_ylabel("mean of ½(t − z)²")
    wrong = plot_linear_unit(right, trace, x, y, title=False, marker_size=12.0)
    course = f"{error[0]:.3g} before training"
    if trace.epochs >= 1:
        course += f", {error[1]:.3g} after epoch 1"
    if trace.epochs >= 2:
        course += f" and {error[-1]:.3g} after epoch {trace.epochs}, the last"
    alt = (
        f"Left: {unit}'s mean squared error against the epoch: {course}. Right: the two "
        f"classes of points, {' and '.join(_MARKER_WORDS)}, with {unit}'s final decision "
        f"line; {wrong} points are misclassified" + (" and circled." if wrong else ".")
    )
    return show(fig, alt)


def loss_along_weight_figure(
    x: Any,
    y: Any,
    weights: Any,
    bias: float,
    *,
    activations: Sequence[str] = ("step", "sigmoid"),
    shifts: Any = None,
    steepness: float = 4.0,
    index: int = 0,
    description: str | None = None,
) -> Picture:
    """The loss along one weight of a unit, once per output activation, on one axes.

    Each curve is :func:`actbook.loss_along_weight` for one activation: a step output
    gives flat pieces joined by jumps, a smooth output a curve with a slope.

    Parameters
    ----------
    x, y : array_like
        The points, shape (n, d), and their labels 0 or 1.
    weights, bias
        The unit, e.g. a trained perceptron's last weights and bias.
    activations : sequence of str
        The output activations compared, one line each (solid, dashed, ...).
    shifts : array_like, optional
        Changes of the weight; 801 values from -2 to 2 if omitted.
    steepness, index
        As for :func:`actbook.loss_along_weight`.
    description : str, optional
        Sentences on what the curves show, appended to the generated alt text (which
        gives, per curve, how often it changes value and where it is lowest).

    Returns
    -------
    Picture
    """
    activations = name_sequence("activations", activations)
    shifts = np.linspace(-2.0, 2.0, 801) if shifts is None else np.asarray(shifts, float)
    if not 1 <= len(activations) <= len(_LINESTYLES):
        raise ValueError(
            f"parameter 'activations' needs 1 to {len(_LINESTYLES)} names, got {activations!r}"
        )
    losses = {
        get(a).name: loss_along_weight(
            x, y, weights, bias, shifts, activation=a, steepness=steepness, index=index
        )
        for a in activations
    }
    which = _ORDINALS[index] if index < len(_ORDINALS) else f"number {index + 1}"
    colors = (COLORS["function"], COLORS["derivative"], COLORS["reference"], COLORS["accent"])
    fig, ax = new_figure()
    with style():
        for (name, loss), color, dash in zip(losses.items(), colors, _LINESTYLES, strict=False):
            ax.plot(shifts, loss, color=color, linestyle=dash, label=f"{name} output")
        ax.set_xlabel(f"change of the {which} weight")
        ax.set_ylabel("mean squared error")
        ax.legend(loc="upper center")
    words = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dash-dotted"}
    parts = []
    for (name, loss), dash in zip(losses.items(), _LINESTYLES, strict=False):
        changes = int(np.count_nonzero(np.diff(loss)))
        lowest = shifts[loss == loss.min()]
        where = f"at a change of {lowest[0] + 0.0:.2g}"
        if lowest[-1] != lowest[0]:
            where = f"for changes from {lowest[0] + 0.0:.2g} to {lowest[-1] + 0.0:.2g}"
        parts.append(
            f"with the {name} output, {words[dash]}, the error changes value between "
            f"{changes} of the {len(shifts) - 1} pairs of neighbouring samples and is "
            f"lowest, {loss.min():.3f}, {where}"
        )
    alt = (
        f"Mean squared error of the unit against a change of its {which} weight from "
        f"{shifts[0]:g} to {shifts[-1]:g}: " + "; ".join(parts) + "."
    )
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)
