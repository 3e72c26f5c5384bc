"""Pictures of the self-normalising property (:mod:`actbook.training._self_normalising`).

:func:`plot_moment_field` draws the map of mean and variance as arrows with its fixed
point and a few iterated trajectories; :func:`moment_field_explorer` switches between
activations and weight scales. :func:`plot_layer_statistics` draws the mean and the
standard deviation of every layer of deep random networks, measured and predicted, and
:func:`layer_statistics_explorer` switches between initialisations and inputs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from .._checks import boolean, instance, interval, name_sequence
from ..activations import get
from ..training import LayerStatistics, MomentField
from ._experiments import split_axes
from ._plot import Picture, fixed_layout, new_figure, show
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "layer_statistics_alt_text",
    "layer_statistics_explorer",
    "layer_statistics_figure",
    "moment_field_alt_text",
    "moment_field_explorer",
    "plot_layer_statistics",
    "plot_moment_field",
]

#: One colour per series in the per-layer plots, in order of appearance.
_SERIES = (
    COLORS["function"],
    COLORS["derivative"],
    COLORS["reference"],
    COLORS["accent"],
    COLORS["highlight"],
)

#: Titles at a fixed height: matplotlib otherwise measures every tick label of a frame to
#: place them, most of the time an explorer frame takes to draw.
_TITLE_Y = 1.0

#: Arrows are drawn at this fraction of the one-layer step, so that neighbours do not
#: overlap; their direction is exact.
ARROW_FRACTION = 0.5


def _tau_label(tau: float) -> str:
    return f"τ = {tau:g}"


def _axes(ax: Any) -> Axes:
    return instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")


def _field(field: Any) -> MomentField:
    return instance("field", field, MomentField, "a MomentField from ab.moment_field()")


def _fields(fields: Any) -> list[MomentField]:
    """At least one MomentField, or a ``ValueError`` naming ``fields``."""
    items = name_sequence("fields", fields, what="MomentField results")
    for i, field in enumerate(items):
        instance(f"fields[{i}]", field, MomentField, "a MomentField from ab.moment_field()")
    return items


def _runs(runs: Any) -> list[LayerStatistics]:
    """At least one LayerStatistics, or a ``ValueError`` naming ``runs``."""
    items = name_sequence("runs", runs, what="LayerStatistics results")
    for i, run in enumerate(items):
        instance(f"runs[{i}]", run, LayerStatistics, "a LayerStatistics from ab.layer_statistics()")
    return items


def plot_moment_field(ax: Axes, field: MomentField) -> None:
    r"""Draw the map of mean and variance as arrows, its fixed point and trajectories.

    Each arrow starts at a grid point :math:`(\mu, \nu)` and points to its image
    :math:`(\tilde\mu, \tilde\nu)`, drawn at :data:`ARROW_FRACTION` of the step; its
    colour darkens with the step's length. Each trajectory joins the iterates from one
    start (a hollow circle). The fixed point, if there is one, is a star.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    field : MomentField
        From :func:`~actbook.moment_field`.
    """
    ax, field = _axes(ax), _field(field)
    mu, nu = np.meshgrid(field.means, field.variances)
    d_mu = field.mapped_mean - mu
    d_nu = field.mapped_variance - nu
    length = np.hypot(d_mu, d_nu)
    with style():
        ax.quiver(
            mu,
            nu,
            ARROW_FRACTION * d_mu,
            ARROW_FRACTION * d_nu,
            length,
            cmap="Greys",
            clim=(-0.3 * max(float(length.max()), 1e-12), float(length.max())),
            angles="xy",
            scale_units="xy",
            scale=1.0,
            width=0.004,
        )
        for path in field.trajectories:
            ax.plot(
                path[:, 0],
                path[:, 1],
                "-o",
                color=COLORS["derivative"],
                markersize=3,
                linewidth=1.2,
            )
            ax.plot(
                path[0, 0],
                path[0, 1],
                "o",
                markerfacecolor="white",
                markeredgecolor=COLORS["derivative"],
                markersize=7,
            )
        if field.fixed_point is not None:
            ax.plot(
                *field.fixed_point,
                "*",
                color=COLORS["function"],
                markersize=14,
                markeredgecolor="white",
                label="fixed point reached from (0, 1)",
            )
            ax.legend(loc="lower right", fontsize=8, frameon=True, framealpha=0.9)
        pad_mu = 0.05 * (field.means[-1] - field.means[0])
        pad_nu = 0.05 * (field.variances[-1] - field.variances[0])
        ax.set_xlim(field.means[0] - pad_mu, field.means[-1] + pad_mu)
        ax.set_ylim(max(0.0, field.variances[0] - pad_nu), field.variances[-1] + pad_nu)
        ax.set_xlabel("mean μ of a layer's activations")
        ax.set_ylabel("variance ν")
        weights = "random weights" if field.omega is None else f"ω = {field.omega:g}"
        ax.set_title(
            f"{get(field.activation).title}, {weights}, {_tau_label(field.tau)}",
            fontsize=9,
            y=_TITLE_Y,
        )


def moment_field_alt_text(field: MomentField) -> str:
    """Describe :func:`plot_moment_field`'s picture, with its numbers, for the alt text."""
    field = _field(field)
    title = get(field.activation).title
    text = (
        f"Arrow field of the map of mean and variance for {title} with "
        f"n times the weight variance equal to {field.tau:g}, over means from "
        f"{field.means[0]:g} to {field.means[-1]:g} and variances from "
        f"{field.variances[0]:g} to {field.variances[-1]:g}. "
    )
    if field.fixed_point is None:
        text += "There is no fixed point of positive variance: the arrows lead away. "
    else:
        m, v = field.fixed_point
        largest = float(np.max(np.abs(field.eigenvalues)))
        kind = "attracting" if largest < 1 - 1e-6 else "neutral, one of a curve of fixed points"
        text += (
            f"A star marks the fixed point reached from (0, 1), at mean {m:.3g} and "
            f"variance {v:.3g}; the largest eigenvalue of the map's Jacobian there is "
            f"{largest:.3g} ({kind}). "
        )
    for path in field.trajectories:
        start, end = path[0], path[-1]
        text += (
            f"A trajectory from ({start[0]:.2g}, {start[1]:.2g}) reaches "
            f"({end[0]:.2g}, {end[1]:.2g}) after {len(path) - 1} layers. "
        )
    return text.strip()


