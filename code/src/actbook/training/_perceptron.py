r"""Single threshold units trained one sample at a time: the perceptron and ADALINE.

Both models compute a pre-activation :math:`z = w \cdot x + b` and classify a point by the
binary step of :math:`z` (the registry's ``"step"``, which fires 1 at :math:`z = 0`). They
differ only in the error that drives the update:

* Rosenblatt's perceptron rule (Rosenblatt 1958) compares the *thresholded*
  output with the label :math:`t \in \{0, 1\}`,
  :math:`w \leftarrow w + \eta\,(t - \operatorname{step}(z))\,x`; it changes nothing on a
  correctly classified point and needs no derivative of the step;
* the Widrow-Hoff (LMS) rule of ADALINE (Widrow and Hoff 1960) compares the *linear*
  output with a target :math:`t \in \{-1, 1\}`, :math:`w \leftarrow w + \eta\,(t - z)\,x`,
  which is a stochastic-gradient step on :math:`\tfrac12 (t - z)^2`: the identity
  activation is what makes the gradient exist.

The biases follow the same rules with an input fixed at 1. Every run draws its visiting
order from its own :class:`numpy.random.Generator`, so results are reproducible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import finite_array, generator, integer, positive, real
from ..activations import get

__all__ = ["LinearUnitTrace", "adaline", "loss_along_weight", "perceptron", "separable_points"]


@dataclass(frozen=True)
class LinearUnitTrace:
    r"""The history of one threshold unit's training, recorded after every epoch.

    Parameters
    ----------
    weights : ndarray, shape (epochs + 1, d)
        Weights before training (row 0) and after each epoch.
    biases : ndarray, shape (epochs + 1,)
        The bias at the same moments.
    mistakes : ndarray of int, shape (epochs + 1,)
        Training points the unit's step output misclassifies at the same moments.
    squared_error : ndarray, shape (epochs + 1,)
        Mean of :math:`\tfrac12 (t - z)^2` with targets :math:`t = \pm 1`, the
        quantity ADALINE minimises, at the same moments.
    updates : int
        Number of sample steps that changed the parameters.
    """

    weights: np.ndarray
    biases: np.ndarray
    mistakes: np.ndarray
    squared_error: np.ndarray
    updates: int

    @property
    def epochs(self) -> int:
        """Number of epochs run (rows after the initial one)."""
        return len(self.biases) - 1

    @property
    def converged_epoch(self) -> int | None:
        """First epoch after which no training point is misclassified, or ``None``."""
        clean = np.flatnonzero(self.mistakes == 0)
        return int(clean[0]) if clean.size else None

    def predict(self, x: Any, epoch: int = -1) -> np.ndarray:
        """Class labels (0 or 1) of ``x`` with the parameters after ``epoch``.

        Parameters
        ----------
        x : array_like, shape (n, d)
            Points to classify.
        epoch : int
            Row of :attr:`weights` to use; the last one by default.

        Returns
        -------
        ndarray of int, shape (n,)
            ``step(w . x + b)``.
        """
        x = np.asarray(x, dtype=np.float64)
        z = x @ self.weights[epoch] + self.biases[epoch]
        return get("step")(z).astype(np.int64)


# -- data -----------------------------------------------------------------------------------
def separable_points(
    n_samples: int = 100, *, margin: float = 0.3, seed: Any = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A linearly separable 2-D set: two classes on either side of a random line.

    Points are drawn uniformly in the square :math:`[-3, 3]^2` and labelled by the side of
    a line through a point near the origin; each point is then pushed ``margin`` further
    away from the line along its normal, so that every point lies at distance at least
    ``margin`` from it. The perceptron is then guaranteed to converge.

    Parameters
    ----------
    n_samples : int
        Number of points, at least 2.
    margin : float
        Minimum distance of every point to the separating line, ``>= 0``.
    seed : int or numpy.random.Generator
        Seed of the line, the points and nothing else.

    Returns
    -------
    x : ndarray, shape (n_samples, 2)
        The points, float64.
    y : ndarray of int, shape (n_samples,)
        Labels 0 and 1 (1 on the side the line's normal points to).
    """
    n_samples = integer("n_samples", n_samples, 2)
    margin = real("margin", margin, low=0.0, open_high=True)
    rng = generator(seed)
    angle = rng.uniform(0.0, 2 * math.pi)
    normal = np.array([math.cos(angle), math.sin(angle)])
    offset = rng.uniform(-0.5, 0.5)
    x = rng.uniform(-3.0, 3.0, size=(int(n_samples), 2))
    side = x @ normal + offset
    # A point exactly on the line is sent to class 1, as the step function would.
    sign = np.where(side >= 0, 1.0, -1.0)
    x += margin * sign[:, None] * normal
    y = (sign > 0).astype(np.int64)
    return x, y


