"""Pictures of spectral bias (what :mod:`actbook.training._spectral` computes).

:func:`plot_spectral_errors` draws each frequency's relative error against the training
step, :func:`spectral_errors_figure` puts a ReLU network and a SIREN side by side,
:func:`plot_spectral_fit` and :func:`plot_spectral_bars` show one recorded step (the fit
over the signal, the error per frequency), :func:`spectral_explorer` lets the reader
move through the steps, and :func:`spectral_markdown` tabulates when each frequency was
learnt. Alt texts are built from the recorded numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import figure_size, instance, integer, name_sequence, positive
from ..training import SpectralFit
from ._display import Markdown, markdown_table
from ._experiments import split_axes
from ._plot import Picture, fixed_layout, new_figure, show
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "plot_spectral_bars",
    "plot_spectral_errors",
    "plot_spectral_fit",
    "spectral_errors_figure",
    "spectral_explorer",
    "spectral_markdown",
]

#: One colour per frequency, low to high (Okabe-Ito).
FREQUENCY_COLORS = (
    COLORS["function"],
    COLORS["reference"],
    COLORS["highlight"],
    COLORS["derivative"],
    COLORS["accent"],
    "#56B4E9",
)
#: The vertical range of error plots: from below a SIREN's last errors to above a
#: network's untrained ones (which can exceed 1: its own output adds to the error).
ERROR_LIMITS = (3e-4, 3.0)


def _fit(value: Any) -> SpectralFit:
    return instance("fit", value, SpectralFit, "a SpectralFit (from ab.spectral_bias())")


def _fits(value: Any) -> dict[str, SpectralFit]:
    if not isinstance(value, Mapping) or not value:
        raise ValueError(f"parameter 'fits' must map names to SpectralFits, got {value!r}")
    for fit in value.values():
        _fit(fit)
    return dict(value)


def _colors(fit: SpectralFit) -> list[str]:
    return [FREQUENCY_COLORS[i % len(FREQUENCY_COLORS)] for i in range(len(fit.frequencies))]


def _number(value: float) -> str:
    return f"{value:.2g}" if value < 0.01 else f"{value:.2f}"


def plot_spectral_errors(ax: Axes, fit: SpectralFit, *, level: float | None = 0.1) -> None:
    """Each frequency's relative error against the training step, on a log scale.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fit : SpectralFit
        One network's record, from :func:`actbook.spectral_bias`.
    level : float, optional
        Draw this error level as a dashed grey line (the level of
        :meth:`SpectralFit.steps_to`); none if ``None``.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    fit = _fit(fit)
    level = None if level is None else positive("level", level)
    with style():
        for k, errors, color in zip(fit.frequencies, fit.errors.T, _colors(fit), strict=True):
            ax.plot(fit.steps, errors, color=color, label=f"k = {k}")
        if level is not None:
            ax.axhline(level, color=COLORS["muted"], linestyle="--", linewidth=1.0)
        ax.set_yscale("log")
        ax.set_ylim(*ERROR_LIMITS)
        ax.set_xlim(0, fit.steps[-1])
        ax.set_xlabel("training step")
        ax.set_ylabel("relative error at frequency k")
        ax.set_title(fit.label)
        ax.legend(loc="lower left", fontsize="small", ncol=2)


def _reached_text(fit: SpectralFit, level: float) -> str:
    reached = fit.steps_to(level)
    parts = [
        f"k = {k} at step {step}" if step is not None else f"k = {k} never"
        for k, step in zip(fit.frequencies, reached, strict=True)
    ]
    return f"the error falls to {level:g} for {', '.join(parts)}"


def _final_text(fit: SpectralFit) -> str:
    values = ", ".join(_number(e) for e in fit.errors[-1])
    return f"after {fit.steps[-1]} steps the errors are {values}"


def spectral_errors_figure(
    fits: Mapping[str, SpectralFit],
    *,
    level: float = 0.1,
    figsize: tuple[float, float] = (8.0, 3.3),
) -> Picture:
    """:func:`plot_spectral_errors` for each fit, side by side, with the numbers as alt text.

    Parameters
    ----------
    fits : mapping of str to SpectralFit
        From :func:`actbook.spectral_bias`; one panel each, in order, sharing the axes.
    level : float
        The error level marked and reported.
    figsize : tuple of float
        Size of the figure in inches.

    Returns
    -------
    Picture
    """
    fits = _fits(fits)
    level = positive("level", level)
    figsize = figure_size("figsize", figsize)
    fig, axes = new_figure(1, len(fits), figsize=figsize)
    axes = np.atleast_1d(axes)
    for ax, fit in zip(axes, fits.values(), strict=True):
        plot_spectral_errors(ax, fit, level=level)
    for ax in axes[1:]:
        ax.set_ylabel("")
    first = next(iter(fits.values()))
    frequencies = ", ".join(str(k) for k in first.frequencies)
    panels = " ".join(
        f"{fit.label}: {_reached_text(fit, level)}; {_final_text(fit)}." for fit in fits.values()
    )
    alt = (
        f"{len(fits)} panels of the relative error at each of the signal's frequencies "
        f"k = {frequencies}, on a log scale, against the training step, with a dashed line "
        f"at {level:g}. {panels}"
    )
    return show(fig, alt)


