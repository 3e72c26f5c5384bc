"""Activations that mix the entries of a vector: softmax and friends, gated units, maxout.

They act along one axis (``axis=-1`` by default, as in PyTorch's ``dim=-1`` usage and
JAX's default) and follow the same dtype, NaN and no-warning rules as
:mod:`actbook.activations._elementwise`.

What "the derivative" of a vector-valued activation means here:

* Softmax, log-softmax, softmin and sparsemax keep the shape; their registered
  derivative is the
  diagonal of the Jacobian, ``d y_i / d x_i`` (the rows of the softmax Jacobian sum to
  zero, so the Jacobian-vector product with ones would be identically 0).
* The gated units (GLU, bilinear, ReGLU, GEGLU, SwiGLU) and maxout shrink the axis;
  their registered derivative is the Jacobian-vector product with a vector of ones,
  ``d/dt f(x + t 1)`` at ``t = 0``, which has the output's shape.

Each also has a 1-D *slice*, ``name_slice`` and ``name_slice_derivative``, which the
book plots; the registry's ``curve_label`` says which slice it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from .._checks import positive
from ._elementwise import (
    _no_minus_inf,
    as_float_array,
    gelu,
    gelu_derivative,
    identity,
    identity_derivative,
    log_sigmoid,
    log_sigmoid_derivative,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    silu,
    silu_derivative,
    sparse_sigmoid,
    sparse_sigmoid_derivative,
)

__all__ = [
    "GATED_UNITS",
    "MAXOUT_SLICE_PIECES",
    "bilinear",
    "bilinear_derivative",
    "bilinear_slice",
    "bilinear_slice_derivative",
    "geglu",
    "geglu_derivative",
    "geglu_slice",
    "geglu_slice_derivative",
    "glu",
    "glu_derivative",
    "glu_slice",
    "glu_slice_derivative",
    "log_softmax",
    "log_softmax_diagonal",
    "log_softmax_slice",
    "log_softmax_slice_derivative",
    "maxout",
    "maxout_derivative",
    "maxout_slice",
    "maxout_slice_derivative",
    "reglu",
    "reglu_derivative",
    "reglu_slice",
    "reglu_slice_derivative",
    "softmax",
    "softmax_diagonal",
    "softmax_jacobian",
    "softmax_slice",
    "softmax_slice_derivative",
    "softmin",
    "softmin_diagonal",
    "softmin_slice",
    "softmin_slice_derivative",
    "sparsemax",
    "sparsemax_diagonal",
    "sparsemax_slice",
    "sparsemax_slice_derivative",
    "swiglu",
    "swiglu_derivative",
    "swiglu_slice",
    "swiglu_slice_derivative",
]


def _shifted(x: np.ndarray, axis: int) -> np.ndarray:
    """``x - max(x)`` along ``axis``: the largest entry becomes 0, so ``exp`` cannot overflow.

    Rows whose maximum is ±inf or NaN give NaN, as PyTorch does: the softmax of such a
    row is not defined by a limit that treats all entries alike.
    """
    if x.ndim == 0:
        raise ValueError(
            "parameter 'x' must have at least one axis to normalise along; got a 0-d array "
            "(wrap a single score in a list)"
        )
    peak = np.max(x, axis=axis, keepdims=True)
    finite_peak = np.where(np.isfinite(peak), peak, x.dtype.type(0))
    # x - max can overflow only to -inf (x = -max, max = +max), whose exp is the exact 0.
    with np.errstate(over="ignore"):
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
    shifted = _shifted(x, axis)
    # Shift first, then scale: (x - max) / T <= 0, and where it overflows to -inf (tiny T)
    # its exp is the exact 0.
    with np.errstate(over="ignore"):
        np.divide(shifted, x.dtype.type(temperature), out=shifted)
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
    temperature = positive("temperature", temperature)
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
    d = sigmoid_derivative(x / scale)
    return np.divide(d, scale, out=d)


def _sum_exp(shifted: np.ndarray, axis: int) -> np.ndarray:
    """``sum(exp(shifted))`` along ``axis``; at least 1 per row, since the max is 0."""
    return np.sum(np.exp(shifted), axis=axis, keepdims=True)


# -- log-softmax and softmin --------------------------------------------------------------
def log_softmax(x: Any, *, axis: int = -1) -> np.ndarray:
    """``log(softmax(x)) = (x - max) - log(sum(exp(x - max)))`` along ``axis``.

    Never takes ``log(0)``: entries whose probability underflows still get their exact
    (very negative) log-probability. Entries equal to ``-inf`` give ``-inf``; rows whose
    maximum is ``+inf`` or NaN give NaN, as in PyTorch.
    """
    x = as_float_array(x)
    if x.size == 0:
        return np.array(x, copy=True)
    shifted = _shifted(x, axis)
    return np.subtract(shifted, np.log(_sum_exp(shifted, axis)), out=shifted)


def log_softmax_diagonal(x: Any, *, axis: int = -1) -> np.ndarray:
    """Diagonal of the log-softmax Jacobian, ``d log s_i / d x_i = 1 - s_i``."""
    s = softmax(x, axis=axis)
    return np.subtract(1, s, out=s)


def log_softmax_slice(x: Any) -> np.ndarray:
    """First output of ``log_softmax([x, 0])``, which is ``log_sigmoid(x)``."""
    return log_sigmoid(x)


def log_softmax_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`log_softmax_slice`: ``sigmoid(-x)``."""
    return log_sigmoid_derivative(x)


