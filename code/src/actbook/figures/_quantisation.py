"""Drawing activations on integer codes (what :mod:`actbook.activations._quantisation` computes).

:func:`plot_quantised` draws the staircase an :class:`actbook.IntegerActivation` computes
over the real inputs, against the smooth function it stands for; :func:`plot_quantisation_error`
draws how far several integer activations are from one real function;
:func:`quantisation_explorer` compares the sigmoid's lookup table with the table-free
integer hard sigmoid as the code width changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import instance, name_sequence
from .._checks import integer as integer_argument
from ..activations import (
    Activation,
    IntegerActivation,
    get,
    integer_hard_sigmoid,
    lookup_activation,
    sigmoid_quantisers,
)
from ._charts import SERIES_COLORS
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "plot_quantisation_error",
    "plot_quantised",
    "quantisation_explorer",
    "quantised_alt_text",
]


def _bits(integer: IntegerActivation) -> int:
    return int(np.log2(integer.input.qmax - integer.input.qmin + 1))


def _edges(integer: IntegerActivation) -> np.ndarray:
    """Boundaries of the input codes' rounding cells, clipped to the representable range."""
    centres = integer.input.dequantise(integer.input.codes)
    inner = centres[:-1] + integer.input.scale / 2
    return np.concatenate(([integer.input.low], inner, [integer.input.high]))


def _integer_activation(name: str, value: Any) -> IntegerActivation:
    what = "an IntegerActivation (from ab.lookup_activation() or ab.integer_hard_sigmoid())"
    return instance(name, value, IntegerActivation, what)


def _name(integer: IntegerActivation) -> str:
    return f"{get(integer.activation).title}, {_bits(integer)}-bit codes"


def plot_quantised(
    ax: Axes,
    integer: IntegerActivation,
    reference: str | Activation = "sigmoid",
    *,
    ylim: tuple[float, float] | None = (-0.05, 1.05),
    points: int = 801,
) -> list[Any]:
    """Draw the staircase ``integer`` computes and the real ``reference`` beneath it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    integer : IntegerActivation
        The integer-code activation; its output is drawn constant on each input code's
        rounding cell.
    reference : str or Activation
        The real function it is compared with, drawn as a thin line.
    ylim : tuple of float, optional
        Vertical limits.
    points : int
        Sample points of the reference curve.

    Returns
    -------
    list
        The staircase (a StepPatch) and the reference line.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    _integer_activation("integer", integer)
    ref = get(reference)
    x = np.linspace(integer.input.low, integer.input.high, _points(points))
    outputs = integer.output.dequantise(integer.table)
    error = integer.max_error(ref)
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
        (line,) = ax.plot(x, ref(x), color=COLORS["reference"], linewidth=1.2, label=ref.title)
        steps = ax.stairs(
            outputs,
            _edges(integer),
            baseline=None,
            color=COLORS["function"],
            linewidth=1.6,
            label=_name(integer),
        )
        ax.set_xlim(integer.input.low, integer.input.high)
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.set_xlabel("x")
        ax.set_title(
            f"{integer.method}: {integer.levels} output levels,\n"
            f"largest error against the {ref.title.lower()} {error:.3g}",
            fontsize="small",
        )
        ax.legend(loc="upper left", fontsize="small")
    return [steps, line]


def quantised_alt_text(integer: IntegerActivation, reference: str | Activation = "sigmoid") -> str:
    """Describe in words what :func:`plot_quantised` draws, for the ``alt`` attribute."""
    _integer_activation("integer", integer)
    ref = get(reference)
    return (
        f"Staircase plot of the {_name(integer)}, computed with {integer.method}, over x from "
        f"{integer.input.low:g} to {integer.input.high:g}, above a thin curve of the "
        f"{ref.title.lower()}: {integer.levels} distinct output levels, largest error "
        f"against the {ref.title.lower()} {integer.max_error(ref):.3g}."
    )


def plot_quantisation_error(
    ax: Axes,
    integers: Sequence[IntegerActivation],
    reference: str | Activation = "sigmoid",
    *,
    points: int = 4001,
) -> list[Any]:
    """Draw ``|integer(x) - reference(x)|`` for each integer activation, one colour each.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    integers : sequence of IntegerActivation
        At most five, each labelled by its function, code width and largest error.
    reference : str or Activation
        The real function they are compared with.
    points : int
        Sample points over the widest input range.

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line per integer activation.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    integers = name_sequence("integers", integers, minimum=0, what="IntegerActivations")
    if not integers:
        raise ValueError("parameter 'integers' needs at least one IntegerActivation")
    for i, item in enumerate(integers):
        _integer_activation(f"integers[{i}]", item)
    if len(integers) > len(SERIES_COLORS):
        raise ValueError(f"parameter 'integers': at most {len(SERIES_COLORS)} can be told apart")
    ref = get(reference)
    low = min(i.input.low for i in integers)
    high = max(i.input.high for i in integers)
    x = np.linspace(low, high, _points(points))
    lines = []
    largest = 0.0
    with style():
        for integer, color in zip(integers, SERIES_COLORS, strict=False):
            inside = x[(x >= integer.input.low) & (x <= integer.input.high)]
            label = f"{_name(integer)}: largest {integer.max_error(ref):.3g}"
            error = np.abs(integer(inside) - ref(inside))
            largest = max(largest, float(error.max()))
            lines += ax.plot(inside, error, color=color, label=label, linewidth=1.2)
        ax.set_xlim(low, high)
        ax.set_ylim(0, 1.4 * largest or 1.0)  # headroom for the legend
        ax.set_xlabel("x")
        ax.set_ylabel(f"|output − {ref.title.lower()}(x)|")
        ax.legend(loc="upper left", fontsize="small")
    return lines


