"""Gated against ungated hidden layers at the same number of parameters.

A gated hidden layer (``MLP(..., gated=True)``) has two projections where a dense layer
has one, so at the same width it has more parameters. A fair comparison shrinks it:
:func:`matched_width` finds the gated width whose parameter count is closest to that of
the ungated layer. For a transformer's feed-forward block ``d -> h -> d`` without biases,
``2 d h`` weights against ``3 d h'``, the rule is Shazeer (2020)'s ``h' = 2h/3``.

:func:`gated_comparison` trains, for each gate activation and each seed, the ungated
network and its matched gated twin (ReLU against ReGLU, GELU against GEGLU, ...) on the
same data with the same minibatch order, and stacks their learning curves over seeds.
Its pictures are in :mod:`actbook.figures._gated`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .._checks import boolean, choice, instance, integer, name_sequence, seed_sequence
from ..activations import GATED_UNITS, get
from ._datasets import Dataset
from ._experiments import _stack_curves, _train_run, one_blas_thread
from ._mlp import INITS, MLP, SGD, Adam, parameter_count

__all__ = ["GatedComparison", "GatedVariant", "gated_comparison", "gated_label", "matched_width"]

#: The name of the gated unit each gate makes (``"relu"`` gives ``"reglu"``).
_UNIT_OF_GATE = {gate: unit for unit, gate in GATED_UNITS.items()}


def gated_label(gate: str) -> str:
    """The name of a gated layer with gate activation ``gate``.

    Parameters
    ----------
    gate : str
        A registered elementwise activation.

    Returns
    -------
    str
        The registry's gated unit (``"relu"`` -> ``"reglu"``, ``"sigmoid"`` -> ``"glu"``),
        or ``"gated <name>"`` for a gate that has no such name.
    """
    name = get(gate).name
    return _UNIT_OF_GATE.get(name, f"gated {name}")


def matched_width(d_in: int, hidden: int, d_out: int | None = None, *, biases: bool = True) -> int:
    r"""Width of a gated hidden layer with (about) as many parameters as an ungated one.

    Compares the networks ``d_in -> hidden -> d_out`` (dense hidden layer) and
    ``d_in -> h' -> d_out`` (gated hidden layer) by :func:`parameter_count` and returns
    the ``h' >= 1`` whose count is closest (the smaller one on a tie). Without biases and
    with ``d_out = d_in`` the counts are :math:`2 d h` and :math:`3 d h'`, so
    :math:`h' = 2h/3`; with biases, or with ``d_out != d_in``, the factor differs.

    Parameters
    ----------
    d_in, hidden : int
        Inputs and ungated hidden units, ``>= 1``.
    d_out : int, optional
        Outputs; ``d_in`` if omitted (a feed-forward block maps back to its input size).
    biases : bool
        Count biases, as every :class:`MLP` has them; ``False`` for bias-free layers.

    Returns
    -------
    int
        The matched gated width.
    """
    d_in = integer("d_in", d_in, 1)
    hidden = integer("hidden", hidden, 1)
    d_out = d_in if d_out is None else integer("d_out", d_out, 1)
    biases = boolean("biases", biases)
    target = parameter_count((d_in, hidden, d_out), biases=biases)
    per_unit = 2 * d_in + d_out + (2 if biases else 0)
    guess = max(1, (target - (d_out if biases else 0)) // per_unit)

    def gap(width: int) -> int:
        return abs(parameter_count((d_in, width, d_out), gated=True, biases=biases) - target)

    return min((w for w in (guess, guess + 1) if w >= 1), key=lambda w: (gap(w), w))


@dataclass(frozen=True)
class GatedVariant:
    """One network of a :class:`GatedComparison`.

    Parameters
    ----------
    label : str
        ``"relu"`` for the dense layer, ``"reglu"`` for its gated twin.
    gate : str
        The activation (the gate's, in a gated layer).
    gated : bool
        Whether the hidden layer is gated.
    width : int
        Hidden units.
    n_parameters : int
        Weights and biases of the whole network.
    """

    label: str
    gate: str
    gated: bool
    width: int
    n_parameters: int


@dataclass(frozen=True)
class GatedComparison:
    """Learning curves of ungated networks and their matched gated twins, over seeds.

    Parameters
    ----------
    data_name : str
        The data set.
    variants : tuple of GatedVariant
        The networks, ungated then gated for each gate, in the order they were given.
    seeds : tuple of int
        One run per seed and network.
    curves : dict of str to dict of str to ndarray
        ``curves[label][curve]`` with ``curve`` one of ``"train_loss"``,
        ``"train_accuracy"``, ``"test_loss"``, ``"test_accuracy"``, shape
        ``(len(seeds), epochs + 1)``; entry 0 is the untrained network.
    """

    data_name: str
    variants: tuple[GatedVariant, ...]
    seeds: tuple[int, ...]
    curves: dict[str, dict[str, np.ndarray]]

    def variant(self, label: str) -> GatedVariant:
        """The network called ``label``."""
        for variant in self.variants:
            if variant.label == label:
                return variant
        raise ValueError(
            f"parameter 'label': no network {label!r}, have {[v.label for v in self.variants]}"
        )

    def final(self, label: str, curve: str = "test_accuracy") -> np.ndarray:
        """The last epoch's value of ``curve`` for each seed, shape ``(len(seeds),)``."""
        self.variant(label)
        if curve not in self.curves[label]:
            raise ValueError(
                f"parameter 'curve' must be one of {sorted(self.curves[label])}, got {curve!r}"
            )
        return self.curves[label][curve][:, -1]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """``(dense, gated)`` labels of each gate's two networks, in the order of the gates."""
        gates = dict.fromkeys(v.gate for v in self.variants)
        return [
            tuple(v.label for v in sorted(self.variants, key=lambda v: v.gated) if v.gate == gate)
            for gate in gates
        ]

    def differences(self, dense: str, gated: str, curve: str = "test_accuracy") -> np.ndarray:
        """Per seed, the gated network's last value of ``curve`` minus the dense one's.

        Within a seed both networks saw the same minibatches, so their runs are a pair;
        these differences are what :func:`actbook.training.sign_flip_test` tests.

        Parameters
        ----------
        dense, gated : str
            Labels of the two networks, e.g. ``"relu"`` and ``"reglu"``.
        curve : str
            ``"train_loss"``, ``"train_accuracy"``, ``"test_loss"`` or ``"test_accuracy"``.

        Returns
        -------
        ndarray, shape (len(seeds),)
        """
        return self.final(gated, curve) - self.final(dense, curve)


def gated_comparison(
    data: Dataset,
    gates: Sequence[str] = ("relu", "gelu", "silu"),
    *,
    hidden: int = 32,
    seeds: Sequence[int] = (0, 1, 2, 3, 4),
    epochs: int = 30,
    batch_size: int = 32,
    optimizer: SGD | Adam | None = None,
    init: str = "xavier",
) -> GatedComparison:
    """Train each ungated network and its gated twin of matched size, for every seed.

    For every gate ``f`` the ungated network is ``d -> hidden -> k`` with activation
    ``f``; the gated one is ``d -> h' -> k`` with a gated hidden layer whose gate is
    ``f``, ``h' = matched_width(d, hidden, k)``. Within a seed every network sees the
    same minibatches in the same order (the order depends on the seed only); the initial
    weights differ, since the shapes do.

    Parameters
    ----------
    data : Dataset
        Training and test sets.
    gates : sequence of str
        Registered elementwise activations.
    hidden : int
        Units of the ungated hidden layer.
    seeds : sequence of int
        One run per seed and network.
    epochs, batch_size : int
        As in :meth:`MLP.fit`.
    optimizer : SGD or Adam, optional
        The update rule; ``Adam()`` if omitted.
    init : {"xavier", "he", "lecun"}
        Weight initialisation, the same for every network.

    Returns
    -------
    GatedComparison
    """
    data = instance("data", data, Dataset, "a Dataset (from make_dataset or digits)")
    gates = name_sequence("gates", gates)
    hidden = integer("hidden", hidden, 1)
    epochs = integer("epochs", epochs, 0)
    batch_size = integer("batch_size", batch_size, 1)
    if optimizer is not None:
        instance("optimizer", optimizer, SGD | Adam, "an SGD or Adam")
    init = choice("init", init, INITS)
    seeds = name_sequence("seeds", seeds, what="seeds")
    for seed in seeds:
        seed_sequence(seed)  # a ValueError naming 'seed' for a bad one
    seeds = tuple(int(seed) for seed in seeds)
    d, k = data.n_features, data.n_classes
    width = matched_width(d, hidden, k)
    variants: list[GatedVariant] = []
    for gate in gates:
        record = get(gate)
        if not record.elementwise:
            raise ValueError(f"parameter 'gates': {record.name} is not elementwise")
        for gated, units in ((False, hidden), (True, width)):
            variants.append(
                GatedVariant(
                    label=gated_label(record.name) if gated else record.name,
                    gate=record.name,
                    gated=gated,
                    width=units,
                    n_parameters=parameter_count((d, units, k), gated=gated),
                )
            )
    if len({v.label for v in variants}) != len(variants):
        raise ValueError(f"parameter 'gates' names an activation twice: {list(gates)!r}")
    with one_blas_thread():
        runs_per_seed = [
            {
                v.label: _train_run(
                    MLP((d, v.width, k), v.gate, gated=v.gated, init=init, seed=seed),
                    data,
                    v.label,
                    epochs,
                    batch_size,
                    optimizer,
                )
                for v in variants
            }
            for seed in seeds
        ]
    return GatedComparison(
        data_name=data.name,
        variants=tuple(variants),
        seeds=seeds,
        curves=_stack_curves(runs_per_seed),
    )