def softmin(x: Any, *, axis: int = -1) -> np.ndarray:
    """``softmax(-x)``: probabilities that favour the smallest entries."""
    x = as_float_array(x)
    return softmax(np.negative(x, out=np.empty_like(x)), axis=axis)


def softmin_diagonal(x: Any, *, axis: int = -1) -> np.ndarray:
    """Diagonal of the softmin Jacobian, ``-s_i (1 - s_i)`` with ``s = softmin(x)``."""
    s = softmin(x, axis=axis)
    diagonal = np.subtract(s, 1)
    return np.multiply(diagonal, s, out=diagonal)


def softmin_slice(x: Any) -> np.ndarray:
    """First output of ``softmin([x, 0])``, which is ``sigmoid(-x)``: falls as ``x`` rises."""
    x = as_float_array(x)
    return sigmoid(np.negative(x, out=np.empty_like(x)))


def softmin_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`softmin_slice`: ``-sigmoid'(x)``."""
    d = sigmoid_derivative(x)
    return np.negative(d, out=d)


# -- sparsemax ---------------------------------------------------------------------------------
def _sparsemax_threshold(z: np.ndarray) -> np.ndarray:
    """The ``tau`` of each row of ``z`` (last axis, maximum 0 or all NaN), kept as an axis.

    With the entries in decreasing order ``z_(1) >= z_(2) >= ...`` and ``c_j`` the sum of
    the first ``j``, the support is the first ``k`` of them, ``k`` the largest ``j`` with
    ``1 + j z_(j) > c_j``, and ``tau = (c_k - 1) / k`` (Martins & Astudillo 2016).
    Because the maximum is 0, ``tau`` lies in ``[-1, 0)`` and the sums over the support in
    ``[-k, 0]``: only entries far outside the support can overflow, to ``-inf``, and those
    fail the test whatever their exact value.
    """
    # NaN rows stay NaN through z - tau whatever tau is; zeros in their place keep NaN
    # out of the sums (numpy's float16 accumulation flags NaN as an invalid operation).
    z = np.where(np.isnan(z), z.dtype.type(0), z)
    descending = np.flip(np.sort(z, axis=-1), axis=-1)
    ranks = np.arange(1, z.shape[-1] + 1, dtype=z.dtype)
    with np.errstate(over="ignore"):
        partial_sums = np.cumsum(descending, axis=-1)
        test = np.multiply(descending, ranks)
    np.add(test, z.dtype.type(1), out=test)
    inside = np.greater(test, partial_sums, out=np.empty(z.shape, dtype=bool))
    k = np.sum(inside, axis=-1, keepdims=True)  # >= 1: the top entry, 0, always passes
    tau = np.take_along_axis(partial_sums, k - 1, axis=-1)
    np.subtract(tau, z.dtype.type(1), out=tau)
    return np.divide(tau, k.astype(z.dtype), out=tau)