def moment_field_explorer(fields: Sequence[MomentField]) -> Explorer:
    r"""Toggle between activations and weight scales, each frame a :func:`plot_moment_field`.

    Parameters
    ----------
    fields : sequence of MomentField
        One per (activation, tau) pair; every pair of the activations and taus present
        must be there.

    Returns
    -------
    Explorer
        Toggle buttons for the activation, then for the weights' :math:`\tau`.
    """
    fields = _fields(fields)
    by_key = {(f.activation, _tau_label(f.tau)): f for f in fields}
    activations = list(dict.fromkeys(f.activation for f in fields))
    taus = list(dict.fromkeys(_tau_label(f.tau) for f in fields))
    missing = [(a, t) for a in activations for t in taus if (a, t) not in by_key]
    if missing:
        raise ValueError(f"parameter 'fields' lacks the pairs {missing}")

    def draw(ax: Axes, *, activation: str, weights: str) -> None:
        fixed_layout(ax, left=0.1, right=0.97, bottom=0.12, top=0.93)
        plot_moment_field(ax, by_key[(activation, weights)])

    def alt(values: Mapping[str, Any]) -> str:
        return moment_field_alt_text(by_key[(values["activation"], values["weights"])])

    controls = [
        Control("activation", activations),
        Control("weights", taus, label="n Var(w)"),
    ]
    return explorer(draw, controls, alt=alt, figsize=(6.0, 4.2))


