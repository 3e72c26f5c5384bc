"""Pictures of the training experiments of Part III (:mod:`actbook.training._experiments`).

:func:`plot_decision_regions` (what a 2-D classifier decides where), :func:`plot_curves`
(loss so far, one highlighted activation among grey ones), :func:`plot_band` (mean and
spread over seeds), :func:`boundary_explorer` (activation x epoch, two panels per frame)
and :func:`dead_unit_explorer` (learning rate x epoch).

The figures of the chapters come as a ``plot_*`` function that draws on given axes (and
is tested on what it draws) and a ``*_figure`` function that returns the
:class:`~actbook.figures.Picture` with alt text built from the numbers shown:
learning curves of one run per activation, the same over seeds as bands, the largest
pre-activation of each unit step by step, and the share of networks born dead. The
``*_markdown`` functions render the chapters' tables of the same results.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator

from .._checks import (
    choice,
    figure_size,
    finite_array,
    instance,
    integer,
    name_sequence,
    positive,
    real,
)
from ..training import (
    MLP,
    Dataset,
    DeadUnitRun,
    TrainingRun,
    decision_grid,
    epochs_to_reach,
    seed_spread,
    unit_deaths,
)
from ._display import Markdown, markdown_table
from ._plot import Picture, fixed_layout, new_figure, show
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "born_dead_figure",
    "boundary_explorer",
    "dead_unit_explorer",
    "dead_unit_markdown",
    "learning_curves_figure",
    "max_pre_activations_figure",
    "plot_band",
    "plot_born_dead",
    "plot_curves",
    "plot_decision_regions",
    "plot_learning_curves",
    "plot_max_pre_activations",
    "plot_seed_bands",
    "seed_bands_figure",
    "seed_sweep_markdown",
    "series_colors",
    "split_axes",
    "training_runs_markdown",
]

#: Colours of the classes in decision-region plots (Okabe-Ito, as everywhere in the book).
CLASS_COLORS = (COLORS["function"], COLORS["derivative"], COLORS["reference"], COLORS["accent"])
#: Markers of the classes, so that the classes differ in shape as well as in colour.
CLASS_MARKERS = ("o", "s", "^", "D")
#: The same markers in words, for alt text.
CLASS_MARKER_WORDS = ("circles", "squares", "triangles", "diamonds")
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
    labels: Sequence[str] | None = None,
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
    labels : sequence of str, optional
        The runs to offer, in this order (all if omitted): each one multiplies the frames.

    Returns
    -------
    Explorer
    """
    if not isinstance(runs, Mapping) or not runs:
        raise ValueError(f"parameter 'runs' must map labels to TrainingRuns, got {runs!r}")
    runs = _only(runs, labels)
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
        fixed_layout(ax, left=0.01, right=0.98, bottom=0.16, top=0.9, wspace=0.32)
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


#: Small counts in words, for alt text that reads like the chapter ("five seeds").
_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
#: Ordinal words for hidden layers ("first-layer units").
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
#: The colours of dead and living units in :func:`plot_max_pre_activations`, and the
#: words the alt text uses for them.
_DEAD_COLOR, _DEAD_WORD = COLORS["derivative"], "orange"
_ALIVE_COLOR, _ALIVE_WORD = COLORS["muted"], "grey"
#: The zero line of :func:`plot_max_pre_activations`: Okabe-Ito black, like the last of
#: :data:`SERIES_COLORS`.
_ZERO_LINE_COLOR = SERIES_COLORS[-1]


def _count_word(n: int) -> str:
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"layer-{n}"


def _percent(fraction: float) -> str:
    """``0.95`` as ``"95 %"``, the way the chapters' table headers write a target."""
    return f"{round(fraction * 100, 6):g} %"


def _range_text(word: str, limits: tuple[float, float] | None) -> str:
    """`` between 0.5 and 1`` (or ``from ... to``) for the alt text; nothing without limits."""
    if limits is None:
        return ""
    low, high = limits
    return f" {word} {low:g} {'and' if word == 'between' else 'to'} {high:g}"


