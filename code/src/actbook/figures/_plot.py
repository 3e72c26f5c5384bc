"""The plot helper every chapter calls, and the figure-to-page plumbing.

Figures are made with :class:`matplotlib.figure.Figure` directly, not through pyplot:
they are never registered with a global figure manager, so nothing is displayed twice
and nothing leaks. :func:`show` turns a figure into a :class:`Picture`, a PNG with alt
text that renders the same in Jupyter and in the built book.
"""

from __future__ import annotations

import base64
import html
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from PIL import Image

from .._checks import boolean, figure_size, instance, integer, interval, real
from ..activations import Activation, get
from ._style import COLORS, style

__all__ = [
    "Picture",
    "activation_alt_text",
    "activation_figure",
    "broken_at_jumps",
    "fixed_layout",
    "new_figure",
    "plot_activation",
    "png_bytes",
    "show",
]

#: Colours kept after palette quantisation: plots use a handful of colours plus
#: anti-aliasing shades, so 64 keep them crisp at a third of the file size.
_PALETTE_COLORS = 64


def new_figure(
    nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] | None = None
) -> tuple[Figure, Any]:
    """Create a figure and its axes in the book's style, outside pyplot.

    Parameters
    ----------
    nrows, ncols : int
        Grid of subplots.
    figsize : tuple of float, optional
        Size in inches; the style's default if omitted.

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or ndarray of Axes
        As :meth:`matplotlib.figure.Figure.subplots` returns them.
    """
    nrows, ncols = integer("nrows", nrows, 1, 20), integer("ncols", ncols, 1, 20)
    figsize = None if figsize is None else figure_size("figsize", figsize)
    with style():
        fig = Figure(figsize=figsize, layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=True)
    return fig, axes


#: The margins :func:`fixed_layout` accepts, as for ``Figure.subplots_adjust``.
_MARGINS = ("left", "right", "bottom", "top", "wspace", "hspace")


def fixed_layout(ax: Axes, **margins: float) -> None:
    """Turn off the constrained layout of ``ax``'s figure and place it by fixed margins.

    An explorer draws dozens of frames with identical axes; computing the layout of each
    from its tick labels took about half of a frame's time. Fixed margins cost nothing.
    Call it first in a draw function, before :func:`actbook.split_axes`, so that the
    panels made afterwards follow the margins too.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        An axes made by :func:`new_figure` (it has a subplot spec).
    **margins : float
        ``left``, ``right``, ``bottom``, ``top`` (fractions of the figure, in ``[0, 1]``)
        and ``wspace``, ``hspace`` (fractions of an axes' size, ``>= 0``), as for
        :meth:`matplotlib.figure.Figure.subplots_adjust`; the others keep their values.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    unknown = sorted(set(margins) - set(_MARGINS))
    if unknown:
        raise ValueError(f"parameter {unknown[0]!r} is not a margin; the margins are {_MARGINS}")
    checked = {
        name: real(name, value, low=0.0, high=math.inf if name.endswith("space") else 1.0)
        for name, value in margins.items()
    }
    for low, high in (("left", "right"), ("bottom", "top")):
        if low in checked and high in checked and not checked[low] < checked[high]:
            raise ValueError(
                f"parameters {low!r} and {high!r} must have {low} < {high}, "
                f"got {checked[low]:g} and {checked[high]:g}"
            )
    fig = ax.figure
    fig.set_layout_engine("none")
    # subplots_adjust would refuse (and warn) after a constrained layout; the margins
    # themselves can still be set, and axes placed afterwards follow them.
    fig.subplotpars.update(**checked)
    ax.set_position(ax.get_subplotspec().get_position(fig))


#: A step between neighbouring samples is a jump when it is this many times the steps on
#: either side (a smooth curve's steps change slowly) and a visible share of the curve.
_JUMP_RATIO = 10.0
_JUMP_SHARE = 0.02


def broken_at_jumps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(x, y)`` with a gap (NaN) inserted wherever ``y`` jumps between two samples.

    Without it a line plot joins the two sides of a discontinuity with a steep segment,
    and the step function looks as if it took every value between 0 and 1. A jump is a
    step between neighbours that is at least ``_JUMP_SHARE`` of the curve's finite span
    and ``_JUMP_RATIO`` times the steps on both sides (so never the first or last step).

    Parameters
    ----------
    x, y : ndarray, shape (n,)
        Sample points (increasing) and values.

    Returns
    -------
    x, y : ndarray
        Copies with one NaN point inserted inside each jump.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.shape != x.shape:
        raise ValueError(
            f"parameters 'x' and 'y' must be vectors of one length, got shapes "
            f"{x.shape} and {y.shape}"
        )
    finite = y[np.isfinite(y)]
    if y.size < 3 or finite.size == 0:
        return x, y
    span = float(finite.max() - finite.min())
    with np.errstate(invalid="ignore"):
        steps = np.abs(np.diff(y))
        # The first and last steps have one neighbour, too little to tell a jump from a
        # coarsely sampled oscillation: they are never breaks.
        neighbours = np.maximum(
            np.concatenate(([np.inf], steps[:-1])), np.concatenate((steps[1:], [np.inf]))
        )
        jumps = np.flatnonzero((steps > _JUMP_SHARE * span) & (steps > _JUMP_RATIO * neighbours))
    if jumps.size == 0:
        return x, y
    middle = (x[jumps] + x[jumps + 1]) / 2
    return np.insert(x, jumps + 1, middle), np.insert(y, jumps + 1, np.nan)


def plot_activation(
    ax: Axes,
    activation: str | Activation,
    params: Mapping[str, float] | None = None,
    *,
    derivative: bool = True,
    weight: float = 1.0,
    bias: float = 0.0,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] | None = None,
    points: int = 601,
    label: str | None = None,
    color: str | None = None,
) -> list[Any]:
    """Draw ``f(weight * x + bias)`` and, optionally, its derivative in ``x``.

    With the default ``weight=1, bias=0`` this is the activation itself; other values
    show what one neuron with a single input does to it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    activation : str or Activation
        A registry name or record.
    params : mapping, optional
        Activation parameters; defaults from the registry fill the rest.
    derivative : bool
        Also draw ``d/dx f(weight * x + bias) = weight * f'(weight * x + bias)``, dashed.
    weight, bias : float
        The neuron's input weight and bias.
    xlim, ylim : tuple of float
        Axis limits; ``ylim`` is chosen by matplotlib if omitted.
    points : int
        Number of sample points.
    label : str, optional
        Legend label of the function; the activation's title if omitted.
    color : str, optional
        Colour of the function; the derivative uses the derivative colour.

    Returns
    -------
    list of matplotlib.lines.Line2D
        The function line, then the derivative line if drawn.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    act = get(activation)
    derivative = boolean("derivative", derivative)
    weight, bias = real("weight", weight), real("bias", bias)
    xlim = interval("xlim", xlim)
    ylim = None if ylim is None else interval("ylim", ylim)
    points = integer("points", points, 2)
    x = np.linspace(xlim[0], xlim[1], points)
    values, slopes = act.plot_values(weight * x + bias, **dict(params or {}))
    name = label or act.title
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
        lines = ax.plot(*broken_at_jumps(x, values), color=color or COLORS["function"], label=name)
        if derivative:
            lines += ax.plot(
                *broken_at_jumps(x, weight * slopes),
                color=COLORS["derivative"],
                linestyle="--",
                label=f"derivative of {name}" if label else "derivative",
            )
        ax.set_xlim(*xlim)
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.set_xlabel("x")
        ax.legend(loc="upper left")
    return lines


