"""Pictures of the training experiments of Part III (:mod:`actbook.training._experiments`).

:func:`plot_decision_regions` (what a 2-D classifier decides where), :func:`plot_curves`
(loss so far, one highlighted activation among grey ones), :func:`plot_band` (mean and
spread over seeds), :func:`boundary_explorer` (activation x epoch, two panels per frame)
and :func:`dead_unit_explorer` (learning rate x epoch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator

from .._checks import choice, figure_size, instance, integer, name_sequence, positive
from ..training import MLP, Dataset, DeadUnitRun, TrainingRun, decision_grid
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "boundary_explorer",
    "dead_unit_explorer",
    "plot_band",
    "plot_curves",
    "plot_decision_regions",
    "series_colors",
    "split_axes",
]

#: Colours of the classes in decision-region plots (Okabe-Ito, as everywhere in the book).
CLASS_COLORS = (COLORS["function"], COLORS["derivative"], COLORS["reference"], COLORS["accent"])
#: Markers of the classes, so that the classes differ in shape as well as in colour.
CLASS_MARKERS = ("o", "s", "^", "D")
#: Colour of the decision boundary drawn over the regions.
BOUNDARY_COLOR = "#333333"
#: One colour per activation in plots that compare several.
SERIES_COLORS = (
    COLORS["muted"],
    COLORS["function"],
    COLORS["reference"],
    COLORS["derivative"],
    COLORS["accent"],
    COLORS["highlight"],
    "#56B4E9",
    "#000000",
)


def series_colors(labels: Sequence[str]) -> dict[str, str]:
    """One colour per label, in order: the colours :func:`plot_curves` uses.

    Parameters
    ----------
    labels : sequence of str
        Activation labels, e.g. the keys of :func:`train_per_activation`'s result.

    Returns
    -------
    dict of str to str
        Label to colour, so that other plots (:func:`plot_band`) can match.
    """
    labels = name_sequence("labels", labels, minimum=0, what="labels")
    return {label: SERIES_COLORS[i % len(SERIES_COLORS)] for i, label in enumerate(labels)}


def split_axes(ax: Axes, ncols: int = 2, *, width_ratios: Sequence[float] | None = None):
    """Replace one axes of a figure by ``ncols`` side-by-side axes in the same place.

    An explorer hands its draw function a single axes; this turns it into several
    panels, so that one frame can show, say, a decision boundary and a loss curve.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        An axes made by ``fig.subplots`` (it has a subplot spec).
    ncols : int
        Number of panels.
    width_ratios : sequence of float, optional
        Relative widths.

    Returns
    -------
    list of Axes
        ``ax`` itself (now the first panel) and the new ones.
    """
    ncols = integer("ncols", ncols, 1)
    grid = ax.get_subplotspec().subgridspec(1, ncols, width_ratios=width_ratios)
    ax.set_subplotspec(grid[0])
    with style():
        return [ax, *(ax.figure.add_subplot(grid[i]) for i in range(1, ncols))]


def _fixed_layout(ax: Axes, **margins: float) -> None:
    """Turn off the figure's constrained layout and place its panels by fixed margins.

    An explorer draws dozens of frames with identical axes; computing the layout of each
    from its tick labels took about half of a frame's time. Fixed margins (fractions of
    the figure, as for :meth:`matplotlib.figure.Figure.subplots_adjust`) cost nothing.
    """
    fig = ax.figure
    fig.set_layout_engine("none")
    # subplots_adjust would refuse (and warn) after a constrained layout; the margins
    # themselves can still be set, and axes placed afterwards follow them.
    fig.subplotpars.update(**margins)
    ax.set_position(ax.get_subplotspec().get_position(fig))


def _scatter_classes(
    ax: Axes,
    x: np.ndarray,
    y: np.ndarray,
    colors: Sequence[str],
    *,
    size: float,
    hollow: bool = False,
) -> None:
    """Draw labelled 2-D points, one colour and marker per class (hollow: outlines only)."""
    for c, color in enumerate(colors):
        mine = y == c
        if hollow:
            style_kw = {"facecolors": "none", "edgecolors": color, "linewidths": 0.8}
        else:
            style_kw = {"color": color, "edgecolors": "white", "linewidths": 0.3}
        ax.scatter(*x[mine].T, s=size, marker=CLASS_MARKERS[c % len(CLASS_MARKERS)], **style_kw)


def plot_decision_regions(
    ax: Axes,
    model: MLP,
    data: Dataset,
    *,
    resolution: int = 90,
    grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    points: str = "train",
    probability_levels: Sequence[float] | None = None,
    axis_labels: tuple[str, str] | None = None,
    title: str | None = None,
    marker_size: float = 9.0,
) -> float:
    """Colour the plane by the class ``model`` predicts, and draw the data points on top.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    model : MLP
        A classifier of 2-D points.
    data : Dataset
        Its points are drawn, one colour and marker per class.
    resolution : int
        Grid points per axis (when ``grid`` is not given).
    grid : tuple, optional
        ``decision_grid(...)``'s result, to reuse one grid for many frames.
    points : {"train", "test", "both"}
        Which of ``data``'s points to draw. With ``"both"`` the test points are drawn
        hollow, so that they can be told from the (filled) training points.
    probability_levels : sequence of float, optional
        Two classes only: draw the contours of the predicted probability of class 1 at
        these levels, each strictly between 0 and 1, instead of the line between the
        predicted classes. ``[0.5]`` is the decision boundary itself, interpolated
        between grid points, so that straight pieces look straight; other levels are
        dashed. The shading then follows the same probability, split at 0.5.
    axis_labels : tuple of str, optional
        Labels of the x and y axes, e.g. ``("$x_1$", "$x_2$")``; the axes then keep their
        ticks, so that coordinates can be read. Without labels the axes are bare.
    title : str, optional
        The panel's title.
    marker_size : float
        Area of each point's marker, in points squared (matplotlib's ``s``): the default
        suits small panels and many points, a larger one few points in a large panel.

    Returns
    -------
    float
        Training accuracy of ``model`` (whichever points are drawn).
    """
    points = choice("points", points, ("train", "test", "both"))
    marker_size = positive("marker_size", marker_size)
    k = data.n_classes
    if probability_levels is not None:
        levels = sorted(float(level) for level in probability_levels)
        if k != 2:
            raise ValueError(f"parameter 'probability_levels' needs two classes, the data has {k}")
        if not levels or not all(0.0 < level < 1.0 for level in levels):
            raise ValueError(
                "parameter 'probability_levels' must be levels strictly between 0 and 1, "
                f"got {list(probability_levels)!r}"
            )
    if grid is None:
        grid = decision_grid(data.x_train, resolution=resolution)
    xx, yy, where = grid
    colors = [CLASS_COLORS[c % len(CLASS_COLORS)] for c in range(k)]
    with style():
        if probability_levels is None:
            predicted = model.predict(where).reshape(xx.shape)
            ax.contourf(xx, yy, predicted, levels=np.arange(k + 1) - 0.5, colors=colors, alpha=0.25)
            # One indicator per class (one is enough for two): contouring the labels
            # themselves would draw a boundary between classes 0 and 2 twice.
            for c in range(1 if k == 2 else k):
                ax.contour(
                    xx, yy, predicted == c, levels=[0.5], colors=BOUNDARY_COLOR, linewidths=1.0
                )
        else:
            proba = model.predict_proba(where)[:, 1].reshape(xx.shape)
            ax.contourf(xx, yy, proba, levels=[0.0, 0.5, 1.0], colors=colors, alpha=0.25)
            ax.contour(
                xx,
                yy,
                proba,
                levels=levels,
                colors=BOUNDARY_COLOR,
                linewidths=1.0,
                linestyles=["solid" if level == 0.5 else "dashed" for level in levels],
            )
        if points in ("train", "both"):
            _scatter_classes(ax, data.x_train, data.y_train, colors, size=marker_size)
        if points in ("test", "both"):
            _scatter_classes(
                ax, data.x_test, data.y_test, colors, size=marker_size, hollow=points == "both"
            )
        ax.set_xlim(xx.min(), xx.max())
        ax.set_ylim(yy.min(), yy.max())
        if axis_labels is None:
            ax.set_xticks([])
            ax.set_yticks([])
        else:
            ax.set_xlabel(axis_labels[0])
            ax.set_ylabel(axis_labels[1])
        if title is not None:
            ax.set_title(title)
        ax.grid(False)
        ax.set_aspect("equal", adjustable="box")
    return float(np.mean(model.predict(data.x_train) == data.y_train))


def plot_curves(
    ax: Axes,
    curves: Mapping[str, Sequence[float]],
    *,
    highlight: str | None = None,
    upto: int | None = None,
    log: bool = True,
    ylabel: str = "training loss",
    legend: bool = False,
) -> None:
    """Draw one curve per activation against the epoch (entry ``e`` is epoch ``e``).

    With ``highlight``, every other curve is grey and the highlighted one is drawn in
    colour only up to epoch ``upto``, with a dot there: "the loss so far".

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    curves : mapping of str to sequence of float
        One curve per label.
    highlight : str, optional
        The label to emphasise.
    upto : int, optional
        Last epoch of the highlighted curve; the whole curve if omitted.
    log : bool
        Logarithmic y axis.
    ylabel : str
        Label of the y axis.
    legend : bool
        Add a legend (when no curve is highlighted).
    """
    instance("curves", curves, Mapping, "a mapping of label to curve, e.g. {'relu': losses}")
    if highlight is not None and highlight not in curves:
        raise ValueError(f"parameter 'highlight' must be one of {list(curves)}, got {highlight!r}")
    if upto is not None:
        upto = integer("upto", upto, 0)
    with style():
        colors = series_colors(list(curves))
        for label, values in curves.items():
            values = np.asarray(values, dtype=np.float64)
            epochs = np.arange(len(values))
            if highlight is None:
                ax.plot(epochs, values, color=colors[label], linewidth=1.5, label=label)
            elif label != highlight:
                ax.plot(epochs, values, color=COLORS["muted"], linewidth=0.8, alpha=0.6)
        if highlight is not None:
            values = np.asarray(curves[highlight], dtype=np.float64)
            stop = len(values) - 1 if upto is None else int(upto)
            ax.plot(np.arange(stop + 1), values[: stop + 1], color=COLORS["function"])
            ax.plot([stop], [values[stop]], "o", color=COLORS["derivative"], markersize=5)
        if log:
            ax.set_yscale("log")
            # Decades only: minor log ticks cost most of a frame's layout time and add
            # nothing to a curve that is read for its shape.
            ax.yaxis.set_major_locator(LogLocator(base=10, numticks=6))
            ax.yaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("epoch")
        ax.set_ylabel(ylabel)
        if legend and highlight is None:
            ax.legend(fontsize=8)


def plot_band(
    ax: Axes,
    curves: np.ndarray,
    *,
    label: str,
    color: str,
    spread: str = "minmax",
) -> None:
    """Mean over seeds as a line, and the spread over seeds as a shaded band.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    curves : ndarray, shape (seeds, epochs + 1)
        One curve per seed, entry ``e`` at epoch ``e``.
    label : str
        Legend label of the mean.
    color : str
        Colour of line and band.
    spread : {"minmax", "std"}
        Band from the smallest to the largest value, or mean ± one standard deviation.
    """
    curves = np.asarray(curves, dtype=np.float64)
    if curves.ndim != 2 or curves.shape[0] == 0:
        raise ValueError(
            f"parameter 'curves' must have shape (seeds, epochs), one row per seed, "
            f"got {curves.shape}"
        )
    spread = choice("spread", spread, ("minmax", "std"))
    mean = curves.mean(axis=0)
    if spread == "minmax":
        low, high = curves.min(axis=0), curves.max(axis=0)
    elif spread == "std":
        std = curves.std(axis=0)
        low, high = mean - std, mean + std
    else:
        raise ValueError(f"parameter 'spread' must be 'minmax' or 'std', got {spread!r}")
    epochs = np.arange(curves.shape[1])
    with style():
        ax.fill_between(epochs, low, high, color=color, alpha=0.2, linewidth=0)
        ax.plot(epochs, mean, color=color, linewidth=1.5, label=label)


def boundary_explorer(
    data: Dataset,
    runs: Mapping[str, TrainingRun],
    epochs: Sequence[int],
    *,
    figsize: tuple[float, float] = (6.0, 2.8),
    resolution: int = 90,
) -> Explorer:
    """Activation (toggle buttons) x epoch (slider): decision regions and loss so far.

    Parameters
    ----------
    data : Dataset
        A 2-D problem.
    runs : mapping of str to TrainingRun
        From :func:`train_per_activation`, with snapshots at every one of ``epochs``.
    epochs : sequence of int
        The epochs the slider offers; the last one is shown first.
    figsize : tuple of float
        Size of each frame.
    resolution : int
        Grid points per axis of the decision regions.

    Returns
    -------
    Explorer
    """
    if not isinstance(runs, Mapping) or not runs:
        raise ValueError(f"parameter 'runs' must map labels to TrainingRuns, got {runs!r}")
    epochs = name_sequence("epochs", epochs, what="epochs")
    for label, run in runs.items():
        missing = [e for e in epochs if e not in run.history.snapshots]
        if missing:
            raise ValueError(
                f"parameter 'epochs': run {label!r} has no snapshot at {missing}; train with "
                f"snapshot_epochs={list(epochs)}"
            )
    figsize = figure_size("figsize", figsize)
    grid = decision_grid(data.x_train, resolution=resolution)
    losses = {label: run.train_loss for label, run in runs.items()}
    floor = min(float(np.min(v)) for v in losses.values())
    ceiling = max(float(np.max(v)) for v in losses.values())

    def draw(ax: Axes, activation: str, epoch: int) -> None:
        _fixed_layout(ax, left=0.01, right=0.98, bottom=0.16, top=0.9, wspace=0.32)
        left, right = split_axes(ax, 2, width_ratios=(1.15, 1.0))
        run = runs[activation]
        plot_decision_regions(left, run.at(epoch), data, grid=grid)
        left.set_title(f"{activation}, epoch {epoch}", fontsize=9)
        plot_curves(right, losses, highlight=activation, upto=epoch)
        right.set_ylim(max(floor, 1e-4) * 0.5, ceiling * 1.5)

    def alt(values: Mapping[str, Any]) -> str:
        run, epoch = runs[values["activation"]], values["epoch"]
        return (
            f"Left: the {data.name} training points and the regions where a network with "
            f"{run.label} hidden units predicts each class after {epoch} epochs; it "
            f"classifies {run.train_accuracy[epoch]:.0%} of the training points correctly. "
            f"Right: training loss on a logarithmic scale against the epoch, the "
            f"{run.label} curve drawn up to epoch {epoch} (loss {run.train_loss[epoch]:.3g}), "
            f"the other activations' whole curves in grey."
        )

    controls = [
        Control("activation", list(runs)),
        Control("epoch", list(epochs), default=epochs[-1]),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def dead_unit_explorer(
    runs: Mapping[float, DeadUnitRun],
    epochs: Sequence[int],
    *,
    compare: Mapping[float, DeadUnitRun] | None = None,
    figsize: tuple[float, float] = (6.0, 2.6),
) -> Explorer:
    """Learning rate x epoch: dead-unit fraction so far, and which units are dead.

    Parameters
    ----------
    runs : mapping of float to DeadUnitRun
        One run per learning rate (the slider's values), e.g. ReLU.
    epochs : sequence of int
        The epochs the second slider offers.
    compare : mapping of float to DeadUnitRun, optional
        Runs of another activation at the same rates, drawn dashed in the left panel.
    figsize : tuple of float
        Size of each frame.

    Returns
    -------
    Explorer
    """
    if not isinstance(runs, Mapping) or not runs:
        raise ValueError(f"parameter 'runs' must map learning rates to DeadUnitRuns, got {runs!r}")
    rates = list(runs)
    last = max(len(run.dead) for run in runs.values()) - 1
    epochs = [integer("epochs", e, 0, last) for e in name_sequence("epochs", epochs, what="epochs")]
    figsize = figure_size("figsize", figsize)

    def draw(ax: Axes, learning_rate: float, epoch: int) -> None:
        left, right = split_axes(ax, 2, width_ratios=(1.0, 1.1))
        run = runs[learning_rate]
        with style():
            for rate, other in runs.items():
                if rate != learning_rate:
                    left.plot(other.dead_fraction, color=COLORS["muted"], lw=0.8, alpha=0.6)
            fraction = run.dead_fraction
            left.plot(
                np.arange(epoch + 1),
                fraction[: epoch + 1],
                color=COLORS["function"],
                label=run.label,
            )
            left.plot([epoch], [fraction[epoch]], "o", color=COLORS["derivative"], ms=5)
            if compare is not None:
                twin = compare[learning_rate]
                left.plot(
                    np.arange(epoch + 1),
                    twin.dead_fraction[: epoch + 1],
                    color=COLORS["reference"],
                    linestyle="--",
                    label=twin.label,
                )
            left.set_xlim(0, last)
            left.set_ylim(-0.03, 1.03)
            left.set_xlabel("epoch")
            left.set_ylabel("dead fraction")
            left.legend(fontsize=8, loc="upper left")
            rows = [run.dead[epoch, s:e] for s, e in _layer_slices(run.layer_sizes)]
            right.imshow(
                np.array(rows, dtype=float),
                cmap="Greys",
                vmin=0,
                vmax=1.4,
                aspect="auto",
                interpolation="nearest",
            )
            right.set_yticks(range(len(rows)), [f"layer {i + 1}" for i in range(len(rows))])
            right.set_xlabel("hidden unit (dark = dead)")
            right.grid(False)
            right.set_title(f"{run.label}, rate {learning_rate:g}, epoch {epoch}", fontsize=9)

    def alt(values: Mapping[str, Any]) -> str:
        run, epoch = runs[values["learning_rate"]], values["epoch"]
        counts = [int(run.dead[epoch, s:e].sum()) for s, e in _layer_slices(run.layer_sizes)]
        per_layer = ", ".join(
            f"{c} of {n} in layer {i + 1}"
            for i, (c, n) in enumerate(zip(counts, run.layer_sizes, strict=True))
        )
        text = (
            f"Left: fraction of dead {run.label} units against the epoch for learning rate "
            f"{values['learning_rate']:g}, drawn up to epoch {epoch}, where it is "
            f"{run.dead_fraction[epoch]:.0%}; grey curves are the other learning rates."
        )
        if compare is not None:
            twin = compare[values["learning_rate"]]
            text += f" The dashed {twin.label} curve is at {twin.dead_fraction[epoch]:.0%}."
        return text + f" Right: the dead units after epoch {epoch} in dark: {per_layer}."

    controls = [
        Control("learning_rate", rates, label="learning rate"),
        Control("epoch", list(epochs), default=epochs[-1]),
    ]
    return explorer(draw, controls, alt=alt, figsize=figsize)


def _layer_slices(sizes: Sequence[int]) -> list[tuple[int, int]]:
    ends = np.cumsum(sizes)
    return [(int(e - n), int(e)) for e, n in zip(ends, sizes, strict=True)]
