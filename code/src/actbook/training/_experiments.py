"""Training experiments of Part III: one network per activation, numbers only.

A chapter about training asks the same question again and again: *what changes when only
the activation changes?* :func:`train_per_activation` answers it fairly. Every network is
built with the same seed and the same initialisation, so all of them start from the same
weights (checked, not assumed) and see the same minibatches in the same order; the
activation is the only difference. :func:`seed_sweep` repeats that over several seeds,
so that a difference can be told apart from noise, and :func:`seed_spread` summarises one
number over the seeds. :func:`dead_unit_run` follows the dead ReLU units of one network
epoch by epoch, :func:`max_pre_activation_trace` step by step, and :func:`unit_deaths`
reads off such a trace when and how each unit died.

The pictures of these results live in :mod:`actbook.figures._experiments`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

from .._checks import finite_array, instance, integer, name_sequence, real
from ..activations import get
from ._datasets import Dataset
from ._mlp import MLP, SGD, Adam, History

__all__ = [
    "DeadUnitRun",
    "SeedSpread",
    "TrainingRun",
    "UnitDeaths",
    "born_dead_fraction",
    "dead_unit_run",
    "epochs_to_reach",
    "hidden_pre_activations",
    "max_pre_activation_trace",
    "one_blas_thread",
    "seed_spread",
    "seed_sweep",
    "train_per_activation",
    "unit_deaths",
]


def one_blas_thread():
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
        The curves over ``epochs``; entry 0 is the untrained network. When the data have
        a validation set, the test set is evaluated once, on the final network: the test
        curves are NaN ("not measured") except for their last entry.
    val_loss, val_accuracy : ndarray, optional
        The curves on the validation set (see :func:`~actbook.validation_split`), or
        ``None`` without one.
    """

    label: str
    model: MLP
    history: History
    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray
    val_loss: np.ndarray | None = None
    val_accuracy: np.ndarray | None = None

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
    with one_blas_thread():
        return _train_each(
            data, activations, sizes, epochs, batch_size, optimizer, init, seed, snapshot_epochs
        )


def _train_each(
    data, activations, sizes, epochs, batch_size, optimizer, init, seed, snapshot_epochs
) -> dict[str, TrainingRun]:
    runs: dict[str, TrainingRun] = {}
    start = None
    for spec in name_sequence("activations", activations):
        model = MLP(sizes, spec, init=init, seed=seed)
        if start is None:
            start = model.get_parameters()
        elif not np.array_equal(start, model.get_parameters()):
            raise RuntimeError("networks with the same seed started from different weights")
        runs[_label(spec)] = _train_run(
            model, data, _label(spec), epochs, batch_size, optimizer, snapshot_epochs
        )
    return runs