def sparsemax(x: Any, *, axis: int = -1) -> np.ndarray:
    """Sparsemax ``max(x_i - tau, 0)``: the Euclidean projection of ``x`` onto the simplex.

    ``tau`` is the one number for which the outputs sum to 1 along ``axis``, so entries
    more than ``tau`` below the top get probability exactly 0 (Martins & Astudillo 2016;
    Keras' ``sparsemax``). Computed on ``x - max(x)``, which leaves the result unchanged
    and keeps every sum that matters within ``[-n, 0]``. Entries equal to ``-inf`` get 0;
    rows whose maximum is ``+inf`` or NaN give NaN, as softmax does.

    Keras 3.15 takes ``tau`` from the sum of the partial sums over the support instead of
    the last one, so its rows do not sum to 1 once two or more entries are in the support
    (``[0, 0.5, 0.9]`` gives ``[0, 0, 0.25]`` there, ``[0, 0.3, 0.7]`` here; Keras issue
    23425): compare with it only on one-hot rows.

    Parameters
    ----------
    x : array_like
        Scores; only their differences matter.
    axis : int
        The axis along which the outputs sum to 1.

    Returns
    -------
    ndarray
        The projection, of the same shape and dtype: non-negative, exactly 0 off the
        support.
    """
    x = as_float_array(x)
    if x.size == 0:
        return np.array(x, copy=True)
    shifted = _shifted(x, axis)  # our own array: overwritten below
    z = np.moveaxis(shifted, axis, -1)  # a view of it
    np.subtract(z, _sparsemax_threshold(z), out=z)
    np.maximum(shifted, x.dtype.type(0), out=shifted)
    return shifted


def sparsemax_diagonal(x: Any, *, axis: int = -1) -> np.ndarray:
    """Diagonal of the sparsemax Jacobian: ``1 - 1/|S|`` on the support ``S``, else 0.

    The Jacobian is ``diag(s) - s s^T / |S|`` with ``s`` the indicator of the support,
    the entries whose output is positive (Martins & Astudillo 2016): it is constant
    while the support does not change. An entry exactly at ``tau`` is outside ``S``.
    """
    p = sparsemax(x, axis=axis)
    inside = p > 0
    size = np.sum(inside, axis=axis, keepdims=True).astype(p.dtype)
    np.maximum(size, p.dtype.type(1), out=size)  # NaN rows have none; their 1/0 is avoided
    scale = np.subtract(p.dtype.type(1), np.reciprocal(size, out=size), out=size)
    diagonal = np.multiply(inside, scale, dtype=p.dtype)
    np.copyto(diagonal, p, where=np.isnan(p))
    return diagonal


def sparsemax_slice(x: Any) -> np.ndarray:
    """First output of ``sparsemax([x, 0])``, which is ``sparse_sigmoid(x)``."""
    return sparse_sigmoid(x)


def sparsemax_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`sparsemax_slice`: 1/2 on ``(-1, 1)``, 0 elsewhere and at ±1.

    It is the Jacobian diagonal at ``[x, 0]``: at ``x = ±1`` one entry sits exactly at
    ``tau`` and leaves the support, so the diagonal is 0 there too.
    """
    return sparse_sigmoid_derivative(x)


# -- gated linear units ----------------------------------------------------------------------
#: The elementwise gate of each gated unit, by registry name: every one of them computes
#: ``a * gate(b)`` on the halves ``[a, b]`` of its input (Shazeer 2020's naming; the
#: bilinear unit's "gate" is the identity). A gated layer of the MLP with activation
#: ``gate`` computes the same unit on ``[x V + c, x W + b]``.
GATED_UNITS = {
    "glu": "sigmoid",
    "bilinear": "identity",
    "reglu": "relu",
    "geglu": "gelu",
    "swiglu": "silu",
}


def _halves(x: Any, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Split ``x`` along ``axis`` into the value half ``a`` and the gate half ``b``."""
    x = as_float_array(x)
    if x.ndim == 0:
        raise ValueError("parameter 'axis': a gated unit needs at least one axis to split")
    size = x.shape[axis]
    if size % 2:
        raise ValueError(
            f"parameter 'axis': a gated unit splits axis {axis} in half, but its size {size} is odd"
        )
    a, b = np.split(x, 2, axis=axis)
    return a, b


