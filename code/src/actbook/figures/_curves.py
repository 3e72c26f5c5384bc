"""Several activation curves on one axes, each with its own label: variants compared.

:func:`actbook.plot_overlay` compares *activations* with their derivatives. The helpers
here compare *curves*: the same activation at several parameters or weights (softmax at
three temperatures, ``sigmoid(k x)`` for three ``k``), or two definitions that share a
name (two hard sigmoids), each curve described by a :class:`Curve` with its own label,
optionally against a grey reference curve, guide lines and a shaded gap. Colours come
from the book's palette in a fixed order, and the alt text names each curve's colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import name_sequence, number_sequence, real
from ..activations import Activation, get
from ._plot import Picture, curve_name, new_figure, plot_activation, show
from ._style import COLORS, style

__all__ = [
    "Curve",
    "activation_curves_alt_text",
    "activation_curves_figure",
    "plot_activation_curves",
]

#: Colours of the compared curves, in order; the reference curve is grey ("muted").
CURVE_COLORS = (
    COLORS["function"],
    COLORS["derivative"],
    COLORS["reference"],
    COLORS["accent"],
    COLORS["highlight"],
)
#: The Okabe–Ito names of the palette's colours, for alt text.
COLOR_WORDS = {
    COLORS["function"]: "blue",
    COLORS["derivative"]: "vermillion",
    COLORS["reference"]: "bluish green",
    COLORS["muted"]: "grey",
    COLORS["accent"]: "reddish purple",
    COLORS["highlight"]: "orange",
}


@dataclass(frozen=True)
class Curve:
    """One curve of :func:`plot_activation_curves`: ``f(weight * x)`` with parameters.

    Parameters
    ----------
    activation : str or Activation
        A registry name or record.
    params : mapping, optional
        Its parameters; the registry's defaults fill the rest.
    weight : float
        Multiplies ``x`` before the activation: ``weight = k`` draws ``f(k x)``.
    label : str, optional
        Legend label; the activation's title if omitted.
    """

    activation: str | Activation
    params: Mapping[str, float] | None = None
    weight: float = 1.0
    label: str | None = None

    def __post_init__(self) -> None:
        get(self.activation).resolve(self.params)  # the name and parameters exist
        real("weight", self.weight)

    @property
    def record(self) -> Activation:
        """The registry record."""
        return get(self.activation)

    def values(self, x: np.ndarray) -> np.ndarray:
        """The curve's values at ``x`` (the plotted slice for vector activations)."""
        return self.record.plot_values(self.weight * x, **dict(self.params or {}))[0]

    def settings(self) -> str:
        """The parameters and weight in words, ``"temperature = 0.25, weight 3"``."""
        words = [f"{k} = {v:g}" for k, v in (self.params or {}).items()]
        if self.weight != 1.0:
            words.append(f"weight {self.weight:g}")
        return ", ".join(words)