def _epoch_count(runs: Mapping[str, TrainingRun]) -> int:
    if not runs:
        raise ValueError("parameter 'runs' needs at least one run")
    return len(next(iter(runs.values())).train_loss) - 1


def _two_axes(axes: Any, layout: str = "1, 2") -> tuple[Axes, Axes]:
    """The two panels of ``new_figure(1, 2)`` (or of ``layout``), else a ``ValueError``."""
    if isinstance(axes, Axes) or not isinstance(axes, Sequence | np.ndarray) or len(axes) != 2:
        raise ValueError(
            f"parameter 'axes' must be two Axes, from ab.new_figure({layout}); got {axes!r}"
        )
    for ax in axes:
        instance("axes", ax, Axes, f"two Axes, from ab.new_figure({layout})")
    return axes[0], axes[1]


def _only(results: Mapping[str, Any], labels: Sequence[str] | None) -> dict[str, Any]:
    """The entries of ``results`` named in ``labels``, in that order (all if ``None``)."""
    if labels is None:
        return dict(results)
    labels = name_sequence("labels", labels, what="labels")
    missing = [label for label in labels if label not in results]
    if missing:
        raise ValueError(f"parameter 'labels': {missing} not among {list(results)}")
    return {label: results[label] for label in labels}


def _held_out(runs: Mapping[str, TrainingRun]) -> tuple[str, str]:
    """The held-out curve the runs follow per epoch: validation if they have one, else test."""
    validated = next(iter(runs.values())).val_accuracy is not None
    return ("val_accuracy", "validation") if validated else ("test_accuracy", "test")


def _held_out_curves(sweep: Mapping[str, Mapping[str, np.ndarray]]) -> tuple[str, str]:
    """:func:`_held_out` for the result of :func:`seed_sweep`."""
    validated = "val_accuracy" in next(iter(sweep.values()))
    return ("val_accuracy", "validation") if validated else ("test_accuracy", "test")


def plot_learning_curves(
    axes: Sequence[Axes],
    runs: Mapping[str, TrainingRun],
    *,
    accuracy_range: tuple[float, float] | None = None,
) -> None:
    """Two panels for one run per activation: training loss (log scale), held-out accuracy.

    The accuracy is the validation accuracy when the runs have a validation set, and
    the test accuracy otherwise; the panel's label says which.

    Parameters
    ----------
    axes : pair of Axes
        The loss panel and the accuracy panel.
    runs : mapping of str to TrainingRun
        From :func:`train_per_activation`; one line per run, in the colours of
        :func:`series_colors`, with a legend in the accuracy panel.
    accuracy_range : tuple of float, optional
        Vertical limits of the accuracy panel; chosen by matplotlib if omitted.
    """
    _two_axes(axes)
    loss_ax, accuracy_ax = axes
    curve, which = _held_out(runs)
    plot_curves(loss_ax, {label: run.train_loss for label, run in runs.items()})
    plot_curves(
        accuracy_ax,
        {label: getattr(run, curve) for label, run in runs.items()},
        log=False,
        ylabel=f"{which} accuracy",
        legend=True,
    )
    if accuracy_range is not None:
        accuracy_ax.set_ylim(*accuracy_range)