Gate = Callable[[np.ndarray], np.ndarray]


def _gated(x: Any, axis: int, gate: Gate) -> np.ndarray:
    """``a * gate(b)`` on the halves of ``x``; ``gate`` returns a fresh array."""
    a, b = _halves(x, axis)
    out = gate(b)
    # Huge products overflow to inf (the true value is that large), and an infinite value
    # under a closed gate is inf * 0, which has no value: NaN is the honest answer.
    with np.errstate(over="ignore", invalid="ignore"):
        return np.multiply(out, a, out=out)


def _gated_derivative(x: Any, axis: int, gate: Gate, gate_derivative: Gate) -> np.ndarray:
    """``d/dt [(a + t) * gate(b + t)] = gate(b) + a * gate'(b)``, the output's shape."""
    a, b = _halves(x, axis)
    slope = gate_derivative(b)
    with np.errstate(over="ignore", invalid="ignore"):
        np.multiply(slope, a, out=slope)
        return np.add(slope, gate(b), out=slope)


def _gated_slice(x: Any, gate: Gate) -> np.ndarray:
    """The unit on ``[x, x]``, ``x * gate(x)``.

    ``-inf`` is replaced by ``-max`` in the value factor: where the gate closes
    (``gate(-inf) = 0``) the product is then the limit 0 instead of ``-inf * 0``.
    """
    x = as_float_array(x)
    value = gate(x)
    with np.errstate(over="ignore"):  # x * gate(x) may exceed the largest float: inf
        return np.multiply(value, _no_minus_inf(x), out=value)


def _gated_slice_derivative(x: Any, gate: Gate, gate_derivative: Gate) -> np.ndarray:
    """Derivative of :func:`_gated_slice`: ``gate(x) + x * gate'(x)``."""
    x = as_float_array(x)
    slope = gate_derivative(x)
    with np.errstate(over="ignore"):
        np.multiply(slope, _no_minus_inf(x), out=slope)
        return np.add(slope, gate(x), out=slope)


def glu(x: Any, *, axis: int = -1) -> np.ndarray:
    """Gated linear unit ``a * sigmoid(b)``, where ``[a, b]`` are the halves of ``x``.

    As PyTorch's ``F.glu``: the first half along ``axis`` is the value, the second the
    gate, and the output has half the size. ``a = ±inf`` with a closed gate
    (``b = -inf``) has no value (``inf * 0``) and gives NaN.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated(x, axis, sigmoid)


def glu_derivative(x: Any, *, axis: int = -1) -> np.ndarray:
    """``d/dt glu(x + t 1) = sigmoid(b) + a sigmoid'(b)``, the output's shape.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated_derivative(x, axis, sigmoid, sigmoid_derivative)


def glu_slice(x: Any) -> np.ndarray:
    """``glu([x, x])``: value and gate both ``x``, which is ``x * sigmoid(x)`` (SiLU)."""
    return silu(x, beta=1.0)


def glu_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`glu_slice`."""
    return silu_derivative(x, beta=1.0)


def _swish(beta: float) -> tuple[Gate, Gate]:
    """``silu(., beta)`` and its derivative as one-argument gates."""
    return partial(silu, beta=beta), partial(silu_derivative, beta=beta)


def swiglu(x: Any, *, beta: float = 1.0, axis: int = -1) -> np.ndarray:
    """SwiGLU ``a * silu(b)`` (``silu(b) = b sigmoid(beta b)``) on the halves ``[a, b]`` of x.

    Shazeer (2020) applies ``Swish_beta`` to one of two linear projections and multiplies
    by the other; here, as in :func:`glu`, the first half is the value and the second the
    gated half.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated(x, axis, _swish(beta)[0])


