"""An activation, its cheaper stand-ins, and how far each strays: two panels.

The top panel draws the reference (GELU, SiLU) solid and each approximation dashed over
it; the bottom panel draws each approximation's error, ``approximation - reference``,
with its largest value marked wherever it is reached (both ``±x`` for an even error).
Errors of different approximations can differ by orders of magnitude (GELU's tanh form
and quick GELU differ 40-fold), so the bottom panel can show ``|error|`` on a
logarithmic axis. The marked numbers come from :func:`actbook.max_gap`, the same
function the chapters print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import boolean, choice, figure_size, instance, integer, interval, name_sequence
from ..activations import Activation, Gap, get, max_gap
from ._charts import SERIES_COLORS
from ._experiments import _two_axes
from ._plot import Picture, new_figure, show
from ._style import COLORS, style

__all__ = ["approximation_alt_text", "approximation_figure", "plot_approximations"]

_SCALES = ("linear", "log")


def _check(
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    labels: Sequence[str] | None,
    error_scale: str,
    derivative: bool,
    xlim: tuple[float, float],
) -> tuple[Activation, list[Activation], list[str], bool, tuple[float, float]]:
    exact = get(reference)
    records = [get(a) for a in name_sequence("approximations", approximations)]
    if len(records) > len(SERIES_COLORS) - 1:
        raise ValueError(
            f"parameter 'approximations': at most {len(SERIES_COLORS) - 1} can be told "
            f"apart, got {len(records)}"
        )
    if labels is None:
        names = [r.title for r in records]
    else:
        names = [str(n) for n in name_sequence("labels", labels, what="labels")]
    if len(names) != len(records):
        raise ValueError(
            f"parameter 'labels' has {len(names)} entries for {len(records)} approximations"
        )
    choice("error_scale", error_scale, _SCALES)
    return exact, records, names, boolean("derivative", derivative), interval("xlim", xlim)


def _params(params: Mapping[str, Mapping[str, float]] | None) -> dict[str, Mapping[str, float]]:
    """Parameters per registry name; a flat ``{"beta": 2}`` is refused, not ignored."""
    if params is None:
        return {}
    if not isinstance(params, Mapping) or not all(isinstance(v, Mapping) for v in params.values()):
        raise ValueError(
            "parameter 'params' must map registry names to parameter mappings, such as "
            f"{{'silu': {{'beta': 2.0}}}}; got {params!r}"
        )
    return {get(name).name: value for name, value in params.items()}


def _peaks(
    exact: Activation,
    records: Sequence[Activation],
    params: Mapping[str, Mapping[str, float]],
    derivative: bool,
    xlim: tuple[float, float],
) -> list[Gap]:
    peaks = []
    for record in records:
        try:
            peak = max_gap(
                record,
                exact,
                f_params=params.get(record.name),
                g_params=params.get(exact.name),
                derivative=derivative,
                interval=xlim,
            )
        except ValueError as error:
            # max_gap's interval is this function's xlim: name the argument the caller set.
            raise ValueError(str(error).replace("'interval'", "'xlim'")) from None
        peaks.append(peak)
    return peaks


def plot_approximations(
    axes: Sequence[Axes],
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    *,
    labels: Sequence[str] | None = None,
    params: Mapping[str, Mapping[str, float]] | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
    error_scale: str = "linear",
    points: int = 801,
) -> dict[str, Any]:
    """Draw a reference and its approximations (top) and their errors (bottom).

    Parameters
    ----------
    axes : pair of Axes
        The top and bottom panels.
    reference : str or Activation
        The exact activation.
    approximations : sequence of str or Activation
        The stand-ins, at most four.
    labels : sequence of str, optional
        Legend names of the approximations; their titles if omitted.
    params : mapping, optional
        Parameters per registry name, as for :func:`actbook.plot_overlay`.
    derivative : bool
        Compare derivatives instead of functions.
    xlim : tuple of float
        The interval drawn, and searched for each largest error.
    error_scale : {"linear", "log"}
        ``"log"`` draws ``|error|`` on a logarithmic axis.
    points : int
        Samples per curve.

    Returns
    -------
    dict
        ``"curves"``: the reference line, then one line per approximation (top);
        ``"errors"``: one line per approximation (bottom); ``"peaks"``: the
        :class:`actbook.Gap` of each (approximation against reference), marked with a
        dot at each of its locations.

    Raises
    ------
    ValueError
        If an argument is invalid, or if an approximation's largest error lies at an end
        of ``xlim`` (see :func:`actbook.max_gap`): a dot there would mark the edge of
        the picture, not the largest error.
    """
    exact, records, names, derivative, xlim = _check(
        reference, approximations, labels, error_scale, derivative, xlim
    )
    top, bottom = _two_axes(axes, "2, 1")
    points = integer("points", points, 2)
    params = _params(params)
    x = np.linspace(xlim[0], xlim[1], points)

    def curve(record: Activation) -> np.ndarray:
        values, slopes = record.plot_values(x, **dict(params.get(record.name) or {}))
        return slopes if derivative else values

    base = curve(exact)
    peaks = _peaks(exact, records, params, derivative, xlim)
    curves, errors = [], []
    with style():
        for ax in (top, bottom):
            ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
            ax.set_xlim(*xlim)
        top.axhline(0, color=COLORS["muted"], linewidth=0.8)
        what = f"{exact.title}′" if derivative else exact.title
        curves += top.plot(x, base, color=COLORS["function"], linewidth=3, label=what)
        colors = SERIES_COLORS[1:]
        for record, name, color, peak in zip(records, names, colors, peaks, strict=False):
            values = curve(record)
            curves += top.plot(x, values, color=color, linestyle="--", label=name)
            gap = values - base
            if error_scale == "log":
                # Where the curves cross the error is 0, which a log axis cannot show.
                gap = np.maximum(np.abs(gap), np.finfo(float).tiny)
            errors += bottom.plot(x, gap, color=color, label=name)
            if not peak.locations:
                continue  # the approximation is exact on the grid: nothing to mark
            at = np.array(peak.locations)
            signed = _difference(record, exact, at, params, derivative)
            shown = np.abs(signed) if error_scale == "log" else signed
            bottom.plot(at, shown, "o", color=color, linestyle="none")
            bottom.annotate(
                f"{peak.value:#.2g} at {peak.where_text()}",
                (at[-1], shown[-1]),
                textcoords="offset points",
                xytext=(6, -12 if shown[-1] < 0 else 4),
                fontsize="small",
                color=color,
            )
        if error_scale == "log":
            bottom.set_yscale("log")
            marked = [p.value for p in peaks if p.value > 0] or [1.0]
            bottom.set_ylim(min(marked) * 1e-3, max(marked) * 10)
            bottom.set_ylabel("|approximation − exact|")
        else:
            bottom.axhline(0, color=COLORS["muted"], linewidth=0.8)
            bottom.set_ylabel("approximation − exact")
        top.set_ylabel("derivative" if derivative else "value")
        bottom.set_xlabel("x")
        top.legend(loc="upper left", fontsize="small")
    return {"curves": curves, "errors": errors, "peaks": peaks}


def _difference(
    record: Activation,
    exact: Activation,
    at: np.ndarray,
    params: Mapping[str, Mapping[str, float]],
    derivative: bool,
) -> np.ndarray:
    """``approximation - reference`` (or of their derivatives) at the points ``at``."""
    pair = []
    for r in (record, exact):
        values, slopes = r.plot_values(at, **dict(params.get(r.name) or {}))
        pair.append(slopes if derivative else values)
    return pair[0] - pair[1]


def approximation_alt_text(
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    peaks: Sequence[Gap],
    *,
    labels: Sequence[str] | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
    error_scale: str = "linear",
) -> str:
    """Describe in words what :func:`plot_approximations` draws, with the largest errors."""
    exact, _, names, derivative, xlim = _check(
        reference, approximations, labels, error_scale, derivative, xlim
    )
    peaks = name_sequence("peaks", peaks, what="Gaps")
    for peak in peaks:
        instance("peaks", peak, Gap, "a sequence of Gaps from max_gap()")
    if len(peaks) != len(names):
        raise ValueError(
            f"parameter 'peaks' has {len(peaks)} entries for {len(names)} approximations"
        )
    what = f"the derivative of the {exact.title}" if derivative else f"the {exact.title}"
    scale = ", as absolute values on a logarithmic axis" if error_scale == "log" else ""
    largest = "; ".join(
        f"{name}: {peak.value:#.2g} at {peak.where_text()}"
        for name, peak in zip(names, peaks, strict=True)
    )
    drawn = " and ".join(names)
    return (
        f"Two panels for x from {xlim[0]:g} to {xlim[1]:g}. Top: {what}, solid, with "
        f"{drawn} dashed over it. Bottom: the error of each approximation against "
        f"it{scale}, with its largest value marked by a dot wherever it is reached ({largest})."
    )


def approximation_figure(
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    *,
    labels: Sequence[str] | None = None,
    params: Mapping[str, Mapping[str, float]] | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
    error_scale: str = "linear",
    figsize: tuple[float, float] = (6.0, 5.0),
) -> Picture:
    """The two panels of :func:`plot_approximations` as a picture with generated alt text."""
    fig, axes = new_figure(2, 1, figsize=figure_size("figsize", figsize))
    drawn = plot_approximations(
        axes,
        reference,
        approximations,
        labels=labels,
        params=params,
        derivative=derivative,
        xlim=xlim,
        error_scale=error_scale,
    )
    alt = approximation_alt_text(
        reference,
        approximations,
        drawn["peaks"],
        labels=labels,
        derivative=derivative,
        xlim=xlim,
        error_scale=error_scale,
    )
    return show(fig, alt)