def learning_curves_figure(
    runs: Mapping[str, TrainingRun],
    *,
    accuracy_range: tuple[float, float] | None = None,
    early_epoch: int = 5,
    figsize: tuple[float, float] = (8.0, 3.2),
    labels: Sequence[str] | None = None,
) -> Picture:
    """:func:`plot_learning_curves` as a picture, with alt text from the runs' numbers.

    The alt text names the activation whose training loss is lowest and the one whose
    loss is highest at ``early_epoch`` ("fastest" and "slowest early on"), and every
    run's final test accuracy.

    Parameters
    ----------
    runs : mapping of str to TrainingRun
        From :func:`train_per_activation`.
    accuracy_range : tuple of float, optional
        Vertical limits of the accuracy panel; chosen by matplotlib if omitted.
    early_epoch : int
        The epoch at which the alt text compares the losses.
    figsize : tuple of float
        Size of the figure in inches.
    labels : sequence of str, optional
        The runs to draw, in this order (all if omitted).

    Returns
    -------
    Picture
    """
    epochs = _epoch_count(runs)
    runs = _only(runs, labels)
    if not 0 <= early_epoch <= epochs:
        raise ValueError(f"parameter 'early_epoch' must lie in [0, {epochs}], got {early_epoch!r}")
    fig, axes = new_figure(1, 2, figsize=figsize)
    plot_learning_curves(axes, runs, accuracy_range=accuracy_range)
    early = {label: run.train_loss[early_epoch] for label, run in runs.items()}
    curve, which = _held_out(runs)
    final = ", ".join(f"{label} {getattr(run, curve)[-1]:.1%}" for label, run in runs.items())
    shown = _range_text("between", accuracy_range)
    alt = (
        f"Two panels, one line per activation over {epochs} epochs. Left: training loss on "
        f"a log scale, falling fastest for {min(early, key=early.get)} early on and slowest "
        f"for {max(early, key=early.get)}. Right: {which} accuracy{shown}; after {epochs} "
        f"epochs {final}."
    )
    return show(fig, alt)


def plot_seed_bands(
    axes: Sequence[Axes],
    sweep: Mapping[str, Mapping[str, np.ndarray]],
    *,
    accuracy_range: tuple[float, float] | None = None,
) -> None:
    """Two panels over seeds: training loss (log scale) and held-out accuracy as bands.

    The accuracy is the validation accuracy when the sweep has one, else the test accuracy.

    Each activation is a line (the mean over seeds) and a band (worst to best seed, see
    :func:`plot_band`), in the colours :func:`plot_curves` gives the same labels.

    Parameters
    ----------
    axes : pair of Axes
        The loss panel and the accuracy panel.
    sweep : mapping
        From :func:`seed_sweep`: ``sweep[label]["train_loss"]`` and
        ``sweep[label]["test_accuracy"]``, one row per seed.
    accuracy_range : tuple of float, optional
        Vertical limits of the accuracy panel; chosen by matplotlib if omitted.
    """
    _two_axes(axes)
    loss_ax, accuracy_ax = axes
    colors = series_colors(list(sweep))
    held_out, which = _held_out_curves(sweep)
    with style():
        for label, curves in sweep.items():
            plot_band(loss_ax, curves["train_loss"], label=label, color=colors[label])
            plot_band(accuracy_ax, curves[held_out], label=label, color=colors[label])
        loss_ax.set_yscale("log")
        loss_ax.set_xlabel("epoch")
        loss_ax.set_ylabel("training loss")
        if accuracy_range is not None:
            accuracy_ax.set_ylim(*accuracy_range)
        accuracy_ax.set_xlabel("epoch")
        accuracy_ax.set_ylabel(f"{which} accuracy")
        accuracy_ax.legend(fontsize=8, loc="lower right")


def seed_bands_figure(
    sweep: Mapping[str, Mapping[str, np.ndarray]],
    *,
    accuracy_range: tuple[float, float] | None = None,
    loss_remark: str | None = None,
    accuracy_remark: str | None = None,
    figsize: tuple[float, float] = (8.0, 3.2),
    labels: Sequence[str] | None = None,
) -> Picture:
    """:func:`plot_seed_bands` as a picture, with alt text from the sweep's numbers.

    The alt text gives the number of seeds and, per activation, the spread of the final
    test accuracy between the worst and the best seed (:attr:`SeedSpread.range`).

    Parameters
    ----------
    sweep : mapping
        From :func:`seed_sweep`.
    accuracy_range : tuple of float, optional
        Vertical limits of the accuracy panel; chosen by matplotlib if omitted.
    loss_remark, accuracy_remark : str, optional
        What a reader sees in each panel that the numbers do not say (how the bands lie
        relative to each other), in the chapter's words; added to the panel's description.
    figsize : tuple of float
        Size of the figure in inches.
    labels : sequence of str, optional
        The activations to draw, in this order (all if omitted).

    Returns
    -------
    Picture
    """
    if not sweep:
        raise ValueError("parameter 'sweep' needs at least one activation")
    sweep = _only(sweep, labels)
    fig, axes = new_figure(1, 2, figsize=figsize)
    plot_seed_bands(axes, sweep, accuracy_range=accuracy_range)
    seeds = len(next(iter(sweep.values()))["test_accuracy"])
    held_out, which = _held_out_curves(sweep)
    spreads = {label: seed_spread(curves[held_out][:, -1]).range for label, curves in sweep.items()}
    loss = "; " + loss_remark if loss_remark else ""
    accuracy = "; " + accuracy_remark if accuracy_remark else ""
    shown = _range_text("from", accuracy_range)
    alt = (
        f"Two panels, mean over {_count_word(seeds)} seeds as a line and the range over "
        f"seeds as a shaded band, one colour per activation. Left: training loss on a log "
        f"scale{loss}. Right: {which} accuracy{shown}{accuracy}. Final "
        "spread between best and worst seed: "
        + ", ".join(f"{label} {spread:.1%}" for label, spread in spreads.items())
        + "."
    )
    return show(fig, alt)