def swiglu_derivative(x: Any, *, beta: float = 1.0, axis: int = -1) -> np.ndarray:
    """``d/dt swiglu(x + t 1) = silu(b) + a silu'(b)``, the output's shape.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated_derivative(x, axis, *_swish(beta))


def swiglu_slice(x: Any, *, beta: float = 1.0) -> np.ndarray:
    """``swiglu([x, x])`` = ``x * silu(x)`` = ``x**2 sigmoid(beta x)``; 0 at ``-inf``."""
    return _gated_slice(x, _swish(beta)[0])


def swiglu_slice_derivative(x: Any, *, beta: float = 1.0) -> np.ndarray:
    """Derivative of :func:`swiglu_slice`: ``silu(x) + x silu'(x)``."""
    return _gated_slice_derivative(x, *_swish(beta))


def geglu(x: Any, *, axis: int = -1) -> np.ndarray:
    """GEGLU ``a * gelu(b)`` on the halves ``[a, b]`` of ``x`` (exact, erf-based GELU).

    Shazeer (2020)'s ``FFN_GEGLU`` gates one projection with the GELU of the other; the
    first half is the value, as in :func:`glu`.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated(x, axis, gelu)


def geglu_derivative(x: Any, *, axis: int = -1) -> np.ndarray:
    """``d/dt geglu(x + t 1) = gelu(b) + a gelu'(b)``, the output's shape.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated_derivative(x, axis, gelu, gelu_derivative)


def geglu_slice(x: Any) -> np.ndarray:
    """``geglu([x, x])`` = ``x * gelu(x)`` = ``x**2 Phi(x)``; 0 at ``-inf``."""
    return _gated_slice(x, gelu)


def geglu_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`geglu_slice`: ``gelu(x) + x gelu'(x)``."""
    return _gated_slice_derivative(x, gelu, gelu_derivative)


def reglu(x: Any, *, axis: int = -1) -> np.ndarray:
    """ReGLU ``a * relu(b)`` on the halves ``[a, b]`` of ``x``.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated(x, axis, relu)


def reglu_derivative(x: Any, *, axis: int = -1) -> np.ndarray:
    """``d/dt reglu(x + t 1) = relu(b) + a relu'(b)``, with ``relu'(0) = 0``.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated_derivative(x, axis, relu, relu_derivative)


def reglu_slice(x: Any) -> np.ndarray:
    """``reglu([x, x])`` = ``x * relu(x)``: ``x**2`` for ``x > 0``, else 0."""
    value = _gated_slice(x, relu)
    # x * 0 is -0.0 for negative x; adding +0.0 makes it the plain 0 that x**2 * [x > 0] is.
    return np.add(value, value.dtype.type(0), out=value)


def reglu_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`reglu_slice`: ``2x`` for ``x > 0``, else 0."""
    return _gated_slice_derivative(x, relu, relu_derivative)


def bilinear(x: Any, *, axis: int = -1) -> np.ndarray:
    """The bilinear unit ``a * b`` on the halves ``[a, b]`` of ``x``: a GLU without a gate.

    Dauphin et al. (2017) and Shazeer (2020) call the GLU with the sigmoid left out
    *bilinear*: the output is the product of two linear projections of the layer's input.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated(x, axis, identity)


def bilinear_derivative(x: Any, *, axis: int = -1) -> np.ndarray:
    """``d/dt bilinear(x + t 1) = a + b``, the output's shape.

    Raises
    ------
    ValueError
        If the size along ``axis`` is odd.
    """
    return _gated_derivative(x, axis, identity, identity_derivative)


def bilinear_slice(x: Any) -> np.ndarray:
    """``bilinear([x, x])`` = ``x**2``."""
    return _gated_slice(x, identity)


