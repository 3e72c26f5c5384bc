"""Pictures of a single neuron: its weighted sum and what each activation makes of it.

:func:`neuron_explorer` shows a one-input neuron ``f(w x + b)`` next to its weighted sum
``z = w x + b``, with buttons for the activation; :func:`two_input_neuron_figure` colours
the plane of a two-input neuron's inputs by its output, one panel per activation, with
the line where ``z = 0``. The perceptron pictures (:mod:`._perceptron`) draw that same
line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import name_sequence, number_sequence, real
from ..activations import get
from ._plot import Picture, new_figure, plot_activation, show
from ._style import COLORS, style
from ._widgets import Control, Explorer, _preferred, explorer

__all__ = ["neuron_explorer", "two_input_neuron_figure"]

#: Colour map of the two-input pictures. The book's palette (``COLORS``) is categorical;
#: a continuous output needs a sequential map, and viridis is perceptually uniform and
#: stays readable in grey and with the common colour-vision deficiencies.
OUTPUT_CMAP = "viridis"


def _zero_line(
    ax: Axes,
    weights: Sequence[float],
    bias: float,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    **line: Any,
) -> list[Any]:
    """Draw the line ``w1 x1 + w2 x2 + b = 0`` of a two-input unit across the given box.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    weights : sequence of float, length 2
        ``(w1, w2)``.
    bias : float
        ``b``.
    xlim, ylim : tuple of float
        The box the line crosses (the axes' limits are not changed).
    **line
        Passed to :meth:`matplotlib.axes.Axes.plot` (colour, line style).

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line, or none when both weights are zero (then no input is on the line,
        or every input is).
    """
    w1, w2 = (float(w) for w in weights)
    if w2 != 0.0:
        x1 = np.array(xlim, dtype=np.float64)
        return ax.plot(x1, -(w1 * x1 + bias) / w2, **line)
    if w1 != 0.0:
        return ax.plot([-bias / w1] * 2, list(ylim), **line)
    return []


def _equation(weights: Sequence[float], bias: float) -> str:
    """``w1 x1 + w2 x2 = -b`` in words a screen reader reads: ``x1 + 2 x2 = 1``."""
    terms = []
    for i, w in enumerate(weights, start=1):
        if w == 0:
            continue
        size = "" if abs(w) == 1 else f"{abs(w):g} "
        sign = "-" if w < 0 else "+"
        terms.append((sign, f"{size}x{i}"))
    if not terms:
        return "0"
    first_sign, first = terms[0]
    text = ("-" if first_sign == "-" else "") + first
    text += "".join(f" {sign} {term}" for sign, term in terms[1:])
    return f"{text} = {-bias + 0.0:g}"


def _about(value: float) -> str:
    """``value`` to three digits, marked "about" when that rounds it."""
    text = f"{value + 0.0:.3g}"
    return text if float(text) == value else f"about {text}"


def neuron_explorer(
    activations: Sequence[str],
    *,
    weights: Sequence[float],
    biases: Sequence[float],
    default: str | None = None,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] = (-2.5, 2.5),
    figsize: tuple[float, float] | None = (6.0, 3.2),
) -> Explorer:
    """Buttons for the activation, sliders for weight and bias: ``f(w x + b)`` and ``z``.

    Each frame draws the weighted sum ``z = w x + b`` as a dashed grey line and the
    neuron's output ``f(z)`` solid, on fixed limits, so that the reader sees where the
    output changes behaviour: where ``z`` crosses zero, at ``x = -b / w``.

    Parameters
    ----------
    activations : sequence of str
        Registry names offered by the buttons.
    weights, biases : sequence of float
        Values of the two sliders; 1 and 0 are the defaults when offered. No weight may
        be zero (the crossing ``-b / w`` would not exist).
    default : str, optional
        The activation shown first; the first one if omitted.
    xlim, ylim : tuple of float
        Fixed limits of every frame.
    figsize : tuple of float, optional
        Size of each frame in inches.

    Returns
    -------
    Explorer
    """
    activations = name_sequence("activations", activations)
    weights = number_sequence("weights", weights)
    biases = number_sequence("biases", biases)
    names = [get(a).name for a in activations]
    if not names:
        raise ValueError("parameter 'activations' needs at least one activation")
    if any(float(w) == 0.0 for w in weights):
        raise ValueError(f"parameter 'weights' must not contain 0, got {list(weights)}")
    x = np.linspace(xlim[0], xlim[1], 401)

    def draw(ax: Axes, *, activation: str, weight: float, bias: float) -> None:
        with style():
            ax.plot(x, weight * x + bias, color=COLORS["muted"], linestyle="--", label="z = wx + b")
        plot_activation(
            ax,
            activation,
            weight=weight,
            bias=bias,
            derivative=False,
            xlim=xlim,
            ylim=ylim,
            label=f"output f(z), {activation}",
        )
        with style():
            ax.set_title(f"w = {weight:g}, b = {bias:g}")

    def alt(values: Mapping[str, Any]) -> str:
        w, b, name = values["weight"], values["bias"], values["activation"]
        return (
            f"The output of a one-input neuron with the {get(name).title} activation, weight "
            f"{w:g} and bias {b:g}, drawn solid for x from {xlim[0]:g} to {xlim[1]:g}, "
            f"together with its weighted sum z = {w:g} x + {b:g}, a dashed straight line; "
            f"the output changes behaviour where z = 0, at x = {-b / w + 0.0:g}."
        )

    controls = [
        Control("activation", names, default=None if default is None else get(default).name),
        Control("weight", list(weights), default=_preferred(weights, 1.0)),
        Control("bias", list(biases), default=_preferred(biases, 0.0)),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def two_input_neuron_figure(
    activations: Sequence[str],
    weights: Sequence[float],
    bias: float,
    *,
    lim: float = 3.0,
    resolution: int = 201,
    ncols: int = 2,
    figsize: tuple[float, float] | None = (7.0, 6.0),
    description: str | None = None,
) -> Picture:
    """One colour map per activation of a two-input neuron's output over its inputs.

    Every panel shows ``f(w1 x1 + w2 x2 + b)`` over the square ``[-lim, lim]^2`` with a
    colour bar, and the line where the weighted sum is zero, dashed: the same line in
    every panel, since only the activation changes.

    Parameters
    ----------
    activations : sequence of str
        Registry names, one panel each, in reading order.
    weights : sequence of float, length 2
        ``(w1, w2)``.
    bias : float
        ``b``.
    lim : float
        Half the side of the square of inputs.
    resolution : int
        Grid points per axis.
    ncols : int
        Panels per row.
    figsize : tuple of float, optional
        Size of the figure in inches.
    description : str, optional
        Sentences on what the panels show, appended to the generated alt text (which
        names the neuron, the line and each panel's range of outputs).

    Returns
    -------
    Picture
    """
    activations = name_sequence("activations", activations)
    weights = number_sequence("weights", weights)
    if len(weights) != 2:
        raise ValueError(f"parameter 'weights' must hold the two input weights, got {weights!r}")
    bias = real("bias", bias)
    records = [get(a) for a in activations]
    if not records:
        raise ValueError("parameter 'activations' needs at least one activation")
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (2,):
        raise ValueError(f"parameter 'weights' must hold two numbers, got {list(weights)}")
    if lim <= 0:
        raise ValueError(f"parameter 'lim' must be positive, got {lim!r}")
    grid = np.linspace(-lim, lim, resolution)
    x1, x2 = np.meshgrid(grid, grid)
    weighted = w[0] * x1 + w[1] * x2 + bias
    nrows = -(-len(records) // ncols)
    fig, axes = new_figure(nrows, ncols, figsize=figsize)
    flat = np.atleast_1d(axes).ravel()
    ranges = []
    with style():
        for ax, record in zip(flat, records, strict=False):
            output = record(weighted)
            ranges.append((float(output.min()), float(output.max())))
            image = ax.pcolormesh(x1, x2, output, cmap=OUTPUT_CMAP, shading="auto")
            _zero_line(ax, w, bias, (-lim, lim), (-lim, lim), color="white", linestyle="--")
            ax.set_xlim(-lim, lim)
            ax.set_ylim(-lim, lim)
            ax.set_aspect("equal")
            ax.set_title(record.title)
            ax.set_xlabel("$x_1$")
            ax.set_ylabel("$x_2$")
            ax.grid(False)
            fig.colorbar(image, ax=ax, shrink=0.8)
        for ax in flat[len(records) :]:
            ax.set_visible(False)
    panels = "; ".join(
        f"{record.title} from {_about(low)} to {_about(high)}"
        for record, (low, high) in zip(records, ranges, strict=True)
    )
    alt = (
        f"One colour map per activation of a two-input neuron with weights {w[0]:g} and "
        f"{w[1]:g} and bias {bias:g}, over x1 and x2 from {-lim:g} to {lim:g}, each with the "
        f"dashed line {_equation(w, bias)} where the weighted sum is zero. The outputs "
        f"range: {panels}."
    )
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)