def training_runs_markdown(
    runs: Mapping[str, TrainingRun] | Mapping[str, Mapping[str, TrainingRun]],
    *,
    target: float = 0.95,
    reached_on: str = "test",
    decimals: int = 1,
    loss: bool = True,
    group: str = "problem",
) -> Markdown:
    """The end points of training runs as a table: accuracy, loss, epochs to a target.

    Parameters
    ----------
    runs : mapping of str to TrainingRun, or of str to such mappings
        From :func:`train_per_activation`: one row per run. A mapping of such results
        (one per problem, say) adds a first column with its keys.
    target : float
        The accuracy whose first epoch the last column gives (:func:`epochs_to_reach`),
        ``"never"`` where a run does not get there.
    reached_on : {"test", "train", "validation"}
        Whether the target is reached on the test, the training or the validation
        points (the column's title says which unless it is the test set). A choice
        made by reading this column should use the validation set.
    decimals : int
        Decimals of the final test accuracy, in per cent.
    loss : bool
        Add a column with the final training loss.
    group : str
        Title of the first column, when ``runs`` is a mapping of results.

    Returns
    -------
    Markdown
    """
    decimals = integer("decimals", decimals, 0, 6)
    target = real("target", target, low=0.0)
    reached_on = choice("reached_on", reached_on, _REACHED_ON)
    if not runs:
        raise ValueError("parameter 'runs' needs at least one run")
    nested = isinstance(next(iter(runs.values())), Mapping)
    groups = runs if nested else {None: runs}
    curve = _REACHED_ON[reached_on]
    if any(getattr(run, curve) is None for by in groups.values() for run in by.values()):
        raise ValueError("parameter 'reached_on' is 'validation' but a run has no validation set")
    suffix = "" if reached_on == "test" else f" ({reached_on})"
    reached_title = f"epochs to {_percent(target)}{suffix}"
    headers = ["activation", "test accuracy", *(["training loss"] if loss else []), reached_title]
    rows = []
    for name, by_activation in groups.items():
        for label, run in by_activation.items():
            reached = epochs_to_reach(getattr(run, curve), target)
            rows.append(
                [
                    *([name] if nested else []),
                    label,
                    f"{run.test_accuracy[-1]:.{decimals}%}",
                    *([f"{run.train_loss[-1]:.3f}"] if loss else []),
                    "never" if reached is None else reached,
                ]
            )
    return markdown_table([group, *headers] if nested else headers, rows)


#: The curve each ``reached_on`` of the tables reads.
_REACHED_ON = {"test": "test_accuracy", "train": "train_accuracy", "validation": "val_accuracy"}