def bilinear_slice_derivative(x: Any) -> np.ndarray:
    """Derivative of :func:`bilinear_slice`: ``2x``."""
    return _gated_slice_derivative(x, identity, identity_derivative)


# -- maxout --------------------------------------------------------------------------------
def _check_pieces(x: np.ndarray, pieces: int, axis: int) -> int:
    if isinstance(pieces, bool) or int(pieces) != pieces or pieces < 1:
        raise ValueError(f"parameter 'pieces' must be a positive integer, got {pieces!r}")
    if x.ndim == 0:
        raise ValueError("parameter 'axis': maxout needs at least one axis to group")
    size = x.shape[axis]
    if size % pieces:
        raise ValueError(
            f"parameter 'pieces' ({pieces}) must divide the size {size} of axis {axis}"
        )
    return int(pieces)


def maxout(x: Any, *, pieces: int = 2, axis: int = -1) -> np.ndarray:
    """Maxout: the maximum of each group of ``pieces`` consecutive entries along ``axis``.

    In a network each entry is an affine function of the layer's input, so a maxout unit
    is the upper envelope of ``pieces`` learnt lines: a convex piecewise-linear function.
    The output has ``1/pieces`` of the size along ``axis``; NaN in a group gives NaN.

    Raises
    ------
    ValueError
        If ``pieces`` is not a positive integer dividing the size along ``axis``.
    """
    x = as_float_array(x)
    k = _check_pieces(x, pieces, axis)
    moved = np.moveaxis(x, axis, -1)
    grouped = moved.reshape((*moved.shape[:-1], moved.shape[-1] // k, k))
    return np.moveaxis(np.max(grouped, axis=-1), -1, axis)


def maxout_derivative(x: Any, *, pieces: int = 2, axis: int = -1) -> np.ndarray:
    """``d/dt maxout(x + t 1)``: 1 for every output (each group's maximum moves with ``t``).

    NaN where the output is NaN.

    Raises
    ------
    ValueError
        If ``pieces`` is not a positive integer dividing the size along ``axis``.
    """
    value = maxout(x, pieces=pieces, axis=axis)
    result = np.ones_like(value)
    np.copyto(result, value, where=np.isnan(value))
    return result


#: The plotted maxout unit: ``(slope, intercept)`` of its three affine pieces.
MAXOUT_SLICE_PIECES = ((0.0, 0.0), (1.0, 0.0), (-0.5, -1.0))


def _maxout_slice_pieces(x: Any) -> np.ndarray:
    x = as_float_array(x)
    stack = np.empty((len(MAXOUT_SLICE_PIECES), *x.shape), dtype=x.dtype)
    for i, (slope, intercept) in enumerate(MAXOUT_SLICE_PIECES):
        row = stack[i, ...]  # a view, also for 0-d x (iterating would give scalars)
        if slope == 0:
            row[...] = intercept  # not 0 * x: 0 * inf would be NaN
        else:
            np.multiply(x, x.dtype.type(slope), out=row)
            np.add(row, x.dtype.type(intercept), out=row)
    return stack


def maxout_slice(x: Any) -> np.ndarray:
    """``max(0, x, -x/2 - 1)``: a maxout unit whose three pieces are fixed.

    With the pieces ``0`` and ``x`` alone this is ReLU; the third piece ``-x/2 - 1``
    takes over below ``x = -2`` and makes the unit rise again, a convex shape no
    monotone activation has. The limit is ``+inf`` at both ends.
    """
    return np.asarray(np.max(_maxout_slice_pieces(x), axis=0))


def maxout_slice_derivative(x: Any) -> np.ndarray:
    """The slope of the winning piece; at a tie the earlier piece wins (0 at 0 and -2)."""
    x = as_float_array(x)
    slopes = np.array([slope for slope, _ in MAXOUT_SLICE_PIECES], dtype=x.dtype)
    result = np.array(slopes[np.argmax(_maxout_slice_pieces(x), axis=0)])
    np.copyto(result, x, where=np.isnan(x))
    return result
