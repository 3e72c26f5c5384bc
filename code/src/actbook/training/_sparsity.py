"""Exact zeros in the hidden layers: how sparse each activation makes a trained network.

ReLU, the shrinkage functions, squared ReLU and sparse plus are exactly 0 on a whole
interval of inputs, so a share of a layer's outputs are exact zeros, which sparse
hardware or kernels can skip. tanh, tanhshrink and GELU vanish only at the single point
0 (GELU also where its value underflows), so their outputs are practically never
exactly 0, only small. :func:`zero_fraction` counts the zeros (or the values below a
tolerance) of one network; :func:`sparsity_sweep` trains the same network once per
activation and seed and measures them all on the test set.

The picture of a sweep is :func:`actbook.figures._sparsity.plot_zero_fractions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import finite_array, instance, integer, name_sequence, real
from ._datasets import Dataset
from ._experiments import hidden_pre_activations, train_per_activation
from ._mlp import MLP, SGD, Adam

__all__ = ["SparsitySweep", "hidden_activations", "sparsity_sweep", "zero_fraction"]


def _samples(model: MLP, x: Any) -> np.ndarray:
    """``x`` as a non-empty, finite 2-D array with one column per input of ``model``."""
    instance("model", model, MLP, "an MLP")
    x = finite_array("x", x, ndim=2, dtype=model.dtype)
    if x.shape[1] != model.sizes[0]:
        raise ValueError(f"parameter 'x' must have shape (n >= 1, {model.sizes[0]}), got {x.shape}")
    return x


def hidden_activations(model: MLP, x: Any) -> list[np.ndarray]:
    """The outputs ``a_l = f(z_l)`` of every hidden layer on ``x``.

    Parameters
    ----------
    model : MLP
        The network.
    x : array_like, shape (n, sizes[0])
        Inputs, at least one, all finite.

    Returns
    -------
    list of ndarray
        One ``(n, units)`` array per hidden layer, first layer first: what the next
        layer multiplies by its weights.
    """
    x = _samples(model, x)
    return [
        activation.function(z, **params)
        for z, (activation, params) in zip(
            hidden_pre_activations(model, x), model.layers, strict=True
        )
    ]


def zero_fraction(model: MLP, x: Any, *, tolerance: float = 0.0) -> np.ndarray:
    """Share of the hidden outputs on ``x`` that are 0, layer by layer.

    Parameters
    ----------
    model : MLP
        The network.
    x : array_like, shape (n, sizes[0])
        Inputs, at least one, all finite.
    tolerance : float
        Count ``|a| <= tolerance``; the default 0 counts exact zeros only (``-0.0``
        included, since it equals 0).

    Returns
    -------
    ndarray, shape (len(sizes) - 2,)
        Values in ``[0, 1]``: the zeros among the ``n * units`` outputs of each hidden
        layer, first layer first.
    """
    tolerance = real("tolerance", tolerance, low=0.0, open_high=True)
    return np.array(
        [np.mean(np.abs(a) <= tolerance) for a in hidden_activations(model, x)],
        dtype=np.float64,
    )


def _always_zero(model: MLP, x: np.ndarray) -> np.ndarray:
    """Share of the units of each hidden layer that are exactly 0 on every row of ``x``."""
    return np.array(
        [np.mean(np.all(a == 0, axis=0)) for a in hidden_activations(model, x)],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class SparsitySweep:
    """Zeros in the hidden layers of networks trained once per activation and seed.

    Every array is indexed ``[activation, seed, layer]`` (``test_accuracy`` has no layer
    axis), in the order of ``labels`` and ``seeds``; all shares are measured on the test
    set.

    Parameters
    ----------
    labels : tuple of str
        The activations, as :func:`actbook.train_per_activation` labels them.
    seeds : tuple of int
        One network per seed and activation; for each seed every activation starts from
        the same weights and sees the same minibatches.
    tolerance : float
        The threshold of ``small_fraction``.
    zero_fraction : ndarray
        Share of the outputs that are exactly 0 after training.
    always_zero_fraction : ndarray
        Share of the units that are exactly 0 on *every* test input (silent units). Each
        contributes one full column of zeros, so this part of ``zero_fraction`` comes
        from units that never respond and the rest from units that respond to some
        inputs only.
    small_fraction : ndarray
        Share of the outputs with ``|a| <= tolerance`` after training.
    initial_zero_fraction : ndarray
        Share of exact zeros before training.
    test_accuracy : ndarray
        Test accuracy after training, shape ``(activations, seeds)``.
    """

    labels: tuple[str, ...]
    seeds: tuple[int, ...]
    tolerance: float
    zero_fraction: np.ndarray
    always_zero_fraction: np.ndarray
    small_fraction: np.ndarray
    initial_zero_fraction: np.ndarray
    test_accuracy: np.ndarray

    def of(self, label: str) -> dict[str, np.ndarray]:
        """Every measurement of one activation, by field name (seeds first).

        Raises
        ------
        ValueError
            If ``label`` is not one of :attr:`labels`.
        """
        if label not in self.labels:
            raise ValueError(f"parameter 'label' must be one of {self.labels}, got {label!r}")
        i = self.labels.index(label)
        fields = (
            "zero_fraction",
            "always_zero_fraction",
            "small_fraction",
            "initial_zero_fraction",
            "test_accuracy",
        )
        return {name: getattr(self, name)[i] for name in fields}


def sparsity_sweep(
    data: Dataset,
    activations: Sequence[Any],
    seeds: Sequence[int],
    *,
    hidden: Sequence[int] = (64, 64),
    epochs: int = 15,
    batch_size: int = 64,
    optimizer: SGD | Adam | None = None,
    init: str = "he",
    tolerance: float = 0.01,
) -> SparsitySweep:
    """Train one network per activation and seed; count the zeros of its hidden layers.

    Parameters
    ----------
    data : Dataset
        Training set (to train on) and test set (to count on).
    activations : sequence
        Registry names or ``(name, params)`` pairs, as for
        :func:`actbook.train_per_activation`.
    seeds : sequence of int
        At least one, each ``>= 0`` and none twice; each gives every activation the same
        initial weights and minibatch order.
    hidden : sequence of int
        Units per hidden layer.
    epochs, batch_size : int
        As in :meth:`MLP.fit`.
    optimizer : SGD or Adam, optional
        The update rule; ``Adam()`` if omitted.
    init : {"xavier", "he", "lecun"}
        Weight initialisation.
    tolerance : float
        Threshold of :attr:`SparsitySweep.small_fraction`, ``>= 0``.

    Returns
    -------
    SparsitySweep
    """
    instance("data", data, Dataset, "a Dataset (from ab.make_dataset() or ab.digits())")
    name_sequence("activations", activations, what="activations")
    seeds = tuple(integer("seeds", seed, 0) for seed in name_sequence("seeds", seeds, what="seeds"))
    if len(set(seeds)) != len(seeds):
        # A repeated seed trains the same networks again and counts them twice.
        raise ValueError(f"parameter 'seeds' must not repeat a seed, got {seeds}")
    tolerance = real("tolerance", tolerance, low=0.0, open_high=True)
    measured: dict[str, list[list[Any]]] = {}
    for seed in seeds:
        runs = train_per_activation(
            data,
            activations,
            hidden=hidden,
            epochs=epochs,
            batch_size=batch_size,
            optimizer=optimizer,
            init=init,
            seed=seed,
            snapshot_epochs=[0],
        )
        for label, run in runs.items():
            measured.setdefault(label, []).append(
                [
                    zero_fraction(run.model, data.x_test),
                    _always_zero(run.model, data.x_test),
                    zero_fraction(run.model, data.x_test, tolerance=tolerance),
                    zero_fraction(run.at(0), data.x_test),
                    run.test_accuracy[-1],
                ]
            )
    labels = tuple(measured)
    zeros, silent, small, initial, accuracy = (
        np.array([[row[k] for row in measured[label]] for label in labels]) for k in range(5)
    )
    return SparsitySweep(
        labels=labels,
        seeds=seeds,
        tolerance=tolerance,
        zero_fraction=zeros,
        always_zero_fraction=silent,
        small_fraction=small,
        initial_zero_fraction=initial,
        test_accuracy=accuracy,
    )