def seed_sweep_markdown(
    sweep: Mapping[str, Mapping[str, np.ndarray]],
    *,
    target: float = 0.95,
    reached_on: str = "test",
) -> Markdown:
    """The final test accuracy over seeds, and how many seeds reach a target and when.

    Parameters
    ----------
    sweep : mapping
        From :func:`seed_sweep`.
    target : float
        The accuracy to reach (:func:`epochs_to_reach`).
    reached_on : {"test", "train", "validation"}
        The curve on which ``target`` is looked for (the last two columns' titles say
        which unless it is the test set).

    Returns
    -------
    Markdown
        Per activation: mean ± sample standard deviation and worst to best seed of the
        final test accuracy (:func:`seed_spread`), the number of seeds that reach
        ``target``, and the range of the epochs at which they do (``"never"`` if none).
    """
    target = real("target", target, low=0.0)
    if not isinstance(sweep, Mapping) or not sweep:
        raise ValueError(f"parameter 'sweep' must be the result of seed_sweep(), got {sweep!r}")
    reached_on = choice("reached_on", reached_on, _REACHED_ON)
    rows = []
    for label, curves in sweep.items():
        if _REACHED_ON[reached_on] not in curves:
            raise ValueError("parameter 'reached_on' is 'validation' but the sweep has none")
        final = seed_spread(curves["test_accuracy"][:, -1])
        reached = [epochs_to_reach(curve, target) for curve in curves[_REACHED_ON[reached_on]]]
        hit = [epoch for epoch in reached if epoch is not None]
        rows.append(
            [
                label,
                f"{final.mean:.1%} ± {final.std:.1%}",
                f"{final.low:.1%} to {final.high:.1%}",
                f"{len(hit)} of {len(reached)}",
                f"{min(hit)} to {max(hit)}" if hit else "never",
            ]
        )
    goal = _percent(target) + ("" if reached_on == "test" else f" ({reached_on})")
    headers = [
        "activation",
        "test accuracy (mean ± sd)",
        "worst to best seed",
        f"seeds reaching {goal}",
        f"epochs to {goal}",
    ]
    return markdown_table(headers, rows)


def _spread_text(values: Sequence[float], decimals: int) -> str:
    """``mean (low to high)`` in per cent, noting runs that diverged (NaN)."""
    spread = seed_spread(values)
    if spread.diverged == len(spread.values):
        return "diverged"
    note = f" ({spread.diverged} diverged)" if spread.diverged else ""
    return (
        f"{spread.mean:.{decimals}%} ({spread.low:.{decimals}%} to {spread.high:.{decimals}%})"
        + note
    )


def dead_unit_markdown(
    runs: Mapping[float, Sequence[DeadUnitRun]],
    compare: Mapping[float, Sequence[DeadUnitRun]],
    *,
    names: tuple[str, str] = ("ReLU", "leaky ReLU"),
) -> Markdown:
    """Dead units and accuracy after training, over seeds, per learning rate.

    Parameters
    ----------
    runs : mapping of float to sequence of DeadUnitRun
        Per learning rate, one run per seed (ReLU, say).
    compare : mapping of float to sequence of DeadUnitRun
        Runs of another activation at the same rates (leaky ReLU, say).
    names : tuple of str
        How the columns call the two activations.

    Returns
    -------
    Markdown
        Per learning rate: the final fraction of dead units of ``runs`` and the final
        test accuracy of both, each as the mean over seeds and the range from the worst
        to the best seed; runs that diverged are left out and counted.
    """
    if not isinstance(runs, Mapping) or not runs:
        raise ValueError(f"parameter 'runs' must map learning rates to DeadUnitRuns, got {runs!r}")
    missing = [rate for rate in runs if rate not in compare]
    if missing:
        raise ValueError(f"parameter 'compare' lacks the learning rates {missing}")
    rows = [
        [
            f"{rate:g}",
            _spread_text([run.dead_fraction[-1] for run in runs[rate]], 0),
            _spread_text([run.test_accuracy[-1] for run in runs[rate]], 1),
            _spread_text([run.test_accuracy[-1] for run in compare[rate]], 1),
        ]
        for rate in runs
    ]
    first, second = names
    headers = [
        "learning rate",
        f"{first}: dead units",
        f"{first}: test accuracy",
        f"{second}: test accuracy",
    ]
    return markdown_table(headers, rows)