def _log_axis(ax: Axes) -> None:
    ax.set_yscale("log")
    # Every other decade as a tick, labelled in plain text, and no minor ticks: the
    # default mathtext labels of a log axis took a third of an explorer frame's time.
    ax.yaxis.set_major_locator(LogLocator(base=100.0))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.yaxis.set_minor_locator(NullLocator())


def plot_layer_statistics(
    ax: Axes,
    runs: Sequence[LayerStatistics],
    *,
    std_limits: tuple[float, float] | None = None,
    mean_limits: tuple[float, float] | None = None,
    log_std: bool | None = None,
) -> list[Axes]:
    """Two panels over the layers: the mean, and the standard deviation.

    Each run is one colour: measured values solid with small markers, the prediction of
    the moment map dashed. A dotted line marks the standardised values 0 and 1.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Split into the two panels.
    runs : sequence of LayerStatistics
        The series, labelled by their ``label``.
    std_limits, mean_limits : tuple of float, optional
        Fixed vertical limits (for explorers, whose frames must compare).
    log_std : bool, optional
        A logarithmic axis for the standard deviation; by default when the values drawn
        span more than a factor of 10 (over a narrower range a log axis labels one tick
        at most).

    Returns
    -------
    list of Axes
        The mean panel and the standard-deviation panel.
    """
    ax, runs = _axes(ax), _runs(runs)
    log_std = _wide_range(runs) if log_std is None else boolean("log_std", log_std)
    std_limits = None if std_limits is None else interval("std_limits", std_limits)
    mean_limits = None if mean_limits is None else interval("mean_limits", mean_limits)
    if log_std and std_limits is not None and std_limits[0] <= 0:
        raise ValueError(f"parameter 'std_limits' must be positive on a log axis, got {std_limits}")
    mean_ax, std_ax = split_axes(ax)
    with style():
        for run, color in zip(runs, _SERIES * len(runs), strict=False):
            layers = np.arange(run.depth + 1)
            for panel, measured, predicted in (
                (mean_ax, run.mean, run.predicted_mean),
                (std_ax, run.std, run.predicted_std),
            ):
                panel.plot(
                    layers,
                    measured,
                    "-o",
                    color=color,
                    markersize=2,
                    linewidth=1.5,
                    label=run.label,
                )
                panel.plot(layers, predicted, "--", color=color, linewidth=1.0, alpha=0.9)
        mean_ax.axhline(0.0, color=COLORS["muted"], linestyle=":", linewidth=1)
        std_ax.axhline(1.0, color=COLORS["muted"], linestyle=":", linewidth=1)
        if log_std:
            _log_axis(std_ax)
        if std_limits is not None:
            std_ax.set_ylim(*std_limits)
        if mean_limits is not None:
            mean_ax.set_ylim(*mean_limits)
        mean_ax.set_title("mean of each layer", fontsize=9, y=_TITLE_Y)
        std_ax.set_title(
            "standard deviation" + (" (log scale)" if log_std else ""), fontsize=9, y=_TITLE_Y
        )
        for panel in (mean_ax, std_ax):
            panel.set_xlabel("layer (0 = input)")
        mean_ax.legend(loc="upper right", fontsize=7)
    return [mean_ax, std_ax]


def _wide_range(runs: Sequence[LayerStatistics]) -> bool:
    """Whether the standard deviations drawn span more than a factor of 10."""
    drawn = np.concatenate([np.concatenate([r.std, r.predicted_std]) for r in runs])
    drawn = drawn[np.isfinite(drawn) & (drawn > 0)]
    return bool(drawn.size) and float(drawn.max() / drawn.min()) > 10


