r"""A maxout unit learns its own activation: the upper envelope of ``k`` lines.

A maxout unit of one input computes :math:`h(x) = \max_{j} (a_j x + c_j)` over ``k``
affine pieces (Goodfellow et al. 2013): a convex, piecewise-linear function of ``x``
whose pieces are learnt with the rest of the network. :func:`fit_maxout` learns the
pieces alone, by full-batch Adam on half the mean squared error to a target curve, so
that one can watch what ``k`` lines can and cannot represent; :func:`maxout_fits` does
it for registry activations as targets.

The gradient reaches only the winning piece of each sample,

.. math::

    \frac{\partial \mathcal{L}}{\partial a_j} = \frac1n \sum_{i : j^*(i) = j} r_i x_i,
    \qquad
    \frac{\partial \mathcal{L}}{\partial c_j} = \frac1n \sum_{i : j^*(i) = j} r_i,
    \qquad r_i = h(x_i) - y_i,

with ties going to the first piece, as in the registry's maxout slice. A piece that wins
no sample gets no gradient and stays where it is: a *dead* piece, the maxout analogue of
a dead ReLU.

The pieces start as least-squares lines through ``k`` consecutive blocks of the
samples (sorted by ``x``), so that each starts out winning near its own block; there is
nothing random to seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import finite_array, integer, interval, name_sequence, positive
from ..activations import get
from ._mlp import Adam

__all__ = ["MaxoutFit", "fit_maxout", "maxout_fits"]


@dataclass(frozen=True)
class MaxoutFit:
    """The pieces a maxout unit learnt for one target, and how well they fit.

    Parameters
    ----------
    label : str
        What was fitted (a registry name for :func:`maxout_fits`).
    x, target : ndarray, shape (n,)
        The samples.
    slopes, intercepts : ndarray, shape (k,)
        The learnt pieces :math:`a_j x + c_j`.
    losses : ndarray, shape (steps + 1,)
        Half the mean squared error before each step and after the last.
    """

    label: str
    x: np.ndarray
    target: np.ndarray
    slopes: np.ndarray
    intercepts: np.ndarray
    losses: np.ndarray

    @property
    def pieces(self) -> int:
        """The number of affine pieces ``k``."""
        return len(self.slopes)

    def lines(self, x: Any) -> np.ndarray:
        """Every piece at ``x``: shape ``(*x.shape, k)``.

        Parameters
        ----------
        x : array_like
            Finite inputs.

        Returns
        -------
        ndarray
        """
        x = finite_array("x", x, min_length=0)
        return x[..., None] * self.slopes + self.intercepts

    def predict(self, x: Any) -> np.ndarray:
        """The unit's output, the registry's ``maxout`` over the pieces at ``x``.

        Parameters
        ----------
        x : array_like
            Finite inputs.

        Returns
        -------
        ndarray
            Same shape as ``x``.
        """
        return get("maxout").function(self.lines(x), pieces=self.pieces)[..., 0]

    @property
    def max_error(self) -> float:
        """The largest ``|h(x_i) - y_i|`` over the samples."""
        return float(np.max(np.abs(self.predict(self.x) - self.target)))

    @property
    def wins(self) -> np.ndarray:
        """How many samples each piece wins (ties to the first); 0 marks a dead piece."""
        return np.bincount(np.argmax(self.lines(self.x), axis=-1), minlength=self.pieces)


def _block_lines(x: np.ndarray, y: np.ndarray, pieces: int) -> np.ndarray:
    """Least-squares lines through ``pieces`` consecutive blocks: ``[slopes, intercepts]``."""
    params = np.empty(2 * pieces)
    for j, block in enumerate(np.array_split(np.argsort(x, kind="stable"), pieces)):
        design = np.stack([x[block], np.ones(len(block))], axis=1)
        (params[j], params[pieces + j]), *_ = np.linalg.lstsq(design, y[block], rcond=None)
    return params


def _loss_and_gradient(params: np.ndarray, x: np.ndarray, y: np.ndarray):
    """Half the mean squared error of ``max_j(a_j x + c_j)`` and its gradient.

    ``params`` is ``[a_1 .. a_k, c_1 .. c_k]``; each sample's residual goes to its winning
    piece only (the first, at a tie).
    """
    pieces, n = len(params) // 2, len(x)
    lines = np.outer(x, params[:pieces]) + params[pieces:]
    winner = np.argmax(lines, axis=1)
    residual = lines[np.arange(n), winner] - y
    gradient = np.concatenate(
        [
            np.bincount(winner, weights=residual * x, minlength=pieces),
            np.bincount(winner, weights=residual, minlength=pieces),
        ]
    )
    return 0.5 * float(residual @ residual) / n, gradient / n


def fit_maxout(
    x: Any,
    y: Any,
    pieces: int,
    *,
    steps: int = 1000,
    learning_rate: float = 0.005,
    label: str = "",
) -> MaxoutFit:
    """Learn the ``pieces`` lines of one maxout unit that best fit ``y`` at ``x``.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        Samples of the target, with at least two distinct ``x`` per piece (so that every
        starting line is determined).
    pieces : int
        The number of affine pieces ``k``, at least 1.
    steps : int
        Full-batch Adam steps, ``>= 0``.
    learning_rate : float
        Adam's step size.
    label : str
        A name for what is fitted, kept in the result.

    Returns
    -------
    MaxoutFit
    """
    x = finite_array("x", x, ndim=1, min_length=2)
    y = finite_array("y", y, ndim=1, min_length=2)
    if y.shape != x.shape:
        raise ValueError(
            f"parameters 'x' and 'y' must have the same shape, got {x.shape}, {y.shape}"
        )
    pieces = integer("pieces", pieces, 1)
    if len(np.unique(x)) < 2 * pieces:
        raise ValueError(
            f"parameter 'pieces': {pieces} pieces need at least {2 * pieces} distinct x, "
            f"got {len(np.unique(x))}"
        )
    steps = integer("steps", steps, 0)
    optimizer = Adam(positive("learning_rate", learning_rate))
    if not isinstance(label, str):
        raise ValueError(f"parameter 'label' must be a string, got {label!r}")
    params = _block_lines(x, y, pieces)
    state = optimizer.init_state(params)
    losses = np.empty(steps + 1)
    for step in range(steps + 1):
        losses[step], gradient = _loss_and_gradient(params, x, y)
        if step < steps:
            optimizer.step(params, gradient, state)
    return MaxoutFit(label, x, y, params[:pieces].copy(), params[pieces:].copy(), losses)


def maxout_fits(
    targets: Sequence[str],
    pieces: Sequence[int] = (1, 2, 3, 4, 8),
    *,
    xlim: tuple[float, float] = (-4.0, 4.0),
    samples: int = 161,
    steps: int = 1000,
    learning_rate: float = 0.005,
) -> dict[tuple[str, int], MaxoutFit]:
    """One :func:`fit_maxout` per registry activation in ``targets`` and per piece count.

    Parameters
    ----------
    targets : sequence of str
        Elementwise registry activations (at their defaults) to imitate.
    pieces : sequence of int
        The piece counts ``k`` to try.
    xlim : tuple of float
        The interval the samples cover.
    samples : int
        Evenly spaced samples over ``xlim``.
    steps, learning_rate : int, float
        As for :func:`fit_maxout`.

    Returns
    -------
    dict of (str, int) to MaxoutFit
        Keyed by ``(target, k)``, targets outermost, in the order given.
    """
    names = [get(t).name for t in name_sequence("targets", targets)]
    for name in names:
        if not get(name).elementwise:
            raise ValueError(f"parameter 'targets': {name} is not elementwise")
    counts = [
        integer(f"pieces[{i}]", k, 1)
        for i, k in enumerate(name_sequence("pieces", pieces, what="counts"))
    ]
    low, high = interval("xlim", xlim)
    x = np.linspace(low, high, integer("samples", samples, 2))
    return {
        (name, k): fit_maxout(
            x, get(name)(x), k, steps=steps, learning_rate=learning_rate, label=name
        )
        for name in names
        for k in counts
    }