def plot_max_pre_activations(
    ax: Axes,
    trace: Any,
    *,
    steps_per_epoch: int | None = None,
    ylim: tuple[float, float] | None = None,
) -> None:
    """Each unit's largest pre-activation against the step, the dead ones in colour.

    Units whose largest pre-activation is ``<= 0`` at the last step (dead: no input
    switches them on) are drawn in the book's derivative colour, the others thin and
    grey, with a line at zero.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    trace : array_like, shape (steps + 1, units)
        From :func:`max_pre_activation_trace`, or some of its columns.
    steps_per_epoch : int, optional
        Shown in the label of the step axis.
    ylim : tuple of float, optional
        Vertical limits; chosen by matplotlib if omitted.
    """
    trace = finite_array("trace", trace, ndim=2)
    if steps_per_epoch is not None:
        steps_per_epoch = integer("steps_per_epoch", steps_per_epoch, 1)
    trace = np.asarray(trace, dtype=np.float64)
    steps = np.arange(len(trace))
    dead = trace[-1] <= 0
    per_epoch = "" if steps_per_epoch is None else f" ({steps_per_epoch} steps per epoch)"
    with style():
        for j in np.flatnonzero(~dead):
            ax.plot(steps, trace[:, j], color=_ALIVE_COLOR, linewidth=0.6, alpha=0.5)
        for j in np.flatnonzero(dead):
            ax.plot(steps, trace[:, j], color=_DEAD_COLOR, linewidth=1.0)
        ax.axhline(0, color=_ZERO_LINE_COLOR, linewidth=0.8)
        ax.set_xlabel(f"SGD step{per_epoch}")
        ax.set_ylabel("largest pre-activation\nover the training set")
        if ylim is not None:
            ax.set_ylim(*ylim)


def max_pre_activations_figure(
    trace: Any,
    data: Dataset,
    *,
    learning_rate: float,
    batch_size: int = 32,
    activation: str = "ReLU",
    layer: int = 1,
    ylim: tuple[float, float] | None = None,
    figsize: tuple[float, float] = (7.0, 3.2),
) -> Picture:
    """:func:`plot_max_pre_activations` as a picture, with alt text from the trace.

    The alt text counts the units that end dead, says whether most of them died in a
    single step from above 1 (:meth:`UnitDeaths.sudden`), how many died at the busiest
    step, and whether they all stayed exactly flat afterwards (:func:`unit_deaths`).

    Parameters
    ----------
    trace : array_like, shape (steps + 1, units)
        The columns of one layer of :func:`max_pre_activation_trace`.
    data : Dataset
        The data it was trained on, for the number of steps per epoch.
    learning_rate : float
        The SGD step size of the trace, for the alt text.
    batch_size : int
        Its minibatch size.
    activation : str
        The units' activation, as the alt text names it.
    layer : int
        The hidden layer of the columns, counting from 1.
    ylim : tuple of float, optional
        Vertical limits.
    figsize : tuple of float
        Size of the figure in inches.

    Returns
    -------
    Picture
    """
    trace = finite_array("trace", trace, ndim=2)
    learning_rate = positive("learning_rate", learning_rate)
    trace = np.asarray(trace, dtype=np.float64)
    steps_per_epoch = math.ceil(len(data.x_train) / batch_size)  # the last batch is smaller
    fig, ax = new_figure(figsize=figsize)
    plot_max_pre_activations(ax, trace, steps_per_epoch=steps_per_epoch, ylim=ylim)
    deaths = unit_deaths(trace)
    units, dead = trace.shape[1], len(deaths.units)
    text = (
        f"Largest pre-activation of each of the {units} {_ordinal(layer)}-layer {activation} "
        f"units over the training set, against the SGD step, for {len(trace) - 1} steps at "
        f"learning rate {learning_rate:g}."
    )
    alive = trace[:, trace[-1] > 0]
    alive_text = (
        f"in {_ALIVE_WORD}, "
        + ("stay positive" if np.all(alive > 0) else "end positive")
        + " and keep moving"
    )
    if not dead:
        return show(fig, f"{text} No unit drops below zero; all of them, {alive_text}.")
    step, count = deaths.busiest_step()
    if dead == 1:
        flat = "stays exactly flat afterwards" if deaths.frozen.all() else "does not stay flat"
        died = f"1 unit, drawn in {_DEAD_WORD}, drops below zero at step {step} and {flat}"
    else:
        how = ", mostly in a single large step" if 2 * deaths.sudden(above=1.0) > dead else ""
        flat = "stay exactly flat afterwards" if deaths.frozen.all() else "not all stay flat"
        died = (
            f"{dead} units, drawn in {_DEAD_WORD}, drop below zero{how}, {count} of them at "
            f"step {step}, and {flat}"
        )
    return show(fig, f"{text} {died}; the other units, {alive_text}.")