def plot_spectral_fit(ax: Axes, fit: SpectralFit, step: int) -> None:
    """The signal (grey) and the network's output at a recorded ``step`` (blue).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fit : SpectralFit
        One network's record.
    step : int
        A recorded step (see :meth:`SpectralFit.at_step`).
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    fit = _fit(fit)
    row = fit.at_step(step)
    span = float(np.max(np.abs(fit.target)))
    with style():
        ax.plot(fit.x, fit.target, color=COLORS["muted"], linewidth=3.0, label="signal")
        ax.plot(fit.x, fit.predictions[row], color=COLORS["function"], label="network")
        ax.set_xlim(-1.0, 1.0)
        ax.set_ylim(-1.25 * span, 1.25 * span)
        ax.set_xlabel("x")
        ax.set_title(f"{fit.label}, step {step}", fontsize=9)
        ax.legend(loc="lower left", fontsize="small", ncol=2)


def plot_spectral_bars(ax: Axes, fit: SpectralFit, step: int) -> None:
    """One bar per frequency: the relative error at a recorded ``step``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    fit : SpectralFit
        One network's record.
    step : int
        A recorded step.
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    fit = _fit(fit)
    errors = fit.errors[fit.at_step(step)]
    positions = np.arange(len(errors))
    with style():
        ax.bar(positions, np.minimum(errors, 1.2), color=_colors(fit), width=0.7)
        ax.set_xticks(positions, [str(k) for k in fit.frequencies])
        ax.set_ylim(0.0, 1.2)
        ax.set_xlabel("frequency k")
        ax.set_ylabel("relative error")
        ax.grid(axis="x", visible=False)


def spectral_explorer(
    fits: Mapping[str, SpectralFit],
    steps: Sequence[int] = (0, 50, 100, 200, 500, 1000),
    *,
    figsize: tuple[float, float] = (7.0, 2.8),
) -> Explorer:
    """Network (toggle buttons) x recorded step (slider): the fit and its errors.

    Parameters
    ----------
    fits : mapping of str to SpectralFit
        From :func:`actbook.spectral_bias`; the buttons show each fit's label.
    steps : sequence of int
        Recorded steps the slider offers.
    figsize : tuple of float
        Size of each frame.

    Returns
    -------
    Explorer
    """
    fits = _fits(fits)
    steps = [integer(f"steps[{i}]", s, 0) for i, s in enumerate(name_sequence("steps", steps))]
    for fit in fits.values():
        for step in steps:
            fit.at_step(step)  # refuses a step that was not recorded
    figsize = figure_size("figsize", figsize)

    def draw(ax: Axes, network: str, step: int) -> None:
        fixed_layout(ax, left=0.07, right=0.98, bottom=0.17, top=0.9, wspace=0.3)
        left, right = split_axes(ax, 2, width_ratios=(2.2, 1.0))
        plot_spectral_fit(left, fits[network], step)
        plot_spectral_bars(right, fits[network], step)

    def alt(values: Mapping[str, Any]) -> str:
        fit, step = fits[values["network"]], values["step"]
        errors = ", ".join(
            f"k = {k}: {_number(e)}"
            for k, e in zip(fit.frequencies, fit.errors[fit.at_step(step)], strict=True)
        )
        return (
            f"Left: the {fit.label}'s output after {step} training steps, drawn over the "
            f"signal in grey on x from -1 to 1. Right: bars of the relative error at each "
            f"frequency, {errors}."
        )

    labels = {name: fit.label for name, fit in fits.items()}
    controls = [
        Control("network", list(fits), fmt=lambda name: labels[name]),
        Control("step", steps, default=steps[-1]),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def spectral_markdown(fits: Mapping[str, SpectralFit], *, level: float = 0.1) -> Markdown:
    """A table: per network, the step at which each frequency's error first fell to ``level``.

    Parameters
    ----------
    fits : mapping of str to SpectralFit
        From :func:`actbook.spectral_bias`.
    level : float
        The error level.

    Returns
    -------
    Markdown
    """
    fits = _fits(fits)
    level = positive("level", level)
    first = next(iter(fits.values()))
    header = ["network", *(f"k = {k}" for k in first.frequencies), "loss at the end"]
    rows = []
    for fit in fits.values():
        last = int(fit.steps[-1])
        cells = [str(s) if s is not None else f"not in {last}" for s in fit.steps_to(level)]
        rows.append([fit.label, *cells, f"{fit.losses[-1]:.2g}"])
    return markdown_table(header, rows)