def _runs(x: np.ndarray, where: np.ndarray) -> str:
    """The points of ``x`` where ``where`` holds, as ``-2.5 and 2.5`` or ``from 1 to 2``."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], where.astype(int), [0]])))
    parts = []
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        first, last = f"{x[start] + 0.0:.2g}", f"{x[stop - 1] + 0.0:.2g}"
        parts.append(first if first == last else f"from {first} to {last}")
    return " and ".join(dict.fromkeys(parts))


def _checked(curves: Sequence[Curve], shade: tuple[int, int] | None) -> list[Curve]:
    curves = list(curves)
    if not curves:
        raise ValueError("parameter 'curves' needs at least one Curve")
    if len(curves) > len(CURVE_COLORS):
        raise ValueError(
            f"parameter 'curves': at most {len(CURVE_COLORS)} can be told apart, got {len(curves)}"
        )
    if shade is not None:
        i, j = shade
        if i == j or not (0 <= i < len(curves) and 0 <= j < len(curves)):
            raise ValueError(
                f"parameter 'shade' must name two different curves of {len(curves)}, got {shade!r}"
            )
    return curves


def _curve_list(curves: Any) -> list[Curve]:
    """At least one :class:`Curve`, as a list, or a ``ValueError`` naming ``curves``."""
    curves = name_sequence("curves", curves, what="Curve objects")
    if not all(isinstance(curve, Curve) for curve in curves):
        raise ValueError(f"parameter 'curves' must hold Curve objects, got {curves!r}")
    return curves


def plot_activation_curves(
    ax: Axes,
    curves: Sequence[Curve],
    *,
    reference: Curve | None = None,
    levels: Sequence[float] = (),
    shade: tuple[int, int] | None = None,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] | None = None,
    points: int = 601,
) -> list[Any]:
    """Draw several curves on one axes, without derivatives, in the palette's order.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    curves : sequence of Curve
        The curves compared, in the colours blue, vermillion, bluish green, ...
    reference : Curve, optional
        A curve to compare against, drawn first, in grey.
    levels : sequence of float
        Heights of dotted horizontal guide lines (e.g. the bounds ``-1`` and ``1``).
    shade : tuple of int, optional
        Indices of two of ``curves`` whose gap is shaded in orange.
    xlim, ylim : tuple of float
        Axis limits; ``ylim`` is chosen by matplotlib if omitted.
    points : int
        Number of sample points.

    Returns
    -------
    list of matplotlib.lines.Line2D
        The reference line (if any), then one line per curve.
    """
    curves = _curve_list(curves)
    levels = number_sequence("levels", levels, minimum=0)
    curves = _checked(curves, shade)
    options = {"derivative": False, "xlim": xlim, "ylim": ylim, "points": points}
    lines: list[Any] = []
    if reference is not None:
        lines += plot_activation(
            ax,
            reference.activation,
            reference.params,
            weight=reference.weight,
            label=reference.label,
            color=COLORS["muted"],
            **options,
        )
    for curve, color in zip(curves, CURVE_COLORS, strict=False):
        lines += plot_activation(
            ax,
            curve.activation,
            curve.params,
            weight=curve.weight,
            label=curve.label,
            color=color,
            **options,
        )
    with style():
        for level in levels:
            ax.axhline(level, color=COLORS["muted"], linestyle=":", linewidth=0.8)
        if shade is not None:
            x = np.linspace(xlim[0], xlim[1], points)
            first, second = (curves[k].values(x) for k in shade)
            ax.fill_between(x, first, second, color=COLORS["highlight"], alpha=0.3)
    return lines


def activation_curves_alt_text(
    curves: Sequence[Curve],
    *,
    reference: Curve | None = None,
    levels: Sequence[float] = (),
    shade: tuple[int, int] | None = None,
    xlim: tuple[float, float] = (-6.0, 6.0),
    points: int = 601,
) -> str:
    """Describe in words what :func:`plot_activation_curves` draws, colours included."""
    curves = _curve_list(curves)
    levels = number_sequence("levels", levels, minimum=0)
    curves = _checked(curves, shade)
    records = [curve.record for curve in curves]
    same = len({r.name for r in records}) == 1
    listing = []
    for curve, color in zip(curves, CURVE_COLORS, strict=False):
        name = curve.label or curve.settings() or curve_name(curve.record)
        if not same and curve.label:
            name += f" ({curve_name(curve.record)})"
        listing.append(f"{name}, in {COLOR_WORDS[color]}")
    if len(curves) == 1:
        text = f"Plot of the {curve_name(records[0])}"
    elif same:
        text = f"Plot of the {curve_name(records[0])} at {len(curves)} settings"
    else:
        text = f"Plot of {len(curves)} curves"
    text += f" for x from {xlim[0]:g} to {xlim[1]:g}: " + "; ".join(listing)
    if reference is not None:
        name = reference.label or curve_name(reference.record)
        text += f"; and, for reference, {name}, in grey"
    text += "."
    if levels:
        heights = " and ".join(f"{level:g}" for level in levels)
        text += f" Dotted horizontal lines mark y = {heights}."
    if shade is not None:
        # A fine grid of its own, so that the widest gap is found to three digits.
        x = np.linspace(xlim[0], xlim[1], max(points, 20001))
        a, b = (curves[k] for k in shade)
        gap = np.abs(a.values(x) - b.values(x))
        text += (
            f" The gap between {a.label or a.record.title} and {b.label or b.record.title} "
            f"is shaded in orange; it is widest, {gap.max():.3g}, at x = "
            f"{_runs(x, np.isclose(gap, gap.max(), rtol=1e-9, atol=0.0))}."
        )
    return text


def activation_curves_figure(
    curves: Sequence[Curve],
    *,
    reference: Curve | None = None,
    levels: Sequence[float] = (),
    shade: tuple[int, int] | None = None,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] | None = None,
    figsize: tuple[float, float] | None = None,
    description: str | None = None,
) -> Picture:
    """Several curves on one axes as a picture; the alt text lists them with their colours.

    Parameters
    ----------
    curves, reference, levels, shade, xlim, ylim
        As for :func:`plot_activation_curves`.
    figsize : tuple of float, optional
        Size in inches; the style's default if omitted.
    description : str, optional
        Sentences on what the curves show, appended to the generated alt text.

    Returns
    -------
    Picture
    """
    curves = _curve_list(curves)
    levels = number_sequence("levels", levels, minimum=0)
    fig, ax = new_figure(figsize=figsize)
    options = {"reference": reference, "levels": levels, "shade": shade, "xlim": xlim}
    plot_activation_curves(ax, curves, ylim=ylim, **options)
    alt = activation_curves_alt_text(curves, **options)
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)