def _train_run(
    model: MLP,
    data: Dataset,
    label: str,
    epochs: int,
    batch_size: int,
    optimizer: SGD | Adam | None,
    snapshot_epochs: Sequence[int] = (),
) -> TrainingRun:
    """Train ``model`` on ``data`` with :meth:`MLP.fit`; the curves include epoch 0.

    The building block of :func:`train_per_activation` and of other comparisons whose
    networks differ in more than the activation (width, gating); arguments as there.
    """
    loss0, accuracy0 = model.evaluate(data.x_train, data.y_train)
    validated = data.x_val is not None
    # With a validation set, fit() follows it instead of the test set (its "test" curves
    # are then the validation curves), and the test set is evaluated once, at the end.
    held_out = (data.x_val, data.y_val) if validated else (data.x_test, data.y_test)
    test0 = model.evaluate(*held_out)
    history = model.fit(
        data.x_train,
        data.y_train,
        epochs=epochs,
        batch_size=batch_size,
        optimizer=optimizer,
        x_test=held_out[0],
        y_test=held_out[1],
        snapshot_epochs=snapshot_epochs,
    )
    held_loss = np.array([test0[0], *history.test_loss])
    held_accuracy = np.array([test0[1], *history.test_accuracy])
    test_loss, test_accuracy, val_loss, val_accuracy = held_loss, held_accuracy, None, None
    if validated:
        val_loss, val_accuracy = held_loss, held_accuracy
        test_loss, test_accuracy = np.full(epochs + 1, np.nan), np.full(epochs + 1, np.nan)
        test_loss[-1], test_accuracy[-1] = model.evaluate(data.x_test, data.y_test)
    return TrainingRun(
        label=label,
        model=model,
        history=history,
        epochs=np.arange(epochs + 1),
        train_loss=np.array([loss0, *history.train_loss]),
        train_accuracy=np.array([accuracy0, *history.train_accuracy]),
        test_loss=test_loss,
        test_accuracy=test_accuracy,
        val_loss=val_loss,
        val_accuracy=val_accuracy,
    )


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
        ``"train_accuracy"``, ``"test_loss"``, ``"test_accuracy"`` (and
        ``"val_loss"``, ``"val_accuracy"`` when ``data`` has a validation set), shape
        ``(len(seeds), epochs + 1)``.
    """
    seeds = [integer("seeds", seed, 0) for seed in name_sequence("seeds", seeds, what="seeds")]
    return _stack_curves(
        [train_per_activation(data, activations, seed=seed, **options) for seed in seeds]
    )


#: The curves a :class:`TrainingRun` holds, in the order :func:`_stack_curves` keeps them.
_CURVES = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")


def _stack_curves(
    runs_per_seed: Sequence[dict[str, TrainingRun]],
) -> dict[str, dict[str, np.ndarray]]:
    """Stack the curves of the same labels over seeds: ``result[label][curve]``.

    Parameters
    ----------
    runs_per_seed : sequence of dict of str to TrainingRun
        One ``{label: run}`` per seed, all with the same labels and epochs.

    Returns
    -------
    dict of str to dict of str to ndarray
        Shape ``(len(runs_per_seed), epochs + 1)`` for every curve of :data:`_CURVES`.
    """
    stacked: dict[str, dict[str, list[np.ndarray]]] = {}
    for runs in runs_per_seed:
        for label, run in runs.items():
            curves = _CURVES + (("val_loss", "val_accuracy") if run.val_loss is not None else ())
            for curve in curves:
                stacked.setdefault(label, {c: [] for c in curves})[curve].append(
                    getattr(run, curve)
                )
    return {
        label: {curve: np.stack(rows) for curve, rows in by_curve.items()}
        for label, by_curve in stacked.items()
    }


@dataclass(frozen=True)
class SeedSpread:
    """One number measured once per seed: its mean and its spread over the seeds.

    A NaN marks a run that diverged (see :func:`dead_unit_run`); the statistics are
    taken over the other runs, and :attr:`diverged` counts the NaNs.

    Parameters
    ----------
    values : ndarray, shape (seeds,)
        The number, one entry per seed.
    """

    values: np.ndarray

    @property
    def finite(self) -> np.ndarray:
        """The values of the runs that did not diverge."""
        return self.values[~np.isnan(self.values)]

    @property
    def diverged(self) -> int:
        """How many runs diverged (NaN)."""
        return int(np.isnan(self.values).sum())

    @property
    def mean(self) -> float:
        """Mean over the runs that did not diverge (NaN if all did)."""
        return float(self.finite.mean()) if self.finite.size else math.nan

    @property
    def std(self) -> float:
        """Sample standard deviation (``ddof=1``) over those runs (NaN with fewer than 2)."""
        return float(self.finite.std(ddof=1)) if self.finite.size > 1 else math.nan

    @property
    def low(self) -> float:
        """The smallest value (NaN if every run diverged)."""
        return float(self.finite.min()) if self.finite.size else math.nan

    @property
    def high(self) -> float:
        """The largest value (NaN if every run diverged)."""
        return float(self.finite.max()) if self.finite.size else math.nan

    @property
    def range(self) -> float:
        """``high - low``: the distance between the worst and the best seed."""
        return self.high - self.low


def seed_spread(values: Any) -> SeedSpread:
    """Summarise one number measured once per seed (NaN for a run that diverged).

    Parameters
    ----------
    values : array_like, shape (seeds,)
        E.g. ``sweep["relu"]["test_accuracy"][:, -1]``, the final accuracy of each seed.

    Returns
    -------
    SeedSpread
        Mean, sample standard deviation, smallest and largest value, number diverged.
    """
    if isinstance(values, str) or np.asarray(values).dtype.kind not in "biuf":
        raise ValueError(f"parameter 'values' must be numbers, one per seed, got {values!r}")
    array = np.array(values, dtype=np.float64)  # a copy: the caller's array stays theirs
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"parameter 'values' must be a non-empty 1-D sequence, got shape {array.shape}"
        )
    if np.isinf(array).any():
        raise ValueError("parameter 'values' must be finite or NaN (a diverged run)")
    return SeedSpread(array)


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
    values = np.asarray(curve)
    if values.ndim != 1 or values.dtype.kind not in "biuf":
        # NaN entries are allowed: a diverged run records NaN accuracies.
        raise ValueError(f"parameter 'curve' must be a 1-D sequence of numbers, got {curve!r}")
    target = real("target", target)
    hits = np.flatnonzero(values >= target)
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
    epochs = integer("epochs", epochs, 0)
    batch_size = integer("batch_size", batch_size, 1)
    model = MLP((data.n_features, *hidden, data.n_classes), activation, init=init, seed=seed)
    with one_blas_thread():
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

    Computed from the model's public weights, biases and layer activations. For a gated
    layer (``MLP(..., gated=True)``) ``z`` holds both projections, the value's columns
    first, and the layer's output is ``value * f(gate)``.

    Parameters
    ----------
    model : MLP
        The network.
    x : array_like, shape (n, sizes[0])
        Inputs.

    Returns
    -------
    list of ndarray
        One ``(n, units)`` array per hidden layer (``(n, 2 units)`` if gated), first
        layer first.
    """
    instance("model", model, MLP, "an MLP")
    a = model._inputs(x)
    out = []
    for w, b, (activation, params), gated in zip(
        model.weights[:-1], model.biases[:-1], model.layers, model.gated, strict=True
    ):
        z = a @ w + b
        out.append(z)
        if gated:
            units = z.shape[1] // 2
            a = z[:, :units] * activation.function(z[:, units:], **params)
        else:
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
    steps = integer("steps", steps, 0)
    batch_size = integer("batch_size", batch_size, 1)
    model = MLP((data.n_features, *hidden, data.n_classes), activation, init=init, seed=seed)
    optimizer = SGD(learning_rate)
    state = optimizer.init_state(model.get_parameters())
    order = np.random.default_rng(seed)
    rows = [np.concatenate([z.max(axis=0) for z in hidden_pre_activations(model, data.x_train)])]
    n = len(data.x_train)
    with one_blas_thread(), np.errstate(over="ignore", invalid="ignore"):
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
    x = finite_array("x", x, ndim=2)
    sizes = (x.shape[1], *([integer("width", width, 1)] * integer("depth", depth, 1)), 2)
    bias = real("bias", bias)
    seeds = name_sequence("seeds", seeds, what="seeds")
    dead = 0
    for seed in seeds:
        model = MLP(sizes, activation, init=init, seed=seed)
        for b in model.biases[:-1]:
            b[...] = bias
        dead += any(mask.all() for mask in model.dead_units(x))
    return dead / len(seeds)


