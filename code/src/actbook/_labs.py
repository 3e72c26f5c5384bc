"""Training experiments of Part III: one network per activation, and pictures of them.

A chapter about training asks the same question again and again: *what changes when only
the activation changes?* :func:`train_per_activation` answers it fairly. Every network is
built with the same seed and the same initialisation, so all of them start from the same
weights (checked, not assumed) and see the same minibatches in the same order; the
activation is the only difference. :func:`seed_sweep` repeats that over several seeds,
so that a difference can be told apart from noise, and :func:`dead_unit_run` follows the
dead ReLU units of one network epoch by epoch.

The drawing functions turn the results into the book's figures and explorers:
:func:`plot_decision_regions` (what a 2-D classifier decides where), :func:`plot_curves`
(loss so far, one highlighted activation among grey ones), :func:`plot_band` (mean and
spread over seeds), :func:`boundary_explorer` (activation x epoch, two panels per frame)
and :func:`dead_unit_explorer` (learning rate x epoch).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator
from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

from ._datasets import Dataset, decision_grid
from ._mlp import MLP, SGD, Adam, History
from ._registry import get
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "DeadUnitRun",
    "TrainingRun",
    "born_dead_fraction",
    "boundary_explorer",
    "dead_unit_explorer",
    "dead_unit_run",
    "epochs_to_reach",
    "hidden_pre_activations",
    "max_pre_activation_trace",
    "plot_band",
    "plot_curves",
    "plot_decision_regions",
    "seed_sweep",
    "series_colors",
    "split_axes",
    "train_per_activation",
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
    return {label: SERIES_COLORS[i % len(SERIES_COLORS)] for i, label in enumerate(labels)}


# -- running experiments ------------------------------------------------------------------
def _one_blas_thread():
    """Run the enclosed training on one BLAS thread.

    These networks are tiny: each epoch alternates dozens of small matrix products (one
    thread is fastest) with one evaluation on the whole data set (big enough for BLAS to
    wake its other threads). The woken threads then spin while the small products run,
    and on a machine shared with other work that made training several times slower.
    """
    return threadpool_limits(limits=1, user_api="blas")


def _label(spec: Any) -> str:
    """A short name for an activation spec: ``"relu"`` or ``"leaky_relu(0.1)"``."""
    if isinstance(spec, tuple):
        name, params = spec
        values = ", ".join(f"{v:g}" for v in params.values())
        return f"{get(name).name}({values})" if values else get(name).name
    return get(spec).name


@dataclass(frozen=True)
class TrainingRun:
    """One trained network and its learning curves, with epoch 0 included.

    Parameters
    ----------
    label : str
        The activation's name (with parameters, if any were given).
    model : MLP
        The network after the last epoch.
    history : History
        What :meth:`MLP.fit` recorded, snapshots included.
    epochs : ndarray
        ``0, 1, ..., E``.
    train_loss, train_accuracy, test_loss, test_accuracy : ndarray
        The curves over ``epochs``; entry 0 is the untrained network.
    """

    label: str
    model: MLP
    history: History
    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray

    def at(self, epoch: int) -> MLP:
        """A copy of the network with the parameters snapshotted after ``epoch``."""
        if epoch not in self.history.snapshots:
            raise ValueError(
                f"parameter 'epoch': no snapshot at {epoch}, have {sorted(self.history.snapshots)}"
            )
        twin = self.model.copy()
        twin.set_parameters(self.history.snapshots[epoch])
        return twin


def train_per_activation(
    data: Dataset,
    activations: Sequence[Any],
    *,
    hidden: Sequence[int] = (32,),
    epochs: int = 100,
    batch_size: int = 32,
    optimizer: SGD | Adam | None = None,
    init: str = "xavier",
    seed: int = 0,
    snapshot_epochs: Sequence[int] = (),
) -> dict[str, TrainingRun]:
    """Train the same network once per activation, from the same initial weights.

    Parameters
    ----------
    data : Dataset
        Training and test sets.
    activations : sequence
        Registry names, or ``(name, params)`` pairs such as
        ``("leaky_relu", {"negative_slope": 0.1})``.
    hidden : sequence of int
        Units per hidden layer.
    epochs, batch_size : int
        As in :meth:`MLP.fit`.
    optimizer : SGD or Adam, optional
        The update rule; ``Adam()`` if omitted.
    init : {"xavier", "he", "lecun"}
        One initialisation for every network, so that the starting weights agree.
    seed : int
        Seed of the initial weights and of the minibatch order, shared by all networks.
    snapshot_epochs : sequence of int
        Epochs at which to keep the parameters (see :meth:`TrainingRun.at`).

    Returns
    -------
    dict of str to TrainingRun
        One run per activation, in the given order.

    Raises
    ------
    RuntimeError
        If two networks do not start from identical weights (this would make the
        comparison unfair, and should never happen).
    """
    sizes = (data.n_features, *hidden, data.n_classes)
    with _one_blas_thread():
        return _train_each(
            data, activations, sizes, epochs, batch_size, optimizer, init, seed, snapshot_epochs
        )


def _train_each(
    data, activations, sizes, epochs, batch_size, optimizer, init, seed, snapshot_epochs
) -> dict[str, TrainingRun]:
    runs: dict[str, TrainingRun] = {}
    start = None
    for spec in activations:
        model = MLP(sizes, spec, init=init, seed=seed)
        if start is None:
            start = model.get_parameters()
        elif not np.array_equal(start, model.get_parameters()):
            raise RuntimeError("networks with the same seed started from different weights")
        loss0, accuracy0 = model.evaluate(data.x_train, data.y_train)
        test0 = model.evaluate(data.x_test, data.y_test)
        history = model.fit(
            data.x_train,
            data.y_train,
            epochs=epochs,
            batch_size=batch_size,
            optimizer=optimizer,
            x_test=data.x_test,
            y_test=data.y_test,
            snapshot_epochs=snapshot_epochs,
        )
        runs[_label(spec)] = TrainingRun(
            label=_label(spec),
            model=model,
            history=history,
            epochs=np.arange(epochs + 1),
            train_loss=np.array([loss0, *history.train_loss]),
            train_accuracy=np.array([accuracy0, *history.train_accuracy]),
            test_loss=np.array([test0[0], *history.test_loss]),
            test_accuracy=np.array([test0[1], *history.test_accuracy]),
        )
    return runs


def seed_sweep(
    data: Dataset, activations: Sequence[Any], seeds: Sequence[int], **options: Any
) -> dict[str, dict[str, np.ndarray]]:
    """Repeat :func:`train_per_activation` for several seeds and stack the curves.

    Parameters
    ----------
    data : Dataset
        Training and test sets (the same for every seed: only the network's initial
        weights and minibatch order change).
    activations : sequence
        As for :func:`train_per_activation`.
    seeds : sequence of int
        One run per seed and activation.
    **options
        Passed to :func:`train_per_activation` (``hidden``, ``epochs``, ``optimizer``...).

    Returns
    -------
    dict of str to dict of str to ndarray
        ``result[label][curve]`` with ``curve`` one of ``"train_loss"``,
        ``"train_accuracy"``, ``"test_loss"``, ``"test_accuracy"``, shape
        ``(len(seeds), epochs + 1)``.
    """
    if not seeds:
        raise ValueError("parameter 'seeds' needs at least one seed")
    curves = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")
    stacked: dict[str, dict[str, list[np.ndarray]]] = {}
    for seed in seeds:
        for label, run in train_per_activation(data, activations, seed=seed, **options).items():
            for curve in curves:
                stacked.setdefault(label, {c: [] for c in curves})[curve].append(
                    getattr(run, curve)
                )
    return {
        label: {curve: np.stack(rows) for curve, rows in by_curve.items()}
        for label, by_curve in stacked.items()
    }


def epochs_to_reach(curve: Sequence[float], target: float) -> int | None:
    """The first epoch at which ``curve`` (indexed from epoch 0) is ``>= target``.

    Parameters
    ----------
    curve : sequence of float
        E.g. a test-accuracy curve with entry 0 for the untrained network.
    target : float
        The level to reach.

    Returns
    -------
    int or None
        The epoch, or ``None`` if the curve never gets there.
    """
    hits = np.flatnonzero(np.asarray(curve) >= target)
    return int(hits[0]) if hits.size else None


@dataclass(frozen=True)
class DeadUnitRun:
    """Dead hidden units of one network, recorded after every epoch.

    Parameters
    ----------
    label : str
        The activation.
    learning_rate : float
        The SGD step size.
    dead : ndarray of bool, shape (epochs + 1, units)
        ``dead[e, j]``: hidden unit ``j`` (all hidden layers, first layer first) is dead on
        the training set after epoch ``e``; row 0 is the untrained network.
    layer_sizes : tuple of int
        Units per hidden layer, to split the columns of ``dead``.
    test_accuracy : ndarray, shape (epochs + 1,)
        Accuracy on the test set after each epoch (NaN once the weights overflow).
    """

    label: str
    learning_rate: float
    dead: np.ndarray
    layer_sizes: tuple[int, ...]
    test_accuracy: np.ndarray

    @property
    def dead_fraction(self) -> np.ndarray:
        """Fraction of dead hidden units after each epoch, shape ``(epochs + 1,)``."""
        return self.dead.mean(axis=1)


def dead_unit_run(
    data: Dataset,
    activation: Any,
    learning_rate: float,
    *,
    hidden: Sequence[int] = (64, 64),
    epochs: int = 20,
    batch_size: int = 32,
    init: str = "he",
    seed: int = 0,
) -> DeadUnitRun:
    """Train with plain SGD and record, after every epoch, which hidden units are dead.

    A unit is dead when its derivative is zero on every training sample
    (:meth:`MLP.dead_units`). A run whose weights overflow (too large a learning rate)
    stops being trained; its remaining epochs repeat the last finite state, with NaN
    accuracy.

    Parameters
    ----------
    data : Dataset
        Training and test sets.
    activation : str or (name, params)
        The hidden layers' activation.
    learning_rate : float
        SGD step size.
    hidden : sequence of int
        Units per hidden layer.
    epochs, batch_size : int
        Training length and minibatch size.
    init : {"xavier", "he", "lecun"}
        Weight initialisation (He by default: the usual choice for ReLU).
    seed : int
        Seed of the initial weights and of the minibatch order.

    Returns
    -------
    DeadUnitRun
    """
    model = MLP((data.n_features, *hidden, data.n_classes), activation, init=init, seed=seed)
    with _one_blas_thread():
        return _dead_unit_epochs(model, data, activation, learning_rate, epochs, batch_size)


def _dead_unit_epochs(model, data, activation, learning_rate, epochs, batch_size) -> DeadUnitRun:
    optimizer = SGD(learning_rate)
    state = optimizer.init_state(model.get_parameters())
    dead = [np.concatenate(model.dead_units(data.x_train))]
    accuracy = [model.evaluate(data.x_test, data.y_test)[1]]
    diverged = False
    for _ in range(epochs):
        if not diverged:
            saved = model.get_parameters()
            # A large step can overflow; that is one of the outcomes this experiment
            # shows, so the overflow is detected below instead of warned about.
            with np.errstate(over="ignore", invalid="ignore"):
                model.train_epoch(
                    data.x_train,
                    data.y_train,
                    optimizer=optimizer,
                    state=state,
                    batch_size=batch_size,
                )
            diverged = not np.all(np.isfinite(model.get_parameters()))
            if diverged:
                model.set_parameters(saved)
        dead.append(np.concatenate(model.dead_units(data.x_train)))
        accuracy.append(math.nan if diverged else model.evaluate(data.x_test, data.y_test)[1])
    return DeadUnitRun(
        label=_label(activation),
        learning_rate=float(learning_rate),
        dead=np.array(dead),
        layer_sizes=tuple(len(b) for b in model.biases[:-1]),
        test_accuracy=np.array(accuracy),
    )


def hidden_pre_activations(model: MLP, x: Any) -> list[np.ndarray]:
    """The pre-activations ``z_l = a_{l-1} W_l + b_l`` of every hidden layer on ``x``.

    Computed from the model's public weights, biases and layer activations.

    Parameters
    ----------
    model : MLP
        The network.
    x : array_like, shape (n, sizes[0])
        Inputs.

    Returns
    -------
    list of ndarray
        One ``(n, units)`` array per hidden layer, first layer first.
    """
    a = np.asarray(x, dtype=model.dtype)
    out = []
    for w, b, (activation, params) in zip(
        model.weights[:-1], model.biases[:-1], model.layers, strict=True
    ):
        z = a @ w + b
        out.append(z)
        a = activation.function(z, **params)
    return out


def max_pre_activation_trace(
    data: Dataset,
    activation: Any,
    learning_rate: float,
    *,
    steps: int = 100,
    hidden: Sequence[int] = (64, 64),
    batch_size: int = 32,
    init: str = "he",
    seed: int = 0,
) -> np.ndarray:
    """Each hidden unit's largest pre-activation over the training set, step by step.

    For a ReLU unit this number says everything about its life: while it is positive,
    some training input switches the unit on and gradients reach it; once it is
    ``<= 0``, no input does, the unit is dead and its incoming weights stop changing.
    In the first hidden layer that is final; a deeper unit can come back to life when
    the layers below it change.

    The network trains with plain SGD on minibatches of a fresh permutation per pass,
    drawn from ``np.random.default_rng(seed)``; this is not the order in which
    :meth:`MLP.fit` with the same seed would draw them (the model shuffles with its own
    generator), so the trace is reproducible but not a replay of a ``fit`` run.

    Parameters
    ----------
    data : Dataset
        Training set (``x_train``, ``y_train``).
    activation : str or (name, params)
        The hidden layers' activation.
    learning_rate : float
        SGD step size.
    steps : int
        Number of SGD steps.
    hidden : sequence of int
        Units per hidden layer.
    batch_size : int
        Samples per step.
    init : {"xavier", "he", "lecun"}
        Weight initialisation.
    seed : int
        Seed of the weights and of the minibatch order.

    Returns
    -------
    ndarray, shape (steps + 1, units)
        Row ``t`` after ``t`` steps; columns are the hidden units, first layer first.
    """
    model = MLP((data.n_features, *hidden, data.n_classes), activation, init=init, seed=seed)
    optimizer = SGD(learning_rate)
    state = optimizer.init_state(model.get_parameters())
    order = np.random.default_rng(seed)
    rows = [np.concatenate([z.max(axis=0) for z in hidden_pre_activations(model, data.x_train)])]
    n = len(data.x_train)
    with _one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
        batches: list[np.ndarray] = []
        for _ in range(steps):
            if not batches:
                permutation = order.permutation(n)
                batches = [permutation[i : i + batch_size] for i in range(0, n, batch_size)]
            batch = batches.pop(0)
            model.train_step(
                data.x_train[batch], data.y_train[batch], optimizer=optimizer, state=state
            )
            z = hidden_pre_activations(model, data.x_train)
            rows.append(np.concatenate([layer.max(axis=0) for layer in z]))
    return np.array(rows)


def born_dead_fraction(
    x: Any,
    width: int,
    depth: int,
    seeds: Sequence[int],
    *,
    activation: Any = "relu",
    init: str = "he",
    bias: float = 0.0,
) -> float:
    """Share of freshly initialised networks that are dead before any training.

    A network counts as dead on ``x`` when some hidden layer has every unit dead
    (:meth:`MLP.dead_units`): from that layer on, every input gives the same values, so
    the network computes a constant and no gradient reaches the layers below.

    Parameters
    ----------
    x : array_like, shape (n, d)
        The inputs the network is judged on.
    width, depth : int
        Units per hidden layer and number of hidden layers.
    seeds : sequence of int
        One network per seed.
    activation : str or (name, params)
        Hidden activation.
    init : {"xavier", "he", "lecun"}
        Weight initialisation.
    bias : float
        Value of every hidden bias (the package's default initialisation is 0).

    Returns
    -------
    float
        Fraction of the seeds whose network is dead.
    """
    x = np.asarray(x, dtype=np.float64)
    sizes = (x.shape[1], *([width] * depth), 2)
    dead = 0
    for seed in seeds:
        model = MLP(sizes, activation, init=init, seed=seed)
        for b in model.biases[:-1]:
            b[...] = bias
        dead += any(mask.all() for mask in model.dead_units(x))
    return dead / len(seeds)


# -- drawing ------------------------------------------------------------------------------
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
    if points not in ("train", "test", "both"):
        raise ValueError(f"parameter 'points' must be 'train', 'test' or 'both', got {points!r}")
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
    rates = list(runs)
    last = max(len(run.dead) for run in runs.values()) - 1

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