def plot_born_dead(
    ax: Axes, depths: Sequence[int], born_dead: Mapping[int, Sequence[float]]
) -> None:
    """The share of networks dead at initialisation against depth, one line per width.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    depths : sequence of int
        Numbers of hidden layers, on a logarithmic axis.
    born_dead : mapping of int to sequence of float
        Per width, the share at each depth (:func:`born_dead_fraction`).
    """
    depths = [integer("depths", d, 1) for d in name_sequence("depths", depths, what="depths")]
    instance("born_dead", born_dead, Mapping, "a mapping of width to one share per depth")
    labels = {width: f"width {width}" for width in born_dead}
    colors = series_colors(list(labels.values()))
    for width, shares in born_dead.items():
        if len(shares) != len(depths):
            raise ValueError(
                f"parameter 'born_dead': width {width} has {len(shares)} shares "
                f"for {len(depths)} depths"
            )
    with style():
        for width, shares in born_dead.items():
            ax.plot(depths, shares, "o-", color=colors[labels[width]], label=labels[width])
        ax.set_xscale("log")
        ax.set_xticks(depths, [str(d) for d in depths])
        ax.set_xlabel("hidden layers")
        ax.set_ylabel("share dead at initialisation")
        ax.set_ylim(-0.03, 1.03)
        ax.legend(fontsize=8)


def born_dead_figure(
    depths: Sequence[int],
    born_dead: Mapping[int, Sequence[float]],
    *,
    networks: int,
    activation: str = "ReLU",
    quoted: Sequence[int] | None = None,
    figsize: tuple[float, float] = (6.0, 3.2),
) -> Picture:
    """:func:`plot_born_dead` as a picture, with alt text quoting the shares.

    Parameters
    ----------
    depths : sequence of int
        Numbers of hidden layers.
    born_dead : mapping of int to sequence of float
        Per width, the share at each depth.
    networks : int
        How many networks each share is over (the number of seeds).
    activation : str
        The networks' activation, as the alt text names it.
    quoted : sequence of int, optional
        The depths whose shares the alt text gives for every width; the middle and the
        largest depth if omitted.
    figsize : tuple of float
        Size of the figure in inches.

    Returns
    -------
    Picture
    """
    networks = integer("networks", networks, 1)
    depths = [integer("depths", d, 1) for d in name_sequence("depths", depths, what="depths")]
    depths = list(depths)
    if not depths:
        raise ValueError("parameter 'depths' needs at least one depth")
    quoted = [depths[(len(depths) - 1) // 2], depths[-1]] if quoted is None else list(quoted)
    unknown = [d for d in quoted if d not in depths]
    if unknown:
        raise ValueError(f"parameter 'quoted' has depths {unknown} that are not in 'depths'")
    fig, ax = new_figure(figsize=figsize)
    plot_born_dead(ax, depths, born_dead)
    shares = "; ".join(
        f"width {width}: "
        + " and ".join(f"{values[depths.index(d)]:.0%} at depth {d}" for d in quoted)
        for width, values in born_dead.items()
    )
    alt = (
        f"Share of {networks} randomly initialised {activation} networks that are dead "
        f"before training, against the number of hidden layers from {depths[0]} to "
        f"{depths[-1]} (log scale), one line per width. {shares}."
    )
    return show(fig, alt)
