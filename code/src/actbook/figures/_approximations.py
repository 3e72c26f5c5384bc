"""An activation, its cheaper stand-ins, and how far each strays: two panels.

The top panel draws the reference (GELU, SiLU) solid and each approximation dashed over
it; the bottom panel draws each approximation's error, ``approximation - reference``,
with its largest value marked. Errors of different approximations can differ by orders
of magnitude (GELU's tanh form and quick GELU differ 40-fold), so the bottom panel can
show ``|error|`` on a logarithmic axis. The marked numbers come from
:func:`actbook.approximation_error`, the same function the chapters print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from ..activations import Activation, ApproximationError, approximation_error, get
from ._charts import SERIES_COLORS
from ._plot import Picture, new_figure, show
from ._style import COLORS, style

__all__ = ["approximation_alt_text", "approximation_figure", "plot_approximations"]

_SCALES = ("linear", "log")


def _check(
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    labels: Sequence[str] | None,
    error_scale: str,
) -> tuple[Activation, list[Activation], list[str]]:
    exact = get(reference)
    records = [get(a) for a in approximations]
    if not records:
        raise ValueError("parameter 'approximations' needs at least one activation")
    if len(records) > len(SERIES_COLORS) - 1:
        raise ValueError(
            f"parameter 'approximations': at most {len(SERIES_COLORS) - 1} can be told "
            f"apart, got {len(records)}"
        )
    names = [r.title for r in records] if labels is None else list(labels)
    if len(names) != len(records):
        raise ValueError(
            f"parameter 'labels' has {len(names)} entries for {len(records)} approximations"
        )
    if error_scale not in _SCALES:
        raise ValueError(f"parameter 'error_scale' must be 'linear' or 'log', got {error_scale!r}")
    return exact, records, names


def _peaks(
    exact: Activation,
    records: Sequence[Activation],
    params: Mapping[str, Mapping[str, float]],
    derivative: bool,
    xlim: tuple[float, float],
) -> list[ApproximationError]:
    return [
        approximation_error(
            exact,
            record,
            params=params.get(exact.name),
            approximation_params=params.get(record.name),
            derivative=derivative,
            xlim=xlim,
        )
        for record in records
    ]


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
        :class:`actbook.ApproximationError` of each, marked with a dot.
    """
    exact, records, names = _check(reference, approximations, labels, error_scale)
    params = params or {}
    top, bottom = axes
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
            shown = peak.largest if error_scale == "log" else peak.error
            bottom.plot([peak.at], [shown], "o", color=color)
            bottom.annotate(
                f"{peak.largest:#.2g} at x = {peak.at:.2f}",
                (peak.at, shown),
                textcoords="offset points",
                xytext=(6, -12 if shown < 0 else 4),
                fontsize="small",
                color=color,
            )
        if error_scale == "log":
            bottom.set_yscale("log")
            largest = max(p.largest for p in peaks)
            smallest = min(p.largest for p in peaks)
            bottom.set_ylim(smallest * 1e-3, largest * 10)
            bottom.set_ylabel("|approximation − exact|")
        else:
            bottom.axhline(0, color=COLORS["muted"], linewidth=0.8)
            bottom.set_ylabel("approximation − exact")
        top.set_ylabel("derivative" if derivative else "value")
        bottom.set_xlabel("x")
        top.legend(loc="upper left", fontsize="small")
    return {"curves": curves, "errors": errors, "peaks": peaks}


def approximation_alt_text(
    reference: str | Activation,
    approximations: Sequence[str | Activation],
    peaks: Sequence[ApproximationError],
    *,
    labels: Sequence[str] | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
    error_scale: str = "linear",
) -> str:
    """Describe in words what :func:`plot_approximations` draws, with the largest errors."""
    exact, _, names = _check(reference, approximations, labels, error_scale)
    what = f"the derivative of the {exact.title}" if derivative else f"the {exact.title}"
    scale = ", as absolute values on a logarithmic axis" if error_scale == "log" else ""
    largest = "; ".join(
        f"{name}: {peak.largest:#.2g} at x = {peak.at:.2f}"
        for name, peak in zip(names, peaks, strict=True)
    )
    drawn = " and ".join(names)
    return (
        f"Two panels for x from {xlim[0]:g} to {xlim[1]:g}. Top: {what}, solid, with "
        f"{drawn} dashed over it. Bottom: the error of each approximation against "
        f"it{scale}, with the largest error marked by a dot ({largest})."
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
    fig, axes = new_figure(2, 1, figsize=figsize)
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