# -- training -------------------------------------------------------------------------------
def _inputs(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    x = finite_array("x", x, ndim=2)
    y = np.asarray(y)
    if y.shape != (len(x),) or not np.isin(y, (0, 1)).all():
        raise ValueError(
            f"parameter 'y' must hold {len(x)} labels, each 0 or 1; got shape {y.shape}"
        )
    return x, y.astype(np.int64)


def _train(x, y, rule: str, learning_rate: float, epochs: int, seed: Any) -> LinearUnitTrace:
    """The loop shared by both rules; ``rule`` picks the error term."""
    epochs = integer("epochs", epochs, 0)
    x, y = _inputs(x, y)
    learning_rate = positive("learning_rate", learning_rate)
    rng = generator(seed)
    step = get("step")
    signed = 2.0 * y - 1.0
    w = np.zeros(x.shape[1])
    b = 0.0
    weights, biases, mistakes, squared = [], [], [], []

    def record() -> None:
        z = x @ w + b
        weights.append(w.copy())
        biases.append(b)
        mistakes.append(int(np.sum(step(z) != y)))
        squared.append(float(np.mean(0.5 * (signed - z) ** 2)))

    record()
    updates = 0
    for _ in range(int(epochs)):
        for i in rng.permutation(len(x)):
            z = float(x[i] @ w + b)
            # The perceptron's error is -1, 0 or 1 (nothing to learn when right); LMS uses
            # the residual of the linear output, so it learns even from correct points.
            error = float(y[i] - step(z)) if rule == "perceptron" else float(signed[i] - z)
            if error != 0.0:
                w += learning_rate * error * x[i]
                b += learning_rate * error
                updates += 1
        record()
    return LinearUnitTrace(
        weights=np.array(weights),
        biases=np.array(biases),
        mistakes=np.array(mistakes, dtype=np.int64),
        squared_error=np.array(squared),
        updates=updates,
    )


def perceptron(
    x: Any, y: Any, *, learning_rate: float = 1.0, epochs: int = 10, seed: Any = 0
) -> LinearUnitTrace:
    r"""Train a perceptron with Rosenblatt's rule, starting from zero weights.

    For each sample in a random order,
    :math:`w \leftarrow w + \eta\,(t - \operatorname{step}(w \cdot x + b))\,x` and likewise
    for :math:`b` with input 1. With zero initial weights the learning rate only rescales
    ``w`` and ``b``, so the sequence of decisions does not depend on it.

    Parameters
    ----------
    x : array_like, shape (n, d)
        Training points.
    y : array_like of int, shape (n,)
        Labels 0 or 1.
    learning_rate : float
        :math:`\eta > 0`.
    epochs : int
        Passes over the data, ``>= 0``; all are run, so the trace shows that nothing
        changes once every point is classified correctly.
    seed : int or numpy.random.Generator
        Seed of the visiting order.

    Returns
    -------
    LinearUnitTrace
        Parameters and error counts after every epoch.
    """
    return _train(x, y, "perceptron", learning_rate, epochs, seed)


def adaline(
    x: Any, y: Any, *, learning_rate: float = 0.01, epochs: int = 10, seed: Any = 0
) -> LinearUnitTrace:
    r"""Train ADALINE with the Widrow-Hoff (LMS) rule, starting from zero weights.

    For each sample in a random order, with target :math:`t = 2y - 1 \in \{-1, 1\}`,
    :math:`w \leftarrow w + \eta\,(t - (w \cdot x + b))\,x`: stochastic gradient descent on
    :math:`\tfrac12 (t - z)^2` through the identity activation. Classification still uses
    the step of :math:`z`.

    Parameters
    ----------
    x : array_like, shape (n, d)
        Training points.
    y : array_like of int, shape (n,)
        Labels 0 or 1.
    learning_rate : float
        :math:`\eta > 0`; too large a value makes the weights diverge (for one sample,
        :math:`\eta\,(\lVert x \rVert^2 + 1) < 2` is needed).
    epochs : int
        Passes over the data, ``>= 0``.
    seed : int or numpy.random.Generator
        Seed of the visiting order.

    Returns
    -------
    LinearUnitTrace
        Parameters, error counts and squared error after every epoch.
    """
    return _train(x, y, "adaline", learning_rate, epochs, seed)


# -- the loss seen along one weight ---------------------------------------------------------
def loss_along_weight(
    x: Any,
    y: Any,
    weights: Any,
    bias: float,
    shifts: Any,
    *,
    activation: Any = "step",
    steepness: float = 4.0,
    index: int = 0,
) -> np.ndarray:
    r"""The mean squared error of one unit as a single weight moves along a line.

    ``(weights, bias)`` is first scaled to unit length, so that ``steepness`` alone sets
    how sharp the unit is. With :math:`(\hat w, \hat b)` the scaled parameters and
    :math:`e` the unit vector of weight ``index``, the error at a shift :math:`s` is
    :math:`\frac1n \sum_i \bigl(f(k\,z_i) - t_i\bigr)^2` with
    :math:`z_i = (\hat w + s\,e) \cdot x_i + \hat b`, :math:`k` the steepness and
    :math:`f` the activation: a one-dimensional slice through the loss surface, to
    compare a step output (flat pieces and jumps) with a smooth one.

    Parameters
    ----------
    x : array_like, shape (n, d)
        The points.
    y : array_like of int, shape (n,)
        Their labels, 0 or 1.
    weights : array_like, shape (d,)
        The unit's weights, e.g. a trained perceptron's ``trace.weights[-1]``.
    bias : float
        Its bias.
    shifts : array_like, shape (m,)
        Changes of the chosen weight (after scaling) at which to measure the error.
    activation : str or Activation
        The unit's output function, a registry name or record (``"step"``, ``"sigmoid"``).
    steepness : float
        :math:`k > 0`, multiplies the pre-activation before the activation.
    index : int
        Which weight moves.

    Returns
    -------
    ndarray, shape (m,)
        The mean squared error at each shift.

    Raises
    ------
    ValueError
        If the shapes disagree, the weights and bias are all zero, or ``steepness`` or
        ``index`` is out of range.
    """
    x, y = _inputs(x, y)
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != (x.shape[1],):
        raise ValueError(
            f"parameter 'weights' must have shape ({x.shape[1]},), got {weights.shape}"
        )
    bias = real("bias", bias)
    shifts = np.asarray(shifts, dtype=np.float64)
    if shifts.ndim != 1:
        raise ValueError(f"parameter 'shifts' must be a vector, got shape {shifts.shape}")
    steepness = positive("steepness", steepness)
    index = integer("index", index, 0)
    if index >= x.shape[1]:
        raise ValueError(f"parameter 'index' must be below {x.shape[1]}, got {index}")
    scale = math.hypot(*weights, bias)
    if scale == 0.0:
        raise ValueError("parameters 'weights' and 'bias' are all zero: no direction to scale")
    f = get(activation)
    z = x @ (weights / scale) + bias / scale
    # One row per shift: moving weight ``index`` by s adds s * x[:, index] to every z.
    moved = z[None, :] + shifts[:, None] * x[None, :, index]
    return np.mean((f(steepness * moved) - y[None, :]) ** 2, axis=1)
