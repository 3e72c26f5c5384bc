r"""A one-neuron regression fitted by hand-written gradient descent (Part III).

The model has one input, one hidden unit with activation :math:`f` and a linear output,

.. math::

    \hat y_i = k_2\, f(k_1 x_i + b_1) + b_2,

and is fitted to ``(x, y)`` by minimising the mean squared error

.. math::

    \mathcal{L}(k_1, b_1, k_2, b_2) = \frac1n \sum_{i=1}^n (\hat y_i - y_i)^2 .

Writing :math:`u_i = k_1 x_i + b_1` and :math:`r_i = \hat y_i - y_i`, the chain rule gives

.. math::

    \frac{\partial \mathcal{L}}{\partial k_2} = \frac2n \sum_i r_i f(u_i), \quad
    \frac{\partial \mathcal{L}}{\partial b_2} = \frac2n \sum_i r_i, \quad
    \frac{\partial \mathcal{L}}{\partial k_1} = \frac2n \sum_i r_i k_2 f'(u_i) x_i, \quad
    \frac{\partial \mathcal{L}}{\partial b_1} = \frac2n \sum_i r_i k_2 f'(u_i).

Everything is vectorised over the samples, and the parameters travel as one array
``[k1, b1, k2, b2]`` so that a gradient step updates all four from the same point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import choice, finite_array, integer, positive
from ..activations import Activation, get

__all__ = [
    "PARAMETER_NAMES",
    "HandFit",
    "diabetes_feature",
    "fit_by_hand",
    "hand_gradient",
    "hand_loss",
    "hand_predict",
    "least_squares_loss",
    "xy_data",
]

#: Order of the entries of every parameter vector of this module.
PARAMETER_NAMES = ("k1", "b1", "k2", "b2")
UPDATES = ("simultaneous", "sequential")


def _params(params: Any) -> np.ndarray:
    array = finite_array("params", params)
    if array.shape != (4,):
        raise ValueError(f"parameter 'params' must hold [k1, b1, k2, b2], got shape {array.shape}")
    return array


def xy_data(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """``x`` and ``y`` as float64 arrays of one non-empty 1-D shape, or a ``ValueError``."""
    x = finite_array("x", x, min_length=0)
    y = finite_array("y", y, min_length=0)
    if x.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError(
            f"parameters 'x' and 'y' must be 1-D arrays of the same non-zero length, "
            f"got shapes {x.shape} and {y.shape}"
        )
    return x, y


def diabetes_feature(feature: str = "bmi") -> tuple[np.ndarray, np.ndarray]:
    """One feature of scikit-learn's diabetes data and the target, both standardised.

    The data set ships with scikit-learn (no download): 442 patients, ten baseline
    measurements, and a measure of disease progression one year later
    (Efron et al. 2004). Both returned arrays have mean 0 and standard deviation 1,
    so that one learning rate suits every parameter.

    Parameters
    ----------
    feature : str
        A column name of ``load_diabetes().feature_names`` (``"bmi"``, ``"bp"``, ...).

    Returns
    -------
    x, y : ndarray, shape (442,)
        The standardised feature and target.
    """
    from sklearn.datasets import load_diabetes

    data = load_diabetes(scaled=False)
    names = list(data.feature_names)
    if feature not in names:
        raise ValueError(f"parameter 'feature' must be one of {names}, got {feature!r}")
    x = data.data[:, names.index(feature)].astype(np.float64)
    y = data.target.astype(np.float64)
    return (x - x.mean()) / x.std(), (y - y.mean()) / y.std()


def least_squares_loss(x: Any, y: Any) -> float:
    """The mean squared error of the least-squares straight line through ``(x, y)``.

    The line is the best any model of this module can do without bending: with
    ``f(u) = u`` the model is a straight line, and every fit is judged against this loss.
    For standardised data it equals ``1 - r**2``, with ``r`` the correlation of ``x``
    and ``y``.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        Inputs and targets; ``x`` must take at least two different values.

    Returns
    -------
    float
        ``mean((slope * x + intercept - y) ** 2)`` for the least-squares line.
    """
    x, y = xy_data(x, y)
    if np.ptp(x) == 0:
        raise ValueError("parameter 'x' must take at least two different values")
    slope, intercept = np.polyfit(x, y, 1)
    return float(np.mean((slope * x + intercept - y) ** 2))


def hand_predict(params: Any, x: Any, activation: str | Activation) -> np.ndarray:
    """The model's predictions ``k2 * f(k1 * x + b1) + b2``.

    Parameters
    ----------
    params : array_like, shape (4,)
        ``[k1, b1, k2, b2]``.
    x : array_like
        Inputs.
    activation : str or Activation
        The hidden unit's activation, at its default parameters.

    Returns
    -------
    ndarray
        Predictions, shaped like ``x``.
    """
    k1, b1, k2, b2 = _params(params)
    return k2 * get(activation)(k1 * np.asarray(x, dtype=np.float64) + b1) + b2


def hand_loss(params: Any, x: Any, y: Any, activation: str | Activation) -> float:
    """The mean squared error ``mean((y_hat - y) ** 2)``.

    Parameters
    ----------
    params : array_like, shape (4,)
        ``[k1, b1, k2, b2]``.
    x, y : array_like, shape (n,)
        Inputs and targets.
    activation : str or Activation
        The hidden unit's activation.

    Returns
    -------
    float
        The loss.
    """
    x, y = xy_data(x, y)
    residual = hand_predict(params, x, activation) - y
    return float(np.mean(residual**2))


def hand_gradient(
    params: Any, x: Any, y: Any, activation: str | Activation
) -> tuple[float, np.ndarray]:
    """The loss and its four partial derivatives, from the chain-rule formulas.

    Parameters
    ----------
    params : array_like, shape (4,)
        ``[k1, b1, k2, b2]``.
    x, y : array_like, shape (n,)
        Inputs and targets.
    activation : str or Activation
        The hidden unit's activation; its registry derivative gives ``f'``.

    Returns
    -------
    loss : float
        ``mean((y_hat - y) ** 2)`` at ``params``.
    gradient : ndarray, shape (4,)
        ``[dL/dk1, dL/db1, dL/dk2, dL/db2]``.
    """
    k1, b1, k2, b2 = _params(params)
    x, y = xy_data(x, y)
    act = get(activation)
    u = k1 * x + b1
    hidden = act(u)
    residual = k2 * hidden + b2 - y
    # dL/dy_hat_i = 2 r_i / n; every partial derivative is its product with dy_hat_i/dparam.
    upstream = (2.0 / x.size) * residual
    through_unit = upstream * k2 * act.grad(u)  # dL/du_i
    gradient = np.array(
        [
            np.dot(through_unit, x),
            np.sum(through_unit),
            np.dot(upstream, hidden),
            np.sum(upstream),
        ]
    )
    return float(np.mean(residual**2)), gradient


@dataclass(frozen=True)
class HandFit:
    """The path of a hand-written gradient descent.

    Parameters
    ----------
    activation : str
        Registry name of the hidden unit's activation.
    params : ndarray, shape (iterations + 1, 4)
        ``[k1, b1, k2, b2]`` before every step and after the last one.
    loss : ndarray, shape (iterations + 1,)
        The loss at each row of ``params``.
    learning_rate : float
        The step size used.
    update : str
        ``"simultaneous"`` or ``"sequential"``.
    """

    activation: str
    params: np.ndarray
    loss: np.ndarray
    learning_rate: float
    update: str

    @property
    def final(self) -> np.ndarray:
        """The parameters after the last step."""
        return self.params[-1]

    def predict(self, x: Any, iteration: int = -1) -> np.ndarray:
        """Predictions of the model after ``iteration`` steps (the last by default)."""
        return hand_predict(self.params[iteration], x, self.activation)


def fit_by_hand(
    x: Any,
    y: Any,
    activation: str | Activation,
    *,
    initial: Any,
    learning_rate: float = 0.1,
    iterations: int = 2000,
    update: str = "simultaneous",
) -> HandFit:
    r"""Full-batch gradient descent on the one-neuron model.

    ``update="simultaneous"`` is gradient descent: all four partial derivatives are
    evaluated at the same point :math:`p_t`, then :math:`p_{t+1} = p_t - \eta \nabla
    \mathcal{L}(p_t)`. ``update="sequential"`` replays a common mistake: the parameters
    are updated one after another in the order ``k1, b1, k2, b2``, each partial
    derivative using the residuals of the *old* predictions but the parameters already
    updated before it. The result is no longer the gradient of anything; it is kept
    only so that the book can compare the two.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        Inputs and targets.
    activation : str or Activation
        The hidden unit's activation.
    initial : array_like, shape (4,)
        Starting ``[k1, b1, k2, b2]``.
    learning_rate : float
        Step size, ``> 0``.
    iterations : int
        Number of steps, ``>= 0``.
    update : {"simultaneous", "sequential"}
        The update rule, see above.

    Returns
    -------
    HandFit
        The parameters and loss at every step.
    """
    x, y = xy_data(x, y)
    update = choice("update", update, UPDATES)
    learning_rate = positive("learning_rate", learning_rate)
    iterations = integer("iterations", iterations, 0)
    act = get(activation)
    path = np.empty((iterations + 1, 4))
    losses = np.empty(iterations + 1)
    path[0] = _params(initial)
    for t in range(iterations):
        current = path[t]
        if update == "simultaneous":
            losses[t], gradient = hand_gradient(current, x, y, act)
            path[t + 1] = current - learning_rate * gradient
        else:
            losses[t] = hand_loss(current, x, y, act)
            path[t + 1] = _sequential_step(current, x, y, act, learning_rate)
    losses[iterations] = hand_loss(path[iterations], x, y, act)
    return HandFit(act.name, path, losses, float(learning_rate), update)


def _sequential_step(params, x, y, act, learning_rate) -> np.ndarray:
    """One step of the mistaken update: stale residuals, partly updated parameters."""
    residual = hand_predict(params, x, act) - y  # computed once, before any update
    upstream = (2.0 / x.size) * residual
    k1, b1, k2, b2 = params
    k1 = k1 - learning_rate * np.dot(upstream * k2 * act.grad(k1 * x + b1), x)
    b1 = b1 - learning_rate * np.sum(upstream * k2 * act.grad(k1 * x + b1))
    k2 = k2 - learning_rate * np.dot(upstream, act(k1 * x + b1))
    b2 = b2 - learning_rate * np.sum(upstream)
    return np.array([k1, b1, k2, b2])