def curve_name(activation: Activation) -> str:
    """The activation's title, naming the plotted slice for vector activations."""
    if activation.elementwise:
        return activation.title
    return f"{activation.title} ({activation.curve_label})"


def activation_alt_text(
    activation: str | Activation,
    params: Mapping[str, float] | None = None,
    *,
    derivative: bool = True,
    weight: float = 1.0,
    bias: float = 0.0,
    xlim: tuple[float, float] = (-6.0, 6.0),
) -> str:
    """Describe in words what :func:`plot_activation` draws, for the ``alt`` attribute."""
    act = get(activation)
    resolved = act.resolve(params)
    weight, bias = real("weight", weight), real("bias", bias)
    xlim = interval("xlim", xlim)
    what = curve_name(act)
    settings = [f"{k} = {v:g}" for k, v in resolved.items()]
    if weight != 1.0 or bias != 0.0:
        settings += [f"weight = {weight:g}", f"bias = {bias:g}"]
    text = f"Plot of the {what}"
    if settings:
        text += f" with {', '.join(settings)}"
    if derivative:
        text += ", solid, and its derivative, dashed,"
    return f"{text} for x from {xlim[0]:g} to {xlim[1]:g}."


def png_bytes(fig: Figure, *, transparent: bool = False) -> bytes:
    """Render ``fig`` to a small, deterministic palette PNG.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    transparent : bool
        Leave the background transparent (for pictures laid over each other); the
        palette then keeps the anti-aliased edges' opacity.

    Returns
    -------
    bytes
        PNG data with no timestamp or software tag, identical for identical figures.
    """
    instance("fig", fig, Figure, "a matplotlib Figure (from ab.new_figure())")
    transparent = boolean("transparent", transparent)
    raw = io.BytesIO()
    fig.savefig(raw, format="png", metadata={"Software": None}, transparent=transparent)
    raw.seek(0)
    with Image.open(raw) as image:
        if transparent:
            # Only the fast octree quantiser keeps an alpha channel in the palette.
            palette = image.convert("RGBA").quantize(
                colors=_PALETTE_COLORS,
                method=Image.Quantize.FASTOCTREE,
                dither=Image.Dither.NONE,
            )
        else:
            palette = image.convert("RGB").quantize(
                colors=_PALETTE_COLORS, dither=Image.Dither.NONE
            )
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class Picture:
    """A rendered figure with alt text: shown as ``<img alt=...>`` in Jupyter and the book.

    Parameters
    ----------
    png : bytes
        The image.
    alt : str
        Its text alternative.
    """

    png: bytes
    alt: str

    def html(self) -> str:
        """The ``<img>`` element, with the PNG inlined as a data URI."""
        data = base64.b64encode(self.png).decode("ascii")
        return (
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt)}" '
            'style="max-width:100%;height:auto" />'
        )

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_png_(self) -> bytes:
        return self.png


def show(fig: Figure, alt: str, *, transparent: bool = False) -> Picture:
    """Turn ``fig`` into a :class:`Picture`; a non-empty ``alt`` text is required.

    ``transparent`` is passed to :func:`png_bytes`.

    Raises
    ------
    ValueError
        If ``alt`` is empty: every figure in the book needs a text alternative.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("parameter 'alt' must describe the figure in words")
    return Picture(png_bytes(fig, transparent=transparent), alt.strip())


def activation_figure(
    activation: str | Activation,
    params: Mapping[str, float] | None = None,
    *,
    derivative: bool = True,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] | None = None,
    figsize: tuple[float, float] | None = None,
) -> Picture:
    """One activation and its derivative as a picture with generated alt text."""
    fig, ax = new_figure(figsize=figsize)
    plot_activation(ax, activation, params, derivative=derivative, xlim=xlim, ylim=ylim)
    return show(fig, activation_alt_text(activation, params, derivative=derivative, xlim=xlim))
