"""Numpy implementations of the elementwise activations and their derivatives.

Conventions shared by every function here:

* The input is converted with :func:`as_float_array`: floating dtypes are kept, integers
  and booleans become float64. The result has the input's shape and (float) dtype.
* The input is never modified; the result never shares memory with it.
* NaN in gives NaN out; ±inf gives the mathematical limit.
* No floating-point warning is raised for any finite or infinite input: the formulas are
  arranged so that ``exp`` only ever sees non-positive arguments.
* Parameters are keyword-only and are cast to the input's dtype, so a float32 input stays
  float32. Validation of parameter values happens in the registry
  (:meth:`actbook.Activation.resolve`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "as_float_array",
    "identity",
    "identity_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "step",
    "step_derivative",
    "tanh",
    "tanh_derivative",
]


def as_float_array(x: Any) -> np.ndarray:
    """Return ``x`` as a floating-point array, keeping float16/32/64.

    Parameters
    ----------
    x : array_like
        Real input. Integers and booleans become float64.

    Returns
    -------
    ndarray
        A floating array (possibly ``x`` itself: callers must not write into it).

    Raises
    ------
    TypeError
        If ``x`` is complex or not numeric.
    """
    array = np.asarray(x)
    if array.dtype.kind == "f":
        return array
    if array.dtype.kind in "biu":
        return array.astype(np.float64)
    raise TypeError(f"activations take real numbers, got dtype {array.dtype}")


def _keep_nan(result: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Write NaN into ``result`` wherever ``x`` is NaN (for formulas that drop it)."""
    np.copyto(result, x, where=np.isnan(x))
    return result


def _exp_neg_abs(x: np.ndarray) -> np.ndarray:
    """``exp(-|x|)``, which lies in (0, 1] and so can never overflow."""
    # Explicit out= arrays: on 0-d input a ufunc without out= returns a numpy scalar.
    e = np.abs(x, out=np.empty_like(x))
    np.negative(e, out=e)
    return np.exp(e, out=e)


# -- identity ---------------------------------------------------------------------------
def identity(x: Any) -> np.ndarray:
    """The identity (linear) activation, ``f(x) = x``, as a new array."""
    return np.array(as_float_array(x), copy=True)


def identity_derivative(x: Any) -> np.ndarray:
    """Derivative of the identity: 1 everywhere (NaN where ``x`` is NaN)."""
    x = as_float_array(x)
    return _keep_nan(np.ones_like(x), x)


# -- binary step ----------------------------------------------------------------------------
def step(x: Any) -> np.ndarray:
    """Heaviside step with ``step(0) = 1``: the perceptron fires when ``x >= 0``."""
    x = as_float_array(x)
    return np.heaviside(x, x.dtype.type(1))


def step_derivative(x: Any) -> np.ndarray:
    """Derivative of the step: 0 everywhere, by convention also at the jump ``x = 0``."""
    x = as_float_array(x)
    return _keep_nan(np.zeros_like(x), x)


# -- logistic sigmoid ---------------------------------------------------------------------
def sigmoid(x: Any) -> np.ndarray:
    """Logistic sigmoid ``1 / (1 + exp(-x))``, computed without overflow.

    With ``e = exp(-|x|)`` (never above 1) the sigmoid is ``1 / (1 + e)`` for
    ``x >= 0`` and ``e / (1 + e)`` for ``x < 0``; both are accurate to the last bit,
    including tiny values for very negative ``x`` that ``1 - 1/(1+exp(x))`` would lose.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x)
    numerator = np.where(x >= 0, x.dtype.type(1), e)
    np.add(e, 1, out=e)
    return np.divide(numerator, e, out=numerator)


def sigmoid_derivative(x: Any) -> np.ndarray:
    """``sigmoid(x) * (1 - sigmoid(x))``, computed as ``e / (1 + e)**2``, ``e = exp(-|x|)``.

    The symmetric form keeps full relative accuracy in both tails, where
    ``s * (1 - s)`` would round ``1 - s`` to zero.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x)
    denominator = np.add(e, 1, out=np.empty_like(e))
    np.square(denominator, out=denominator)
    return np.divide(e, denominator, out=e)


# -- hyperbolic tangent ----------------------------------------------------------------------
def tanh(x: Any) -> np.ndarray:
    """Hyperbolic tangent (numpy's, which saturates to ±1 without overflow)."""
    return np.tanh(as_float_array(x))


def tanh_derivative(x: Any) -> np.ndarray:
    """``1 - tanh(x)**2``, computed as ``4 e / (1 + e)**2`` with ``e = exp(-2|x|)``.

    This is ``4 * sigmoid'(2x)``; unlike ``1 - tanh**2`` it keeps relative accuracy for
    large ``|x|``, and unlike ``1 / cosh**2`` it never overflows.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x)
    np.square(e, out=e)  # exp(-2|x|) without forming 2x, which could overflow
    denominator = np.add(e, 1, out=np.empty_like(e))
    np.square(denominator, out=denominator)
    np.multiply(e, 4, out=e)
    return np.divide(e, denominator, out=e)


# -- ReLU family ------------------------------------------------------------------------------
def relu(x: Any) -> np.ndarray:
    """Rectified linear unit ``max(x, 0)``; NaN propagates."""
    x = as_float_array(x)
    return np.maximum(x, x.dtype.type(0))


def relu_derivative(x: Any) -> np.ndarray:
    """1 for ``x > 0``, else 0; at the kink ``x = 0`` the value is 0 (PyTorch, JAX)."""
    x = as_float_array(x)
    return _keep_nan((x > 0).astype(x.dtype), x)


def leaky_relu(x: Any, *, negative_slope: float) -> np.ndarray:
    """Leaky ReLU: ``x`` for ``x >= 0``, ``negative_slope * x`` otherwise."""
    if negative_slope == 0:
        return relu(x)  # also avoids -inf * 0 = NaN
    x = as_float_array(x)
    slope = x.dtype.type(negative_slope)
    return np.where(x >= 0, x, x * slope)


def leaky_relu_derivative(x: Any, *, negative_slope: float) -> np.ndarray:
    """1 for ``x > 0``, ``negative_slope`` otherwise; at ``x = 0`` the slope (PyTorch)."""
    x = as_float_array(x)
    slope = x.dtype.type(negative_slope)
    return _keep_nan(np.where(x > 0, x.dtype.type(1), slope), x)