def _points(points: Any) -> int:
    return integer_argument("points", points, 2)


def _integer_sigmoid(name: str, bits: int) -> IntegerActivation:
    inputs, outputs = sigmoid_quantisers(bits)
    if name == "hard_sigmoid":
        return integer_hard_sigmoid(inputs, outputs)
    return lookup_activation(name, inputs, outputs)


def quantisation_explorer(
    bits: Sequence[int] = (4, 5, 6, 7, 8),
    *,
    choices: Sequence[str] = ("sigmoid", "hard_sigmoid"),
    reference: str = "sigmoid",
    figsize: tuple[float, float] | None = (5.5, 3.3),
    max_frames: int = 64,
) -> Explorer:
    """An explorer: code width (slider) and activation (buttons) on integer codes.

    ``hard_sigmoid`` is computed by :func:`actbook.integer_hard_sigmoid`, any other name
    by its lookup table (:func:`actbook.lookup_activation`); both use the quantisers of
    :func:`actbook.sigmoid_quantisers`.

    Parameters
    ----------
    bits : sequence of int
        Code widths offered; 8 is the initial one when offered. The hard sigmoid needs 4
        or more (3 must be a whole number of input steps).
    choices : sequence of str
        Registry names offered by the buttons.
    reference : str
        The real function every frame is compared with.
    figsize : tuple of float, optional
        Size of each frame in inches.
    max_frames : int
        See :func:`actbook.explorer`.

    Returns
    -------
    Explorer
    """
    names = [get(c).name for c in name_sequence("choices", choices)]
    # The integer hard sigmoid needs 3 to be a whole number of input steps: 4 bits or more.
    fewest = 4 if "hard_sigmoid" in names else 2
    bits = [
        integer_argument(f"bits[{i}]", b, fewest, 16)
        for i, b in enumerate(name_sequence("bits", bits, what="code widths"))
    ]
    controls = [
        Control("bits", list(bits), default=8 if 8 in list(bits) else None, label="bits"),
        Control("activation", names),
    ]

    def draw(ax: Axes, *, bits: int, activation: str) -> None:
        plot_quantised(ax, _integer_sigmoid(activation, bits), reference)

    def alt(values: Mapping[str, Any]) -> str:
        return quantised_alt_text(_integer_sigmoid(values["activation"], values["bits"]), reference)

    return explorer(draw, controls, alt=alt, figsize=figsize, max_frames=max_frames)