@dataclass(frozen=True)
class UnitDeaths:
    """When and how the units of a :func:`max_pre_activation_trace` died.

    Parameters
    ----------
    units : ndarray of int
        The columns of the trace whose unit is dead at the last step, in order.
    steps : ndarray of int
        For each of them, the step from which on it stays dead (0: dead from the start).
    before : ndarray of float
        Its largest pre-activation one step earlier, the last value at which it was
        alive (NaN for a unit dead from the start).
    frozen : ndarray of bool
        Whether its largest pre-activation is the same at every step from its death on,
        which is what a dead first-layer unit does: its weights receive no gradient.
    """

    units: np.ndarray
    steps: np.ndarray
    before: np.ndarray
    frozen: np.ndarray

    @property
    def born_dead(self) -> int:
        """How many units were dead from the start."""
        return int(np.sum(self.steps == 0))

    def sudden(self, above: float = 1.0) -> int:
        """How many units died in a single step from a largest pre-activation ``> above``."""
        return int(np.sum(self.before > above))

    def busiest_step(self) -> tuple[int, int]:
        """The step at which most units died, and how many did (``(0, 0)`` if none)."""
        if not self.steps.size:
            return 0, 0
        counts = np.bincount(self.steps)
        return int(counts.argmax()), int(counts.max())


def unit_deaths(trace: Any) -> UnitDeaths:
    """Which units of a pre-activation trace end dead, since when, and from how high.

    A unit is dead at a step when its largest pre-activation over the training set is
    ``<= 0`` (no input switches it on). For a first-layer unit that is final; a deeper one
    can revive, so its death counts from the last step at which it was alive.

    Parameters
    ----------
    trace : array_like, shape (steps + 1, units)
        From :func:`max_pre_activation_trace` (or some of its columns).

    Returns
    -------
    UnitDeaths
    """
    trace = np.asarray(trace, dtype=np.float64)
    if trace.ndim != 2 or trace.shape[0] == 0:
        raise ValueError(
            f"parameter 'trace' must be a 2-D array (steps + 1, units), got shape {trace.shape}"
        )
    units = np.flatnonzero(trace[-1] <= 0)
    column = trace[:, units]
    alive = column > 0
    # The step after the last one at which the unit was alive; 0 if it never was.
    last_alive = len(column) - 1 - np.argmax(alive[::-1], axis=0)
    steps = np.where(alive.any(axis=0), last_alive + 1, 0)
    before = np.where(steps > 0, column[np.maximum(steps - 1, 0), np.arange(units.size)], np.nan)
    after = np.arange(len(column))[:, None] >= steps
    frozen = np.all(~after | (column == column[steps, np.arange(units.size)]), axis=0)
    return UnitDeaths(units=units, steps=steps, before=before, frozen=frozen)