def layer_statistics_alt_text(
    runs: Sequence[LayerStatistics], *, log_std: bool | None = None
) -> str:
    """Describe :func:`plot_layer_statistics`'s picture, with its numbers."""
    runs = _runs(runs)
    first = runs[0]
    log_std = _wide_range(runs) if log_std is None else boolean("log_std", log_std)
    axis = " on a logarithmic axis" if log_std else ""
    text = (
        f"Two panels over layers 0 to {first.depth} of networks of {first.width} units per "
        f"layer with {first.init} initialisation and inputs of mean {first.input_mean:g} "
        f"and standard deviation {first.input_std:g}: left the mean of each layer, right "
        f"its standard deviation{axis}; measured solid, predicted by the moment map "
        "dashed. "
    )
    for run in runs:
        text += (
            f"{run.label}: at layer {run.depth} mean {run.mean[-1]:.2g} and standard "
            f"deviation {run.std[-1]:.2g} (predicted {run.predicted_std[-1]:.2g}). "
        )
    return text.strip()


def layer_statistics_figure(runs: Sequence[LayerStatistics]) -> Picture:
    """:func:`plot_layer_statistics` as a picture with its alt text."""
    runs = _runs(runs)
    fig, ax = new_figure(figsize=(8.0, 3.4))
    plot_layer_statistics(ax, runs)
    return show(fig, layer_statistics_alt_text(runs))


def _input_label(run: LayerStatistics) -> str:
    return f"mean {run.input_mean:g}, std {run.input_std:g}"


def _limits(values: np.ndarray, *, log: bool) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if log:
        finite = finite[finite > 0]
        return float(finite.min()) / 2, float(finite.max()) * 2
    span = float(finite.max() - finite.min()) or 1.0
    return float(finite.min()) - 0.05 * span, float(finite.max()) + 0.05 * span


def layer_statistics_explorer(runs: Sequence[LayerStatistics]) -> Explorer:
    """Toggle between initialisations and input distributions; every activation per frame.

    The standard-deviation axis is the same in every frame, the mean axis in every frame
    of one initialisation.

    Parameters
    ----------
    runs : sequence of LayerStatistics
        Every (init, input) pair present must hold the same activations, in the same
        order.

    Returns
    -------
    Explorer
        Toggle buttons for the initialisation, then for the inputs.
    """
    runs = _runs(runs)
    groups: dict[tuple[str, str], list[LayerStatistics]] = {}
    for run in runs:
        groups.setdefault((run.init, _input_label(run)), []).append(run)
    inits = list(dict.fromkeys(key[0] for key in groups))
    inputs = list(dict.fromkeys(key[1] for key in groups))
    missing = [(i, x) for i in inits for x in inputs if (i, x) not in groups]
    if missing:
        raise ValueError(f"parameter 'runs' lacks the pairs {missing}")
    labels = {key: [r.label for r in group] for key, group in groups.items()}
    if len({tuple(v) for v in labels.values()}) != 1:
        raise ValueError("parameter 'runs': every pair needs the same series, in order")
    stds = np.concatenate([np.concatenate([r.std, r.predicted_std]) for r in runs])
    std_limits = _limits(stds, log=True)
    # The means are compared within one initialisation: an exploding network's mean
    # would otherwise flatten every other frame's curves onto a line.
    mean_limits = {
        init: _limits(
            np.concatenate(
                [np.concatenate([r.mean, r.predicted_mean]) for r in runs if r.init == init]
            ),
            log=False,
        )
        for init in inits
    }

    def draw(ax: Axes, *, init: str, inputs: str) -> None:
        fixed_layout(ax, left=0.07, right=0.98, bottom=0.14, top=0.91, wspace=0.22)
        plot_layer_statistics(
            ax,
            groups[(init, inputs)],
            std_limits=std_limits,
            mean_limits=mean_limits[init],
            log_std=True,
        )

    def alt(values: Mapping[str, Any]) -> str:
        return layer_statistics_alt_text(groups[(values["init"], values["inputs"])], log_std=True)

    controls = [Control("init", inits, label="initialisation"), Control("inputs", inputs)]
    return explorer(draw, controls, alt=alt, figsize=(8.0, 3.4))
