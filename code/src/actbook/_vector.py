"""Activations that mix the entries of a vector: softmax and friends.

They act along one axis (``axis=-1`` by default, as in PyTorch's ``dim=-1`` usage and
JAX's default) and follow the same dtype, NaN and no-warning rules as
:mod:`actbook._elementwise`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._elementwise import as_float_array, sigmoid, sigmoid_derivative

__all__ = [
    "softmax",
    "softmax_diagonal",
    "softmax_jacobian",
    "softmax_slice",
    "softmax_slice_derivative",
]


def _shifted(x: np.ndarray, axis: int) -> np.ndarray:
    """``x - max(x)`` along ``axis``: the largest entry becomes 0, so ``exp`` cannot overflow.

    Rows whose maximum is ±inf or NaN give NaN, as PyTorch does: the softmax of such a
    row is not defined by a limit that treats all entries alike.
    """
    peak = np.max(x, axis=axis, keepdims=True)
    finite_peak = np.where(np.isfinite(peak), peak, x.dtype.type(0))
    shifted = np.subtract(x, finite_peak)
    # A row with an infinite or NaN maximum has no meaningful shift: mark it NaN.
    np.copyto(shifted, x.dtype.type(np.nan), where=~np.isfinite(peak))
    return shifted


def softmax(x: Any, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Softmax ``exp(x_i / T) / sum_j exp(x_j / T)`` along ``axis``.

    Parameters
    ----------
    x : array_like
        Scores (logits). Entries equal to ``-inf`` get probability 0.
    axis : int
        The axis that is normalised.
    temperature : float
        ``T > 0``; large values flatten the distribution, small ones sharpen it.

    Returns
    -------
    ndarray
        Probabilities of the same shape and dtype, summing to 1 along ``axis``.
    """
    x = as_float_array(x)
    if x.size == 0:
        return np.array(x, copy=True)
    scaled = x / x.dtype.type(temperature)
    shifted = _shifted(scaled, axis)
    np.exp(shifted, out=shifted)
    total = np.sum(shifted, axis=axis, keepdims=True)
    return np.divide(shifted, total, out=shifted)


def softmax_diagonal(x: Any, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Diagonal of the softmax Jacobian, ``s_i (1 - s_i) / T``: how ``s_i`` reacts to ``x_i``.

    The sum of each Jacobian row is zero (probabilities keep summing to one), so the
    "derivative" that is useful to plot is this diagonal.
    """
    s = softmax(x, axis=axis, temperature=temperature)
    return s * (1 - s) / s.dtype.type(temperature)


def softmax_jacobian(x: Any, *, temperature: float = 1.0) -> np.ndarray:
    """Full Jacobian ``d s_i / d x_j = (s_i (delta_ij - s_j)) / T`` along the last axis.

    Parameters
    ----------
    x : array_like, shape (..., n)
        Scores.
    temperature : float
        ``T > 0``.

    Returns
    -------
    ndarray, shape (..., n, n)
        One Jacobian matrix per vector.
    """
    s = softmax(x, axis=-1, temperature=temperature)
    jacobian = -s[..., :, None] * s[..., None, :]
    diagonal = np.einsum("...ii->...i", jacobian)
    diagonal += s
    return jacobian / s.dtype.type(temperature)


def softmax_slice(x: Any, *, temperature: float = 1.0) -> np.ndarray:
    """First output of ``softmax([x, 0] / T)``, i.e. ``sigmoid(x / T)``: the plotted slice."""
    x = as_float_array(x)
    return sigmoid(x / x.dtype.type(temperature))


def softmax_slice_derivative(x: Any, *, temperature: float = 1.0) -> np.ndarray:
    """Derivative of :func:`softmax_slice` with respect to ``x``."""
    x = as_float_array(x)
    scale = x.dtype.type(temperature)
    return sigmoid_derivative(x / scale) / scale
