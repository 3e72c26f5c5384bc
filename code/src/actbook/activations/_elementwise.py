"""Numpy implementations of the elementwise activations and their derivatives.

Conventions shared by every function here:

* The input is converted with :func:`as_float_array`: floating dtypes are kept, integers
  and booleans become float64. The result is a new ndarray (also for 0-d input) with the
  input's shape and (float) dtype.
* The input is never modified; the result never shares memory with it.
* NaN in gives NaN out; ±inf gives the mathematical limit (each function's docstring
  names the limit where the naive formula would give ``inf * 0 = NaN``).
* No floating-point warning is raised for any finite or infinite input: the formulas are
  arranged so that ``exp`` only ever sees non-positive arguments, products that could
  overflow see clipped inputs, and where the true result itself exceeds the largest
  float the overflow to ±inf is the correctly rounded answer and is not reported.
* Parameters are keyword-only and are cast to the input's dtype, so a float32 input stays
  float32. Validation of parameter values happens in the registry
  (:meth:`actbook.Activation.resolve`); a function raises ``ValueError`` itself only
  where a value would make its formula meaningless (a zero CELU ``alpha``).
* At a kink the derivative takes one documented value, PyTorch's unless said otherwise.
* Every function takes numpy's ``out=`` as its last keyword: an existing array of the
  input's shape and (float) dtype that receives the result and is returned. ``out`` may
  be the input itself (the one case where the input is overwritten, on request). A
  wrong shape, dtype or type raises ``ValueError`` naming ``out``. Kernels that can,
  write straight into ``out``; the others (and every kernel when ``out`` overlaps the
  input) compute a new array and copy it over, see :func:`_accepts_out`.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import special

__all__ = [
    "GELU_TANH_COEFFICIENT",
    "LECUN_TANH_SCALE",
    "QUICK_GELU_SCALE",
    "SELU_ALPHA",
    "SELU_SCALE",
    "arctan",
    "arctan_derivative",
    "as_float_array",
    "bent_identity",
    "bent_identity_derivative",
    "celu",
    "celu_derivative",
    "elu",
    "elu_derivative",
    "exponential",
    "gaussian",
    "gaussian_derivative",
    "gelu",
    "gelu_derivative",
    "gelu_tanh",
    "gelu_tanh_derivative",
    "hard_sigmoid",
    "hard_sigmoid_derivative",
    "hard_sigmoid_legacy",
    "hard_sigmoid_legacy_derivative",
    "hard_swish",
    "hard_swish_derivative",
    "hard_tanh",
    "hard_tanh_derivative",
    "hardshrink",
    "hardshrink_derivative",
    "identity",
    "identity_derivative",
    "isru",
    "isru_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "lecun_tanh",
    "lecun_tanh_derivative",
    "log_sigmoid",
    "log_sigmoid_derivative",
    "mish",
    "mish_derivative",
    "prelu",
    "prelu_derivative",
    "quick_gelu",
    "quick_gelu_derivative",
    "relu",
    "relu6",
    "relu6_derivative",
    "relu_derivative",
    "rrelu",
    "rrelu_derivative",
    "selu",
    "selu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "silu",
    "silu_derivative",
    "sinc",
    "sinc_derivative",
    "sine",
    "sine_derivative",
    "softplus",
    "softplus_derivative",
    "softshrink",
    "softshrink_derivative",
    "softsign",
    "softsign_derivative",
    "sparse_plus",
    "sparse_plus_derivative",
    "sparse_sigmoid",
    "sparse_sigmoid_derivative",
    "squared_relu",
    "squared_relu_derivative",
    "squareplus",
    "squareplus_derivative",
    "step",
    "step_derivative",
    "tanh",
    "tanh_derivative",
    "tanhshrink",
    "tanhshrink_derivative",
    "threshold",
    "threshold_derivative",
]

#: SELU's constants (Klambauer et al. 2017), to full double precision.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
#: The cubic coefficient of the tanh approximation of GELU (Hendrycks & Gimpel 2016).
GELU_TANH_COEFFICIENT = 0.044715
#: The gate scale of quick GELU, ``x * sigmoid(1.702 x)`` (Hendrycks & Gimpel 2016).
QUICK_GELU_SCALE = 1.702
#: LeCun's scaled tanh, ``1.7159 tanh(2x/3)``: chosen so that f(±1) = ±1.
LECUN_TANH_SCALE = 1.7159

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_INV_SQRT_2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


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
    raise TypeError(f"parameter 'x' must hold real numbers, got dtype {array.dtype}")


# -- out= ------------------------------------------------------------------------------------
def _check_out(out: Any, x: np.ndarray) -> None:
    """Refuse an ``out`` that cannot receive the result for ``x`` unchanged."""
    if not isinstance(out, np.ndarray):
        raise ValueError(f"parameter 'out' must be a numpy array, got {type(out).__name__}")
    if out.shape != x.shape:
        raise ValueError(
            f"parameter 'out' must have the input's shape {x.shape}, got shape {out.shape}"
        )
    if out.dtype != x.dtype:
        raise ValueError(
            f"parameter 'out' must have the result's dtype {x.dtype}, got dtype {out.dtype}"
        )
    if not out.flags.writeable:
        raise ValueError("parameter 'out' must be writeable")


def _accepts_out(kernel: Callable[..., np.ndarray]) -> Callable[..., np.ndarray]:
    """Give ``kernel(x, **params)`` numpy's ``out=``, checked, as its last keyword.

    A kernel whose own signature has ``out`` writes its result straight into it; it may
    then read ``x`` after writing ``out``, so it is only handed an ``out`` that shares
    no memory with ``x``. In every other case (no ``out`` of its own, or ``out`` is the
    input or overlaps it) the kernel computes a new array, which is copied into ``out``:
    a kernel that calls another one internally never has its input overwritten early.
    """
    signature = inspect.signature(kernel)
    writes_out = "out" in signature.parameters

    @functools.wraps(kernel)
    def with_out(x: Any, *, out: np.ndarray | None = None, **params: Any) -> np.ndarray:
        if out is None:
            return kernel(x, **params)
        x = as_float_array(x)
        _check_out(out, x)
        if writes_out and not np.may_share_memory(x, out):
            kernel(x, out=out, **params)
        else:
            np.copyto(out, kernel(x, **params))
        return out

    if not writes_out:
        out_parameter = inspect.Parameter("out", inspect.Parameter.KEYWORD_ONLY, default=None)
        signature = signature.replace(parameters=[*signature.parameters.values(), out_parameter])
    with_out.__signature__ = signature  # what inspect and help() show, out last
    return with_out


def _output(x: np.ndarray, out: np.ndarray | None) -> np.ndarray:
    """The array a kernel writes its result into: ``out``, or a new one like ``x``."""
    return np.empty_like(x) if out is None else out


def _into(out: np.ndarray | None, result: np.ndarray) -> np.ndarray:
    """``result``, copied into ``out`` if one is given (for results made in another dtype)."""
    if out is None:
        return result
    np.copyto(out, result)
    return out


# -- shared helpers -----------------------------------------------------------------------
def _result(value: Any) -> np.ndarray:
    """``value`` as an ndarray: a ufunc applied to a 0-d array returns a numpy scalar."""
    return np.asarray(value)


def _keep_nan(result: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Write NaN into ``result`` wherever ``x`` is NaN (for formulas that drop it)."""
    np.copyto(result, x, where=np.isnan(x))
    return result


def _mask(
    condition: np.ndarray, x: np.ndarray, inside: float = 1.0, out: np.ndarray | None = None
) -> np.ndarray:
    """``inside`` where ``condition`` holds, 0 elsewhere, NaN where ``x`` is NaN (in ``out``).

    The derivative of every piecewise-linear activation is built from this.
    """
    # A boolean cast and a multiply vectorise; a masked copy with a random mask does not.
    result = _output(x, out)
    np.copyto(result, condition)
    if inside != 1:
        np.multiply(result, x.dtype.type(inside), out=result)
    return _keep_nan(result, x)


def _exp_neg_abs(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``exp(-|x|)`` (into ``out`` if given), which lies in (0, 1]: it cannot overflow."""
    # Explicit out= arrays: on 0-d input a ufunc without out= returns a numpy scalar.
    e = np.abs(x, out=_output(x, out))
    np.negative(e, out=e)
    return np.exp(e, out=e)


def _clip(x: np.ndarray, bound: float, out: np.ndarray | None = None) -> np.ndarray:
    """A copy of ``x`` (into ``out`` if given) clipped to ``[-bound, bound]``; NaN stays."""
    bound = min(float(bound), float(np.finfo(x.dtype).max))
    return np.clip(x, -bound, bound, out=_output(x, out))


def _clip_for_product(
    x: np.ndarray, factor: float = 1.0, out: np.ndarray | None = None
) -> np.ndarray:
    """``x`` clipped so that ``factor * x`` cannot overflow; ±inf becomes finite.

    Used where the clipped values give the same result as the true ones (the function
    has saturated long before) and where ``±inf`` itself would produce ``inf * 0``.
    """
    largest = float(np.finfo(x.dtype).max)
    # Half of max/factor leaves room for the rounding of the bound to x's dtype.
    return _clip(x, largest if factor <= 1 else largest / (2 * factor), out)


def _no_minus_inf(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """A copy of ``x`` (into ``out`` if given) with ``-inf`` replaced by ``-max``.

    For ``x * g(x)`` with ``g(-inf) = 0`` this turns the meaningless ``-inf * 0`` into
    ``-max * 0 = -0``, the limit.
    """
    lowest = x.dtype.type(np.finfo(x.dtype).min)
    return np.maximum(x, lowest, out=_output(x, out))


def _filled(x: np.ndarray, value: float, out: np.ndarray | None) -> np.ndarray:
    """``value`` everywhere, in ``out`` or a new array like ``x``."""
    result = _output(x, out)
    result.fill(value)
    return result


def _horner(w: np.ndarray, coefficients: tuple[float, ...]) -> np.ndarray:
    """``c0 + c1 w + c2 w**2 + ...`` by Horner's rule, in ``w``'s dtype."""
    total = np.multiply(w, w.dtype.type(coefficients[-1]))
    for i, c in enumerate(reversed(coefficients[:-1])):
        if i:
            np.multiply(total, w, out=total)
        np.add(total, w.dtype.type(c), out=total)
    return total


# -- identity ---------------------------------------------------------------------------
@_accepts_out
def identity(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """The identity (linear) activation, ``f(x) = x``, as a new array."""
    x = as_float_array(x)
    result = _output(x, out)
    np.copyto(result, x)
    return result


@_accepts_out
def identity_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Derivative of the identity: 1 everywhere (NaN where ``x`` is NaN)."""
    x = as_float_array(x)
    result = _output(x, out)
    result.fill(1)
    return _keep_nan(result, x)


# -- binary step ----------------------------------------------------------------------------
@_accepts_out
def step(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Heaviside step with ``step(0) = 1``: the perceptron fires when ``x >= 0``."""
    x = as_float_array(x)
    return _mask(x >= 0, x, out=out)  # as np.heaviside(x, 1), but several times faster


@_accepts_out
def step_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Derivative of the step: 0 everywhere, by convention also at the jump ``x = 0``."""
    x = as_float_array(x)
    result = _output(x, out)
    result.fill(0)
    return _keep_nan(result, x)


# -- logistic sigmoid ---------------------------------------------------------------------
@_accepts_out
def sigmoid(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic sigmoid ``1 / (1 + exp(-x))``, computed without overflow.

    With ``e = exp(-|x|)`` (never above 1) the sigmoid is ``1 / (1 + e)`` for
    ``x >= 0`` and ``e / (1 + e)`` for ``x < 0``; both are accurate to the last bit,
    including tiny values for very negative ``x`` that ``1 - 1/(1+exp(x))`` would lose.
    The numerator of both cases is ``exp(min(x, 0))``: a second ``exp`` is cheaper than
    selecting between the cases element by element (``np.where``).
    """
    x = as_float_array(x)
    return _sigmoid_into(x, out=_output(x, out))


def _sigmoid_into(z: np.ndarray, out: np.ndarray, scratch: np.ndarray | None = None) -> np.ndarray:
    """``sigmoid(z)`` as ``exp(min(z, 0)) / (1 + exp(-|z|))``, written into ``out``.

    ``out`` may be ``z`` itself, and ``scratch`` (overwritten) holds the denominator:
    the gated units pass arrays of their own, each saving a fresh 40 MB array (and its
    page faults) per call on 10**7 float32 values.
    """
    denominator = _exp_neg_abs(z, out=scratch)  # read z before out (maybe z) is written
    np.add(denominator, 1, out=denominator)
    np.minimum(z, z.dtype.type(0), out=out)
    np.exp(out, out=out)
    return np.divide(out, denominator, out=out)


@_accepts_out
def sigmoid_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``sigmoid(x) * (1 - sigmoid(x))``, computed as ``e / (1 + e)**2``, ``e = exp(-|x|)``.

    The symmetric form keeps full relative accuracy in both tails, where
    ``s * (1 - s)`` would round ``1 - s`` to zero.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x, out=out)
    denominator = np.add(e, 1, out=np.empty_like(e))
    np.square(denominator, out=denominator)
    return np.divide(e, denominator, out=e)


@_accepts_out
def log_sigmoid(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``log(sigmoid(x)) = min(x, 0) - log1p(exp(-|x|))``: no overflow, no ``log(0)``.

    The naive ``log(sigmoid(x))`` returns ``-inf`` once ``sigmoid`` underflows (near
    ``x = -745`` in float64); this form stays exact, ``log_sigmoid(-1000) = -1000``.
    Limits: ``-inf`` at ``-inf`` and ``0`` at ``+inf``.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x)
    np.log1p(e, out=e)
    result = np.minimum(x, x.dtype.type(0), out=_output(x, out))
    return np.subtract(result, e, out=result)


@_accepts_out
def log_sigmoid_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``sigmoid(-x)``, the derivative of :func:`log_sigmoid`."""
    x = as_float_array(x)
    minus_x = np.negative(x, out=_output(x, out))
    return _sigmoid_into(minus_x, out=minus_x)  # our own copy: no second fresh array


# -- hyperbolic tangent and its relatives ---------------------------------------------------
@_accepts_out
def tanh(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Hyperbolic tangent (numpy's, which saturates to ±1 without overflow)."""
    x = as_float_array(x)
    return np.tanh(x, out=_output(x, out))


@_accepts_out
def tanh_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1 - tanh(x)**2``, computed as ``4 e / (1 + e)**2`` with ``e = exp(-2|x|)``.

    This is ``4 * sigmoid'(2x)``; unlike ``1 - tanh**2`` it keeps relative accuracy for
    large ``|x|``, and unlike ``1 / cosh**2`` it never overflows.
    """
    x = as_float_array(x)
    e = _exp_neg_abs(x, out=out)
    np.square(e, out=e)  # exp(-2|x|) without forming 2x, which could overflow
    denominator = np.add(e, 1, out=np.empty_like(e))
    np.square(denominator, out=denominator)
    np.multiply(e, 4, out=e)
    return np.divide(e, denominator, out=e)


@_accepts_out
def lecun_tanh(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """LeCun's scaled tanh ``1.7159 tanh(2x/3)``, which maps ±1 to ±1 (almost exactly).

    ``2x/3`` is computed as ``x / 1.5``: one correctly rounded operation that cannot
    overflow, where ``2 * x / 3`` could.
    """
    x = as_float_array(x)
    u = np.divide(x, x.dtype.type(1.5), out=_output(x, out))
    np.tanh(u, out=u)
    return np.multiply(u, x.dtype.type(LECUN_TANH_SCALE), out=u)


@_accepts_out
def lecun_tanh_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1.7159 * (2/3) * (1 - tanh(2x/3)**2)``, via :func:`tanh_derivative`."""
    x = as_float_array(x)
    d = tanh_derivative(x / x.dtype.type(1.5), out=out)
    return np.multiply(d, x.dtype.type(LECUN_TANH_SCALE / 1.5), out=d)


# x - tanh(x) = x**3 N(x**2) / D(x**2) for |x| < 1, from Lambert's continued fraction
# tanh(x) = x / (1 + u), u = x**2 / (3 + x**2 / (5 + ... + x**2 / 19)): then
# x - tanh(x) = x u / (1 + u), and cleared of fractions N and D have positive integer
# coefficients (lowest power first). Truncating after 19 changes the value by less than
# 2e-19 relative at |x| = 1, far below rounding.
_TANHSHRINK_NUMERATOR = (218243025, 16081065, 289575, 1430, 1)
_TANHSHRINK_DENOMINATOR = (654729075, 310134825, 18918900, 315315, 1485, 1)
# Scaled so that D(0) = 1: the integers themselves would overflow float16.
_TANHSHRINK_N = tuple(c / _TANHSHRINK_DENOMINATOR[0] for c in _TANHSHRINK_NUMERATOR)
_TANHSHRINK_D = tuple(c / _TANHSHRINK_DENOMINATOR[0] for c in _TANHSHRINK_DENOMINATOR)
_TANHSHRINK_RATIONAL_BELOW = 1.0


@_accepts_out
def tanhshrink(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``x - tanh(x)``, without the cancellation of the subtraction near 0.

    Near 0 the difference is about ``x**3 / 3`` while both terms are about ``x``:
    subtracting loses about ``log2(3 / x**2)`` bits (8 at ``x = 1/8``, all 53 of float64
    once ``tanh(x)`` rounds to ``x``, below about ``1.3e-8``). For ``|x| < 1`` the
    value is ``x**3 N(x**2) / D(x**2)``, a truncated continued fraction of tanh whose
    polynomials have only positive coefficients: there is no subtraction, and the error
    stays at a few ulps. From 1 on, the subtraction loses about 2 bits at most.
    """
    x = as_float_array(x)
    result = np.tanh(x, out=_output(x, out))
    np.subtract(x, result, out=result)
    small = np.abs(x) < _TANHSHRINK_RATIONAL_BELOW
    if np.any(small):
        xs = x[small]  # only these entries pay for the two polynomials
        w = xs * xs
        ratio = _horner(w, _TANHSHRINK_N)
        np.divide(ratio, _horner(w, _TANHSHRINK_D), out=ratio)
        np.multiply(ratio, xs, out=ratio)
        np.multiply(ratio, w, out=ratio)  # x**3 as x * x**2: no cube to underflow early
        result[small] = ratio
    return result


@_accepts_out
def tanhshrink_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1 - tanh'(x) = tanh(x)**2``."""
    x = as_float_array(x)
    t = np.tanh(x, out=_output(x, out))
    return np.square(t, out=t)


# -- ReLU family ------------------------------------------------------------------------------
@_accepts_out
def relu(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Rectified linear unit ``max(x, 0)``; NaN propagates.

    Computed as ``clip(x, 0, inf)``, the same values (``-0.0`` stays ``-0.0``): numpy's
    clip loop runs at about the speed of a copy, its ``maximum`` somewhat slower.
    """
    x = as_float_array(x)
    return np.clip(x, x.dtype.type(0), x.dtype.type(np.inf), out=_output(x, out))


@_accepts_out
def relu_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """1 for ``x > 0``, else 0; at the kink ``x = 0`` the value is 0 (PyTorch, JAX)."""
    x = as_float_array(x)
    return _mask(x > 0, x, out=out)


@_accepts_out
def leaky_relu(x: Any, *, negative_slope: float, out: np.ndarray | None = None) -> np.ndarray:
    """Leaky ReLU: ``x`` for ``x >= 0``, ``negative_slope * x`` otherwise."""
    x = as_float_array(x)
    if negative_slope == 0:
        return relu(x, out=out)  # also avoids -inf * 0 = NaN
    # For slope <= 1 the unit is max(x, slope * x) (min for slope > 1): two vectorised
    # passes, where np.where(x >= 0, x, slope * x) selects element by element.
    with np.errstate(over="ignore"):  # only for slope > 1, where min discards an inf
        scaled = np.multiply(x, x.dtype.type(negative_slope), out=_output(x, out))
    pick = np.maximum if negative_slope <= 1 else np.minimum
    return pick(x, scaled, out=scaled)


@_accepts_out
def leaky_relu_derivative(
    x: Any, *, negative_slope: float, out: np.ndarray | None = None
) -> np.ndarray:
    """1 for ``x > 0``, ``negative_slope`` otherwise; at ``x = 0`` the slope (PyTorch)."""
    x = as_float_array(x)
    # slope * [x <= 0] + [x > 0] with booleans as 0/1 factors: exact, and much faster
    # than np.where on a data-dependent mask.
    d = np.multiply(x <= 0, x.dtype.type(negative_slope), out=_output(x, out))
    np.add(d, x > 0, out=d)
    return _keep_nan(d, x)


@_accepts_out
def prelu(x: Any, *, a: float, out: np.ndarray | None = None) -> np.ndarray:
    """Parametric ReLU with one learnable slope ``a``: a leaky ReLU whose slope is learnt.

    PyTorch's ``nn.PReLU()`` starts from ``a = 0.25``; here ``a`` is a plain number.
    """
    return leaky_relu(x, negative_slope=a, out=out)


@_accepts_out
def prelu_derivative(x: Any, *, a: float, out: np.ndarray | None = None) -> np.ndarray:
    """Derivative with respect to ``x``: 1 for ``x > 0``, ``a`` otherwise (also at 0)."""
    return leaky_relu_derivative(x, negative_slope=a, out=out)


def _rrelu_slope(lower: float, upper: float) -> float:
    if lower > upper:
        raise ValueError(f"parameter 'lower' must not exceed 'upper', got {lower} > {upper}")
    return (lower + upper) / 2


@_accepts_out
def rrelu(x: Any, *, lower: float, upper: float, out: np.ndarray | None = None) -> np.ndarray:
    """Randomized leaky ReLU in evaluation mode: slope ``(lower + upper) / 2``.

    In training the negative slope is drawn uniformly from ``[lower, upper]`` for each
    element; at evaluation (and here) it is replaced by its expectation, as in PyTorch.

    Raises
    ------
    ValueError
        If ``lower > upper``.
    """
    return leaky_relu(x, negative_slope=_rrelu_slope(lower, upper), out=out)


@_accepts_out
def rrelu_derivative(
    x: Any, *, lower: float, upper: float, out: np.ndarray | None = None
) -> np.ndarray:
    """1 for ``x > 0``, ``(lower + upper) / 2`` otherwise (also at 0, as PyTorch)."""
    return leaky_relu_derivative(x, negative_slope=_rrelu_slope(lower, upper), out=out)


@_accepts_out
def relu6(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``min(max(x, 0), 6)``: ReLU capped at 6 (MobileNet's choice for low precision)."""
    x = as_float_array(x)
    return np.clip(x, x.dtype.type(0), x.dtype.type(6), out=_output(x, out))


@_accepts_out
def relu6_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """1 strictly inside ``(0, 6)``, else 0: at both kinks the value is 0 (PyTorch)."""
    x = as_float_array(x)
    return _mask((x > 0) & (x < 6), x, out=out)


@_accepts_out
def hard_tanh(
    x: Any, *, min_val: float, max_val: float, out: np.ndarray | None = None
) -> np.ndarray:
    """``clip(x, min_val, max_val)``; PyTorch's ``Hardtanh`` (default ``[-1, 1]``).

    Raises
    ------
    ValueError
        If ``min_val >= max_val``.
    """
    _check_interval(min_val, max_val)
    x = as_float_array(x)
    return np.clip(x, x.dtype.type(min_val), x.dtype.type(max_val), out=_output(x, out))


@_accepts_out
def hard_tanh_derivative(
    x: Any, *, min_val: float, max_val: float, out: np.ndarray | None = None
) -> np.ndarray:
    """1 strictly inside ``(min_val, max_val)``, else 0; 0 at both kinks (PyTorch)."""
    _check_interval(min_val, max_val)
    x = as_float_array(x)
    return _mask((x > min_val) & (x < max_val), x, out=out)


def _check_interval(min_val: float, max_val: float) -> None:
    if not min_val < max_val:
        raise ValueError(f"parameter 'min_val' must be below 'max_val', got {min_val} >= {max_val}")


# -- from the libraries' lists: squared ReLU, threshold, sparse plus/sigmoid, exponential ----
@_accepts_out
def squared_relu(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Squared ReLU ``max(x, 0)**2``, the feed-forward activation of Primer (So et al. 2021).

    Above ``sqrt(max)`` the true value exceeds the largest float: the overflow to inf is
    the correctly rounded answer and is not reported.
    """
    r = relu(x, out=out)
    with np.errstate(over="ignore"):
        return np.square(r, out=r)


@_accepts_out
def squared_relu_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``2 max(x, 0)``: continuous, so 0 at the origin from both sides (no convention).

    ``r + r`` is exactly ``2r``; above ``max / 2`` it overflows to inf, the true answer.
    """
    r = relu(x, out=out)
    with np.errstate(over="ignore"):
        return np.add(r, r, out=r)


@_accepts_out
def threshold(
    x: Any, *, threshold: float, value: float, out: np.ndarray | None = None
) -> np.ndarray:
    """PyTorch's ``Threshold``: ``x`` where ``x > threshold``, else ``value``.

    ``x == threshold`` gives ``value`` (PyTorch and Keras compare strictly). The function
    jumps by ``threshold - value`` at ``x = threshold``: it is continuous only when
    ``value == threshold``. NaN stays NaN, as in PyTorch, whose kernel replaces ``x`` by
    ``value`` only where ``x <= threshold`` holds, which NaN never satisfies.
    """
    x = as_float_array(x)
    t = x.dtype.type(threshold)
    keep = x > t
    # max(x, t) [x > t] + value [x <= t], with booleans as 0/1 factors: one term is an
    # exact 0, and max(x, t) is finite where it is dropped (no -inf * 0). Arithmetic
    # vectorises; a copy under a data-dependent mask is several times slower.
    result = np.maximum(x, t, out=_output(x, out))
    np.multiply(result, keep, out=result)
    if value != 0:
        np.add(result, np.multiply(~keep, x.dtype.type(value), dtype=x.dtype), out=result)
    return result


@_accepts_out
def threshold_derivative(
    x: Any, *, threshold: float, value: float, out: np.ndarray | None = None
) -> np.ndarray:
    """1 where ``x > threshold``, else 0; at ``x = threshold`` it is 0 (PyTorch).

    ``value`` does not change the slope; it is a parameter here because the registry
    passes every parameter of an activation to both of its functions.
    """
    del value  # the slope is 0 on the constant side whatever the constant
    x = as_float_array(x)
    return _mask(x > x.dtype.type(threshold), x, out=out)


def _sparse_ramp(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``clip(x, -1, 1) + 1`` in ``[0, 2]`` (into ``out``): exact near ``x = -1``."""
    ramp = np.clip(x, x.dtype.type(-1), x.dtype.type(1), out=_output(x, out))
    return np.add(ramp, x.dtype.type(1), out=ramp)


@_accepts_out
def sparse_sigmoid(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Sparse sigmoid ``clip((x + 1) / 2, 0, 1)``: 0 up to -1, 1 from 1 on (``jax.nn``, Keras).

    It is ``(hardtanh(x) + 1) / 2`` and the first output of ``sparsemax([x, 0])``, as
    the sigmoid is the first output of ``softmax([x, 0])`` (Blondel et al. 2020).
    """
    ramp = _sparse_ramp(as_float_array(x), out)
    return np.multiply(ramp, ramp.dtype.type(0.5), out=ramp)


@_accepts_out
def sparse_sigmoid_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """1/2 strictly inside ``(-1, 1)``, else 0: 0 at both kinks, the flat side.

    That is PyTorch's convention for ``hardtanh``, of which this is an affine image, and
    what Keras' TensorFlow and PyTorch backends give; JAX gives 1/4 there (see the
    conventions table).
    """
    x = as_float_array(x)
    return _mask((x > -1) & (x < 1), x, 0.5, out=out)


@_accepts_out
def sparse_plus(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Sparse plus: 0 up to -1, ``(x + 1)**2 / 4`` on ``(-1, 1)``, ``x`` from 1 on.

    The piecewise-quadratic twin of softplus (``jax.nn``, Keras; Blondel et al. 2020):
    continuously differentiable, with :func:`sparse_sigmoid` as its derivative.

    Computed as ``max(x, q)`` with ``q = (clip(x, -1, 1) + 1)**2 / 4``: ``q`` is 0 below
    -1 and 1 above 1, and ``q - x = (x - 1)**2 / 4 >= 0`` between, so the maximum picks
    each piece exactly where it applies, ``x`` itself from 1 on (not ``1 + (x - 1)``),
    without a masked copy. Squaring the exact ramp ``clip(x, -1, 1) + 1`` keeps full
    relative accuracy near ``x = -1``.
    """
    x = as_float_array(x)
    q = _sparse_ramp(x, out)
    np.square(q, out=q)
    np.multiply(q, q.dtype.type(0.25), out=q)
    return np.maximum(q, x, out=q)


@_accepts_out
def sparse_plus_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """:func:`sparse_sigmoid`: 0 at -1 and 1 at 1 from both sides (sparse plus is C1)."""
    return sparse_sigmoid(x, out=out)


@_accepts_out
def exponential(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``exp(x)``, Keras' ``exponential`` activation; its own derivative.

    Above ``log(max)`` (709.78 in float64) the true value exceeds the largest float: the
    overflow to inf is the correctly rounded answer and is not reported.
    """
    x = as_float_array(x)
    with np.errstate(over="ignore"):
        return np.exp(x, out=_output(x, out))


# -- exponential linear units ---------------------------------------------------------------
@_accepts_out
def elu(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """Exponential linear unit: ``x`` for ``x > 0``, ``alpha * (exp(x) - 1)`` otherwise.

    ``expm1`` keeps the tiny values near 0 that ``exp(x) - 1`` would round away.
    The limit at ``-inf`` is ``-alpha``.
    """
    x = as_float_array(x)
    negative = np.minimum(x, x.dtype.type(0), out=_output(x, out))
    np.expm1(negative, out=negative)
    np.multiply(negative, x.dtype.type(alpha), out=negative)
    # max(x, 0) + alpha * expm1(min(x, 0)): one term is 0, the sum is exact.
    return np.add(negative, np.maximum(x, x.dtype.type(0)), out=negative)


@_accepts_out
def elu_derivative(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """1 for ``x > 0``, ``alpha * exp(x)`` otherwise; at ``x = 0`` it is ``alpha`` (PyTorch).

    Only for ``alpha = 1`` do the two sides agree and ELU is continuously differentiable.
    """
    x = as_float_array(x)
    d = np.minimum(x, x.dtype.type(0), out=_output(x, out))
    np.exp(d, out=d)
    np.multiply(d, x.dtype.type(alpha), out=d)  # alpha * exp(x), and alpha for x > 0
    # d * [x <= 0] + [x > 0] puts the 1 of x > 0 in place, with booleans as 0/1 factors:
    # exact, and much faster than np.where on a data-dependent mask. NaN stays NaN.
    np.multiply(d, x <= 0, out=d)
    return np.add(d, x > 0, out=d)


@_accepts_out
def selu(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Scaled ELU ``scale * elu(x, alpha)`` with the self-normalising constants.

    ``alpha`` and ``scale`` are :data:`SELU_ALPHA` and :data:`SELU_SCALE`, fixed so that
    activations keep zero mean and unit variance through a deep network. The limit at
    ``-inf`` is ``-scale * alpha``.
    """
    result = elu(x, alpha=SELU_ALPHA, out=out)
    # Beyond max/scale the true value exceeds the largest float: inf is the right answer.
    with np.errstate(over="ignore"):
        return np.multiply(result, result.dtype.type(SELU_SCALE), out=result)


@_accepts_out
def selu_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``scale`` for ``x > 0``, ``scale * alpha * exp(x)`` otherwise; ``scale * alpha`` at 0."""
    result = elu_derivative(x, alpha=SELU_ALPHA, out=out)
    return np.multiply(result, result.dtype.type(SELU_SCALE), out=result)


def _check_celu_alpha(alpha: float) -> None:
    if not alpha > 0:
        raise ValueError(f"parameter 'alpha' of CELU must be positive, got {alpha!r}")


@_accepts_out
def celu(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """Continuously differentiable ELU: ``x`` for ``x > 0``, else ``alpha*(exp(x/alpha)-1)``.

    Dividing by ``alpha`` makes the slope at 0 equal 1 from both sides for every
    ``alpha``. The limit at ``-inf`` is ``-alpha``.

    Raises
    ------
    ValueError
        If ``alpha <= 0``.
    """
    _check_celu_alpha(alpha)
    x = as_float_array(x)
    a = x.dtype.type(alpha)
    negative = np.minimum(x, x.dtype.type(0), out=_output(x, out))
    # For alpha < 1 a huge negative x / alpha overflows to -inf, whose expm1 is the exact -1.
    with np.errstate(over="ignore"):
        np.divide(negative, a, out=negative)
    np.expm1(negative, out=negative)
    np.multiply(negative, a, out=negative)
    return np.add(negative, np.maximum(x, x.dtype.type(0)), out=negative)


@_accepts_out
def celu_derivative(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """1 for ``x > 0``, ``exp(x / alpha)`` otherwise; both sides give 1 at ``x = 0``.

    Raises
    ------
    ValueError
        If ``alpha <= 0``.
    """
    _check_celu_alpha(alpha)
    x = as_float_array(x)
    # For x > 0, min(x, 0) = 0 and exp(0) = 1 exactly: no selection between the sides.
    d = np.minimum(x, x.dtype.type(0), out=_output(x, out))
    with np.errstate(over="ignore"):
        np.divide(d, x.dtype.type(alpha), out=d)
    return np.exp(d, out=d)


# -- smooth gated units: GELU, SiLU, Mish -------------------------------------------------------
# GELU needs the normal CDF Phi. numpy has no erf, and scipy's erfc and erfcx are scalar
# loops (about 25 ns per float64 value, where a pass of a ufunc over data in the cache
# costs well under one), so Phi is written out. For a = |x|, Phi(-a) = exp(-a**2 / 2)
# S(a), S(a) = erfcx(a / sqrt 2) / 2, a smooth function falling from 1/2 at 0 like
# 1 / (sqrt(2 pi) a). S is a rational function P(a) / Q(a) of the input's precision
# below; the coefficients were fitted by iterated, linearised least squares (at 50
# digits, mpmath) on Chebyshev points of the fitted range. All are positive, so
# neither polynomial cancels. Relative error of S against mpmath, with the coefficients
# rounded to the dtype and evaluated in it: float32, degree 4/5 on [0, 15], 4.6e-8
# (half of float32's eps is 6e-8; beyond 15 Phi(-a) underflows float32); float64, 8/9 on
# [0, 8.5], 6.7e-16. Beyond 8.5, where Phi(-a) < 1e-17 and only x < -8.5 still needs S,
# the few such values take scipy's erfcx.
_GAUSSIAN_TAIL_FLOAT32 = (
    (
        0.5000000039000606,
        0.4415046589805088,
        0.18565631635920676,
        0.041461294093709175,
        0.004242323065740003,
    ),
    (
        1.0,
        1.680894421518092,
        1.2124663272405214,
        0.47587121759521134,
        0.1039336336839307,
        0.010633826997160164,
    ),
    15.0,
)
_GAUSSIAN_TAIL_FLOAT64 = (
    (
        0.5,
        0.6618734210114466,
        0.4369725282134941,
        0.18114927666439135,
        0.050885897107546055,
        0.009860434043318152,
        0.001286240106703899,
        0.00010362990481713405,
        3.982430342839124e-06,
    ),
    (
        1.0,
        2.1216314028257606,
        2.0667619964561204,
        1.2164818600108802,
        0.4782752039230281,
        0.13075588044383096,
        0.02497622105249817,
        0.003234107649634452,
        0.0002597616653337593,
        9.982472312772557e-06,
    ),
    8.5,
)
#: P, Q and the end of the fitted range, by dtype.
_GAUSSIAN_TAIL = {
    np.dtype(np.float32): _GAUSSIAN_TAIL_FLOAT32,
    np.dtype(np.float64): _GAUSSIAN_TAIL_FLOAT64,
}
#: |x| beyond which Phi(-|x|) underflows to 0 (float32: fit range; float64: exp(-800)).
_GAUSSIAN_TAIL_END = {np.dtype(np.float32): 15.0, np.dtype(np.float64): 40.0}
#: Bytes per block: a block and its few temporaries stay in the processor's caches.
_BLOCK_BYTES = 2**18


def _gaussian(a: np.ndarray) -> np.ndarray:
    """``exp(-a**2 / 2)`` for ``0 <= a <= 40``, without the rounding error of ``a**2``.

    Rounding ``a**2`` costs a relative error of up to ``a**2 eps / 2`` after ``exp``
    (1e-13 at ``a = 38`` in float64, 5e-6 at ``a = 13`` in float32). For float32 the
    square is exact in float64, where ``exp`` is evaluated and then rounded once. For
    float64, split ``a = hi + lo`` with ``hi`` of half the significand's bits
    (Veltkamp): ``hi**2 / 2`` is exact, and ``exp(-a**2 / 2) = exp(-hi**2 / 2)
    exp(-lo (a + hi) / 2)``, whose second argument is small enough that its rounding
    does not matter.
    """
    if a.dtype == np.float32:
        wide = a.astype(np.float64)
        np.square(wide, out=wide)
        wide *= -0.5
        return np.exp(wide, out=wide).astype(np.float32)
    hi, lo = _split(a)
    exact = np.exp(np.multiply(hi, hi) * -0.5)
    return np.multiply(exact, np.exp(lo * (a + hi) * -0.5), out=exact)


def _gaussian_tail(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``a = min(|x|, end)``, ``S(a)`` and ``exp(-a**2 / 2)`` for a float32/64 block.

    ``Phi(-a) = S(a) exp(-a**2 / 2)``; ``Phi(x)`` is that for ``x < 0`` and ``1 - Phi(-a)``
    for ``x >= 0``. The factors are kept apart so that the callers can multiply the
    Gaussian in last: a small result then has the accuracy of its own exponent.
    """
    end = _GAUSSIAN_TAIL_END[x.dtype]
    numerator, denominator, fitted = _GAUSSIAN_TAIL[x.dtype]
    a = np.minimum(np.abs(x), x.dtype.type(end))
    inside = a if fitted == end else np.minimum(a, x.dtype.type(fitted))
    ratio = _horner(inside, numerator)
    np.divide(ratio, _horner(inside, denominator), out=ratio)
    if fitted < end:
        far = np.flatnonzero(a > fitted)
        if far.size:
            ratio[far] = special.erfcx(a[far] * _INV_SQRT_2) * 0.5
    return a, ratio, _gaussian(a)


def _gelu_block(x: np.ndarray, out: np.ndarray) -> None:
    """``x Phi(x) = max(x, 0) - |x| Phi(-|x|)`` into ``out``: exact in both halves.

    For ``x < 0`` this is ``-|x| Phi(-|x|)``; for ``x >= 0`` it is ``x - x (1 - Phi(x))``.
    ``|x|`` is clipped where ``Phi(-|x|)`` is 0, so ``±inf`` never meets ``inf * 0``.
    """
    a, tail, gaussian = _gaussian_tail(x)
    tail *= a
    tail *= gaussian  # |x| Phi(-|x|)
    np.maximum(x, x.dtype.type(0), out=out)
    np.subtract(out, tail, out=out)
    # x Phi(x) has the sign of x: an underflowed negative value is -0.0, as in PyTorch's
    # x * Phi(x), not the +0.0 the subtraction leaves (one pass over a cached block).
    np.copysign(out, x, out=out)


def _gelu_derivative_block(x: np.ndarray, out: np.ndarray) -> None:
    """``Phi(x) + x phi(x)`` into ``out`` as ``u + [x >= 0] (1 - 2u)``.

    ``u = Phi(-|x|) - |x| phi(x) = (S(|x|) - |x| / sqrt(2 pi)) exp(-x**2 / 2)`` is the value
    for ``x < 0``, and ``1 - u`` the value for ``x >= 0``; the boolean is a 0/1 factor
    (vectorised, where a masked copy is not).
    """
    a, u, gaussian = _gaussian_tail(x)
    a *= x.dtype.type(-_INV_SQRT_2PI)
    u += a
    u *= gaussian
    np.multiply(u, x.dtype.type(-2), out=out)
    out += 1
    out *= x >= 0
    out += u


def _by_blocks(
    block_kernel: Callable[[np.ndarray, np.ndarray], None],
    x: np.ndarray,
    out: np.ndarray | None,
    work_itemsize: int | None = None,
) -> np.ndarray:
    """Apply ``block_kernel(x_block, out_block)`` to cache-sized pieces of ``x``.

    A formula of about thirty passes over a 40 MB array moves some 2.4 GB through
    memory; over blocks of 256 kB the temporaries stay in the caches and only ``x`` and
    the result travel. ``out`` (if given) must not overlap ``x``. A kernel whose
    temporaries are wider than ``x`` (float64 for float32 input) names their item size,
    ``work_itemsize``, so that they too stay within :data:`_BLOCK_BYTES`.
    """
    result = out if out is not None and out.flags.c_contiguous else np.empty(x.shape, x.dtype)
    source, target = np.ascontiguousarray(x).reshape(-1), result.reshape(-1)
    step = _BLOCK_BYTES // (work_itemsize or x.dtype.itemsize)
    for start in range(0, source.size, step):
        block_kernel(source[start : start + step], target[start : start + step])
    return result if out is None or result is out else _into(out, result)


@_accepts_out
def gelu(x: Any, *, approximate: str = "none", out: np.ndarray | None = None) -> np.ndarray:
    """Gaussian error linear unit ``x * Phi(x)``, ``Phi`` the standard normal CDF.

    ``Phi(x)`` is computed from its tail ``Phi(-|x|) = exp(-x**2 / 2) S(|x|)`` (see the
    comment above :data:`_GAUSSIAN_TAIL_FLOAT32`): for negative ``x`` the textbook
    ``x/2 * (1 + erf(x/sqrt(2)))`` subtracts nearly equal numbers, this form does not,
    and it keeps full relative accuracy down to where the result underflows (near
    ``x = -13.5`` in float32, ``-38.5`` in float64). float16 is computed in float32.
    The limit at ``-inf`` is 0 (``x * Phi(x)`` decays like a Gaussian).

    Parameters
    ----------
    x : array_like
        Input.
    approximate : {"none", "tanh"}
        ``"tanh"`` gives :func:`gelu_tanh`, as PyTorch's argument of the same name.
    out : ndarray, optional
        Receives the result (see the module's conventions).

    Raises
    ------
    ValueError
        If ``approximate`` is neither ``"none"`` nor ``"tanh"``.
    """
    if _gelu_is_tanh(approximate):
        return gelu_tanh(x, out=out)
    x = as_float_array(x)
    if x.dtype == np.float16:
        return _into(out, gelu(x.astype(np.float32)).astype(np.float16))
    return _by_blocks(_gelu_block, x, out)


@_accepts_out
def gelu_derivative(
    x: Any, *, approximate: str = "none", out: np.ndarray | None = None
) -> np.ndarray:
    """``Phi(x) + x * phi(x)``, with ``phi`` the standard normal density.

    ``Phi`` as in :func:`gelu`; ``phi(x) = exp(-x**2 / 2) / sqrt(2 pi)`` shares its
    Gaussian. Limits: 0 at ``-inf``, 1 at ``+inf``.

    Raises
    ------
    ValueError
        If ``approximate`` is neither ``"none"`` nor ``"tanh"``.
    """
    if _gelu_is_tanh(approximate):
        return gelu_tanh_derivative(x, out=out)
    x = as_float_array(x)
    if x.dtype == np.float16:
        return _into(out, gelu_derivative(x.astype(np.float32)).astype(np.float16))
    return _by_blocks(_gelu_derivative_block, x, out)


def _gelu_is_tanh(approximate: str) -> bool:
    if approximate not in ("none", "tanh"):
        raise ValueError(f"parameter 'approximate' must be 'none' or 'tanh', got {approximate!r}")
    return approximate == "tanh"


def _gelu_tanh_argument(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``2u = x (c + c k x**2)`` (into ``out``), ``c = 2 sqrt(2/pi)``, ``k = 0.044715``."""
    c = 2 * _SQRT_2_OVER_PI  # the constants multiplied out: four passes instead of five
    two_u = np.square(x, out=_output(x, out))
    np.multiply(two_u, x.dtype.type(c * GELU_TANH_COEFFICIENT), out=two_u)
    np.add(two_u, x.dtype.type(c), out=two_u)
    return np.multiply(two_u, x, out=two_u)


def _gelu_tanh_clip(x: np.ndarray) -> np.ndarray:
    # x**3 must stay finite; at cbrt(max)/2 the gate is already exactly 0 or 1.
    return _clip(x, float(np.finfo(x.dtype).max) ** (1 / 3) / 2)


@_accepts_out
def gelu_tanh(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """GELU's tanh approximation ``x/2 (1 + tanh(u))``, ``u = sqrt(2/pi)(x + 0.044715x³)``.

    Computed as ``x * sigmoid(2u)``, the same number since ``1 + tanh(u) = 2
    sigmoid(2u)``, without the cancellation of ``1 + tanh(u)`` for negative ``x``.
    The limit at ``-inf`` is 0.
    """
    x = as_float_array(x)
    clipped = _gelu_tanh_clip(x)
    gate = _gelu_tanh_argument(clipped, out)
    _sigmoid_into(gate, out=gate, scratch=clipped)  # reuse our buffers: no fresh arrays
    return np.multiply(gate, _no_minus_inf(x, out=clipped), out=gate)


@_accepts_out
def gelu_tanh_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``sigmoid(2u) + x * 2u' * sigmoid'(2u)`` with ``2u' = 2 sqrt(2/pi)(1 + 3*0.044715x²)``.

    With ``e = exp(-|2u|)`` and ``p = 1 + e`` the two sigmoid terms are
    ``exp(min(2u, 0)) / p`` and ``e / p**2``, as in :func:`silu_derivative`.
    Limits: 0 at ``-inf``, 1 at ``+inf``.
    """
    x = _gelu_tanh_clip(as_float_array(x))
    two_u = _gelu_tanh_argument(x, out)
    c = 2 * _SQRT_2_OVER_PI
    slope = np.square(x, out=np.empty_like(x))  # x 2u' = x (c + 3 c k x**2)
    np.multiply(slope, x.dtype.type(3 * c * GELU_TANH_COEFFICIENT), out=slope)
    np.add(slope, x.dtype.type(c), out=slope)
    np.multiply(slope, x, out=slope)
    e = _exp_neg_abs(two_u, out=x)  # x (our clipped copy) is no longer needed
    result = np.minimum(two_u, x.dtype.type(0), out=two_u)  # nor is 2u after this
    np.exp(result, out=result)
    np.multiply(slope, e, out=slope)
    p = np.add(e, 1, out=e)
    np.divide(result, p, out=result)  # sigmoid(2u)
    np.divide(slope, p, out=slope)
    np.divide(slope, p, out=slope)  # x 2u' sigmoid'(2u), dividing twice: no p**2
    return np.add(result, slope, out=result)


@_accepts_out
def quick_gelu(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Quick GELU ``x * sigmoid(1.702 x)``: SiLU with ``beta = 1.702``, see :func:`silu`.

    To three decimals, 1.702 is the scale ``k`` that brings ``sigmoid(k x)`` closest to
    ``Phi(x)`` in the largest difference, so this is GELU with its Gaussian CDF replaced
    by a logistic one: one ``exp`` instead of ``erfc``. The limit at ``-inf`` is 0.
    """
    return silu(x, beta=QUICK_GELU_SCALE, out=out)


@_accepts_out
def quick_gelu_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Derivative of :func:`quick_gelu`: :func:`silu_derivative` at ``beta = 1.702``."""
    return silu_derivative(x, beta=QUICK_GELU_SCALE, out=out)


@_accepts_out
def silu(x: Any, *, beta: float, out: np.ndarray | None = None) -> np.ndarray:
    """SiLU / swish ``x * sigmoid(beta * x)``; ``beta = 1`` is PyTorch's ``SiLU``.

    Limits: 0 at ``-inf`` for ``beta > 0`` (the gate closes faster than ``x`` grows),
    ``-inf`` for ``beta = 0`` where the unit is ``x / 2``.
    """
    x = as_float_array(x)
    if beta == 0:
        return np.multiply(x, x.dtype.type(0.5), out=_output(x, out))
    gate = _output(x, out)
    with np.errstate(over="ignore"):  # beta x overflowing to ±inf still gives gate 0 or 1
        np.multiply(x, x.dtype.type(beta), out=gate)
    scratch = np.empty_like(x)  # one buffer for the sigmoid's denominator, then for x
    _sigmoid_into(gate, out=gate, scratch=scratch)
    return np.multiply(gate, _no_minus_inf(x, out=scratch), out=gate)


@_accepts_out
def silu_derivative(x: Any, *, beta: float, out: np.ndarray | None = None) -> np.ndarray:
    """``sigmoid(bx) + bx * sigmoid'(bx)`` with ``b = beta``; 1/2 everywhere for ``beta = 0``.

    With ``e = exp(-|bx|)`` and ``p = 1 + e``, ``sigmoid(bx) = exp(min(bx, 0)) / p``
    (:func:`sigmoid`) and ``sigmoid'(bx) = e / p**2`` (:func:`sigmoid_derivative`), so
    the derivative is ``(exp(min(bx, 0)) + bx e / p) / p``: one pass per operation,
    sharing ``e`` and ``p``. Limits: 0 at ``-inf``, 1 at ``+inf`` (for ``beta > 0``).
    """
    x = as_float_array(x)
    if beta == 0:
        return _keep_nan(_filled(x, 0.5, out), x)
    bx = _clip_for_product(x, beta)
    np.multiply(bx, x.dtype.type(beta), out=bx)
    e = _exp_neg_abs(bx, out=out)
    p = np.add(e, 1, out=np.empty_like(e))
    d = np.multiply(e, bx, out=e)
    np.divide(d, p, out=d)
    numerator = np.minimum(bx, x.dtype.type(0), out=bx)  # bx is no longer needed
    np.add(d, np.exp(numerator, out=numerator), out=d)
    return np.divide(d, p, out=d)


@_accepts_out
def mish(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Mish ``x * tanh(softplus(x))``, with a single ``exp``.

    The limit at ``-inf`` is 0.
    """
    x = as_float_array(x)
    # t = tanh(softplus(x)) = n / (n + 2) with n = w (w + 2), w = exp(x). Above the cap
    # t rounds to 1 (1 - t is about 2 exp(-2x)), and w**2 stays finite (float16 too).
    cap = x.dtype.type(5 if x.dtype == np.float16 else 20)
    w = np.minimum(x, cap, out=np.empty_like(x))
    np.exp(w, out=w)
    n = np.add(w, 2, out=_output(x, out))
    np.multiply(n, w, out=n)
    np.add(n, 2, out=w)  # w is no longer needed: reuse it for n + 2
    np.divide(n, w, out=n)
    return np.multiply(n, _no_minus_inf(x), out=n)


@_accepts_out
def mish_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``t + x (1 - t**2) sigmoid(x)`` with ``t = tanh(softplus(x))``.

    With ``w = exp(x)`` and ``n = w (w + 2)`` (as in :func:`mish`): ``t = n / (n + 2)``,
    ``1 - t**2 = 4 (w + 1)**2 / (n + 2)**2`` and ``sigmoid(x) = w / (w + 1)``, so the
    derivative is ``(n + 4 x w (w + 1) / (n + 2)) / (n + 2)``: one ``exp`` and no
    selection between cases. Above ``x = 21`` the true value, about
    ``1 + (4x - 2) exp(-2x)``, rounds to 1 in float32 and float64, so ``x`` is capped
    there (keeping ``n`` finite); float16, whose range cannot hold ``n``, is computed in
    float32 and rounded. Limits: 0 at ``-inf``, 1 at ``+inf``.
    """
    x = as_float_array(x)
    if x.dtype == np.float16:
        return _into(out, mish_derivative(x.astype(np.float32)).astype(np.float16))
    lowest = x.dtype.type(np.finfo(x.dtype).min)  # -inf -> -max: -max * w = -0, not NaN
    x = np.clip(x, lowest, x.dtype.type(21), out=_output(x, out))
    w = np.exp(x, out=np.empty_like(x))
    n = np.add(w, 2, out=np.empty_like(x))
    np.multiply(n, w, out=n)
    denominator = np.add(n, 2, out=np.empty_like(x))
    # The second term, 4 x w (w + 1) / (n + 2), in the capped x's buffer; dividing before
    # multiplying by w + 1 keeps every intermediate well inside the float range.
    second = np.multiply(x, w, out=x)
    np.divide(second, denominator, out=second)
    np.multiply(second, np.add(w, 1, out=w), out=second)
    np.multiply(second, 4, out=second)
    np.add(second, n, out=second)
    return np.divide(second, denominator, out=second)


# -- softplus and friends -------------------------------------------------------------------
@_accepts_out
def softplus(x: Any, *, beta: float, threshold: float, out: np.ndarray | None = None) -> np.ndarray:
    """``log(1 + exp(beta x)) / beta``, and exactly ``x`` where ``beta * x > threshold``.

    The threshold rule is PyTorch's (defaults ``beta = 1``, ``threshold = 20``): there the
    true value differs from ``x`` by less than ``exp(-threshold) / beta``, which is below
    float32's resolution. Elsewhere ``log1p(exp(z)) = max(z, 0) + log1p(exp(-|z|))``
    keeps ``exp`` from overflowing.
    """
    x = as_float_array(x)
    b = x.dtype.type(beta)
    bx = _clip_for_product(x, beta)
    np.multiply(bx, b, out=bx)
    smooth = _exp_neg_abs(bx, out=out)
    np.log1p(smooth, out=smooth)
    np.divide(smooth, b, out=smooth)
    # Dropping the log1p term where beta x > threshold (> 0, so there max(x, 0) = x) by
    # a boolean 0/1 factor: arithmetic vectorises, a copy under a mask does not.
    np.multiply(smooth, bx <= x.dtype.type(threshold), out=smooth)
    return np.add(smooth, np.maximum(x, x.dtype.type(0)), out=smooth)


@_accepts_out
def softplus_derivative(
    x: Any, *, beta: float, threshold: float, out: np.ndarray | None = None
) -> np.ndarray:
    """``sigmoid(beta x)``, and exactly 1 where ``beta * x > threshold`` (as the function)."""
    x = as_float_array(x)
    bx = _clip_for_product(x, beta, out)
    np.multiply(bx, x.dtype.type(beta), out=bx)
    t = x.dtype.type(threshold)
    above = bx > t
    # sigmoid(bx) [bx <= threshold] + [bx > threshold], with booleans as 0/1 factors.
    result = _sigmoid_into(bx, out=bx)  # bx is our own copy
    np.multiply(result, ~above, out=result)
    return np.add(result, above, out=result)


@_accepts_out
def softsign(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``x / (1 + |x|)``. Limits ±1 at ±inf (where the formula would give ``inf / inf``)."""
    x = _clip_for_product(as_float_array(x), out=out)  # ±inf -> ±max, and max / (1 + max) = 1
    denominator = np.abs(x, out=np.empty_like(x))
    np.add(denominator, 1, out=denominator)
    return np.divide(x, denominator, out=x)


@_accepts_out
def softsign_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1 / (1 + |x|)**2``, squared after the division so that nothing overflows."""
    x = as_float_array(x)
    r = np.abs(x, out=_output(x, out))
    np.add(r, 1, out=r)
    np.reciprocal(r, out=r)
    return np.square(r, out=r)


@_accepts_out
def squareplus(x: Any, *, b: float) -> np.ndarray:
    """Squareplus ``(x + sqrt(x**2 + b)) / 2``, an algebraic softplus.

    With ``s = hypot(x, sqrt(b))`` (no overflow of ``x**2``) and ``h = s/2 + |x|/2``
    the value is ``h`` for ``x >= 0`` and ``(b/4) / h`` for ``x < 0``; the second form
    is the first multiplied by ``(s - x)/(s - x)`` and avoids the cancellation of
    ``x + s``. Limits: 0 at ``-inf``, ``+inf`` at ``+inf``.
    """
    x = as_float_array(x)
    h = _squareplus_half_sum(x, b)
    low = np.divide(x.dtype.type(b / 4), h)
    return np.where(x >= 0, h, low)


def _squareplus_half_sum(x: np.ndarray, b: float) -> np.ndarray:
    s = np.hypot(x, x.dtype.type(math.sqrt(b)), out=np.empty_like(x))
    np.multiply(s, 0.5, out=s)
    half = np.abs(x, out=np.empty_like(x))
    np.multiply(half, 0.5, out=half)
    return np.add(s, half, out=s)


@_accepts_out
def squareplus_derivative(x: Any, *, b: float) -> np.ndarray:
    """``(1 + x / sqrt(x**2 + b)) / 2``, computed as ``squareplus(x) / sqrt(x**2 + b)``.

    Both are ``(x + s) / (2s)``; the quotient form inherits the accurate value for
    negative ``x``. Limits: 0 at ``-inf``, 1 at ``+inf``.
    """
    x = _clip_for_product(as_float_array(x))  # +inf would give inf / inf
    value = squareplus(x, b=b)
    s = np.hypot(x, x.dtype.type(math.sqrt(b)), out=np.empty_like(x))
    return np.divide(value, s, out=value)


@_accepts_out
def isru(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """Inverse square root unit ``x / sqrt(1 + alpha x**2)``, saturating at ±1/sqrt(alpha).

    ``sqrt(1 + alpha x**2)`` is ``hypot(1, sqrt(alpha) x)``, which never overflows.
    """
    root = math.sqrt(alpha)
    x = _clip_for_product(as_float_array(x), root)  # ±inf -> large: gives ±1/sqrt(alpha)
    denominator = np.multiply(x, x.dtype.type(root), out=_output(x, out))
    np.hypot(denominator, 1, out=denominator)
    return np.divide(x, denominator, out=denominator)


@_accepts_out
def isru_derivative(x: Any, *, alpha: float, out: np.ndarray | None = None) -> np.ndarray:
    """``(1 + alpha x**2) ** (-3/2)``, as the cube of ``1 / hypot(1, sqrt(alpha) x)``."""
    root = math.sqrt(alpha)
    x = _clip_for_product(as_float_array(x), root)
    r = np.multiply(x, x.dtype.type(root), out=x)
    np.hypot(r, 1, out=r)
    np.reciprocal(r, out=r)
    cube = np.square(r, out=_output(r, out))
    return np.multiply(cube, r, out=cube)


@_accepts_out
def bent_identity(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Bent identity ``(sqrt(x**2 + 1) - 1) / 2 + x``.

    ``sqrt(x**2 + 1) - 1 = x q`` with ``q = x / (hypot(x, 1) + 1)`` in ``(-1, 1)``, so the
    value is ``x (1 + q/2)``: no cancellation near 0 and no overflow of ``x**2``.
    """
    x = as_float_array(x)
    q = _clip_for_product(x, out=out)  # ±inf -> ±max keeps q = ±1 instead of inf / inf
    denominator = np.hypot(q, 1, out=np.empty_like(q))
    np.add(denominator, 1, out=denominator)
    np.divide(q, denominator, out=q)
    np.multiply(q, 0.5, out=q)
    np.add(q, 1, out=q)
    # Above max / 1.5 the true value exceeds the largest float: inf is the right answer.
    with np.errstate(over="ignore"):
        return np.multiply(q, x, out=q)


@_accepts_out
def bent_identity_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1 + x / (2 sqrt(x**2 + 1))``, between 1/2 and 3/2. Limits 1/2 and 3/2 at ±inf."""
    x = _clip_for_product(as_float_array(x))
    d = np.hypot(x, 1, out=_output(x, out))
    np.divide(x, d, out=d)
    np.multiply(d, 0.5, out=d)
    return np.add(d, 1, out=d)


@_accepts_out
def arctan(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Inverse tangent, range ``(-pi/2, pi/2)``."""
    x = as_float_array(x)
    return np.arctan(x, out=_output(x, out))


@_accepts_out
def arctan_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``1 / (1 + x**2)``, computed as ``(1 / hypot(1, x))**2`` so that nothing overflows."""
    x = as_float_array(x)
    r = np.hypot(x, 1, out=_output(x, out))
    np.reciprocal(r, out=r)
    return np.square(r, out=r)


# -- hard (piecewise-linear) approximations -------------------------------------------------------
@_accepts_out
def hard_sigmoid(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``relu6(x + 3) / 6``: PyTorch's and Keras 3's hard sigmoid, 0 below -3, 1 above 3.

    ``(x + 3) / 6`` rather than ``x / 6 + 1/2``: near ``x = -3`` the sum is exact, the
    second form would cancel.
    """
    x = as_float_array(x)
    t = np.add(x, x.dtype.type(3), out=_output(x, out))
    np.clip(t, x.dtype.type(0), x.dtype.type(6), out=t)
    return np.divide(t, x.dtype.type(6), out=t)


@_accepts_out
def hard_sigmoid_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """1/6 strictly inside ``(-3, 3)``, else 0; 0 at both kinks (PyTorch)."""
    x = as_float_array(x)
    return _mask((x > -3) & (x < 3), x, 1 / 6, out=out)


@_accepts_out
def hard_sigmoid_legacy(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """The old Keras hard sigmoid ``clip(0.2 x + 0.5, 0, 1)``: 0 below -2.5, 1 above 2.5.

    Computed as ``clip(x + 2.5, 0, 5) / 5``, the same function without cancellation
    near ``x = -2.5``.
    """
    x = as_float_array(x)
    t = np.add(x, x.dtype.type(2.5), out=_output(x, out))
    np.clip(t, x.dtype.type(0), x.dtype.type(5), out=t)
    return np.divide(t, x.dtype.type(5), out=t)


@_accepts_out
def hard_sigmoid_legacy_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """0.2 on the closed interval ``[-2.5, 2.5]``, else 0.

    At the kinks this follows the framework the function comes from: TensorFlow's
    gradient of ``clip_by_value`` passes the gradient through where the clipped value
    equals a bound, so the slope at ``±2.5`` is 0.2.
    """
    x = as_float_array(x)
    return _mask((x >= -2.5) & (x <= 2.5), x, 0.2, out=out)


@_accepts_out
def hard_swish(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """Hard swish ``x * relu6(x + 3) / 6`` (MobileNetV3). The limit at ``-inf`` is 0.

    The gate ``relu6(x + 3) / 6`` is formed first so that ``x * 6`` never overflows.
    """
    x = as_float_array(x)
    gate = hard_sigmoid(x, out=out)
    return np.multiply(gate, _no_minus_inf(x), out=gate)


@_accepts_out
def hard_swish_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """0 for ``x <= -3``, ``(2x + 3) / 6`` strictly between, 1 for ``x >= 3`` (PyTorch).

    At ``x = -3`` PyTorch gives 0 (the left slope) and at ``x = 3`` it gives 1 (the
    right slope), so the derivative jumps at both kinks. ``(2x + 3) / 6`` equals
    PyTorch's ``x/3 + 1/2`` but stays accurate near its zero at ``x = -1.5``.
    """
    x = _clip(as_float_array(x), 4)  # beyond ±3 only the sign matters; no ±inf * 0
    # (x + 1.5) / 3 is (2x + 3) / 6 with one rounding fewer; x + 1.5 is exact near -1.5.
    d = np.add(x, x.dtype.type(1.5), out=_output(x, out))
    np.divide(d, x.dtype.type(3), out=d)
    # d * [|x| < 3] + [x >= 3] with boolean masks as 0/1 factors: arithmetic vectorises,
    # a copy under a data-dependent mask does not. NaN in d stays NaN.
    above = x >= 3
    inside = np.abs(x, out=x) < 3  # x is our clipped copy: reuse its memory
    np.multiply(d, inside, out=d)
    return np.add(d, above, out=d)


@_accepts_out
def softshrink(x: Any, *, lambd: float, out: np.ndarray | None = None) -> np.ndarray:
    """Soft thresholding: ``x - lambd`` above ``lambd``, ``x + lambd`` below ``-lambd``, else 0.

    Written as ``x - clip(x, -lambd, lambd)``. The parameter is called ``lambd``
    because ``lambda`` is a Python keyword (PyTorch's name too).

    Raises
    ------
    ValueError
        If ``lambd < 0``.
    """
    _check_shrink_lambda(lambd)
    x = as_float_array(x)
    inner = np.clip(x, x.dtype.type(-lambd), x.dtype.type(lambd), out=_output(x, out))
    return np.subtract(x, inner, out=inner)


@_accepts_out
def softshrink_derivative(x: Any, *, lambd: float, out: np.ndarray | None = None) -> np.ndarray:
    """1 for ``|x| > lambd``, else 0; 0 at the kinks ``±lambd`` (PyTorch).

    Raises
    ------
    ValueError
        If ``lambd < 0``.
    """
    _check_shrink_lambda(lambd)
    x = as_float_array(x)
    return _mask(np.abs(x) > lambd, x, out=out)


@_accepts_out
def hardshrink(x: Any, *, lambd: float, out: np.ndarray | None = None) -> np.ndarray:
    """Hard thresholding: ``x`` where ``|x| > lambd``, else 0 (also at ``|x| = lambd``).

    Raises
    ------
    ValueError
        If ``lambd < 0``.
    """
    _check_shrink_lambda(lambd)
    x = as_float_array(x)
    # x * [|x| > lambd] with the boolean as a 0/1 factor: NaN fails the test and stays
    # NaN (NaN * 0 is NaN); ±inf passes it, so inf * 0 never happens.
    return np.multiply(x, np.abs(x) > lambd, out=_output(x, out))


@_accepts_out
def hardshrink_derivative(x: Any, *, lambd: float, out: np.ndarray | None = None) -> np.ndarray:
    """1 for ``|x| > lambd``, else 0; at the jumps ``±lambd`` it is 0 (PyTorch).

    Away from ``±lambd`` both shrinks have slope 1 outside and 0 inside, and both take 0
    at ``±lambd``, so this is :func:`softshrink_derivative`.

    Raises
    ------
    ValueError
        If ``lambd < 0``.
    """
    return softshrink_derivative(x, lambd=lambd, out=out)


def _check_shrink_lambda(lambd: float) -> None:
    if not lambd >= 0:
        raise ValueError(f"parameter 'lambd' must be non-negative, got {lambd!r}")


# -- bumps: Gaussian and sinc --------------------------------------------------------------------
def _gaussian_clip(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    # x * x must stay finite; exp(-x * x) is exactly 0 long before sqrt(max) / 2.
    return _clip(x, math.sqrt(float(np.finfo(x.dtype).max)) / 2, out)


@_accepts_out
def gaussian(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """The Gaussian bump ``exp(-x**2)`` of radial-basis networks; 0 at ±inf."""
    x = _gaussian_clip(as_float_array(x), out)
    np.multiply(x, x, out=x)
    np.negative(x, out=x)
    return np.exp(x, out=x)


@_accepts_out
def gaussian_derivative(x: Any, *, out: np.ndarray | None = None) -> np.ndarray:
    """``-2x exp(-x**2)``; 0 at ±inf."""
    x = _gaussian_clip(as_float_array(x))
    d = gaussian(x, out=out)
    np.multiply(d, x, out=d)
    return np.multiply(d, -2, out=d)


def _reduce_half_turns(x: np.ndarray) -> np.ndarray:
    """``r = x - 2 round(x / 2)`` in ``[-1, 1]``, exactly, so ``sin(pi x) = sin(pi r)``.

    Every float beyond ``2**(mantissa bits + 1)`` is an even integer, so clipping there
    changes nothing and turns ±inf into a finite number.
    """
    x = _clip(x, 2.0 ** (np.finfo(x.dtype).nmant + 1))
    turns = np.multiply(x, 0.5, out=np.empty_like(x))
    np.rint(turns, out=turns)
    np.multiply(turns, 2, out=turns)
    return np.subtract(x, turns, out=x)


def _sinpi(r: np.ndarray) -> np.ndarray:
    """``sin(pi r)`` for ``r`` in ``[-1, 1]``, exact zeros at the integers.

    ``pi * x`` for large ``x`` carries the rounding error of ``pi`` times ``x``: the
    reduction to ``|r| <= 1/2`` (``sin(pi r) = sin(pi (1 - r))``, exact subtraction) is
    what keeps full relative accuracy near every zero of ``sin``.
    """
    magnitude = np.abs(r, out=np.empty_like(r))
    folded = np.subtract(1, magnitude, out=np.empty_like(r))
    np.minimum(folded, magnitude, out=folded)  # |r| up to 1/2, 1 - |r| beyond
    np.copysign(folded, r, out=folded)
    np.multiply(folded, np.pi, out=folded)
    return np.sin(folded, out=folded)


def _cospi(r: np.ndarray) -> np.ndarray:
    """``cos(pi r)`` for ``r`` in ``[-1, 1]``, as ``sin(pi (1/2 - |r|))`` away from 0."""
    magnitude = np.abs(r, out=np.empty_like(r))
    near_zero = np.cos(np.multiply(magnitude, np.pi))
    shifted = np.subtract(0.5, magnitude, out=magnitude)  # exact for |r| >= 1/4
    np.multiply(shifted, np.pi, out=shifted)
    np.sin(shifted, out=shifted)
    return np.where(np.abs(r) < 0.25, near_zero, shifted)


def _sinc_is_one(x: np.ndarray) -> np.ndarray:
    # Below sqrt(eps)/4, 1 - (pi x)**2/6 rounds to 1: this also covers x = 0 (0/0).
    return np.abs(x) < math.sqrt(float(np.finfo(x.dtype).eps)) / 4


@_accepts_out
def sinc(x: Any) -> np.ndarray:
    """Normalised sinc ``sin(pi x) / (pi x)``, 1 at ``x = 0``, exact zeros at the integers.

    The limit at ±inf is 0.
    """
    x = as_float_array(x)
    result = np.ones_like(x)
    numerator = _sinpi(_reduce_half_turns(x))
    np.divide(numerator, np.pi, out=numerator)  # divide twice: pi * x could overflow
    np.divide(numerator, x, out=result, where=~_sinc_is_one(x))
    return result


_SINC_SERIES = (  # d/dz (sin z / z) = z * P(z**2): the Taylor coefficients of P
    -1 / 3,
    1 / 30,
    -1 / 840,
    1 / 45360,
    -1 / 3991680,
    1 / 518918400,
    -1 / 93405312000,
)
_SINC_SERIES_BELOW = 0.25  # in z = pi x


@_accepts_out
def sinc_derivative(x: Any) -> np.ndarray:
    """``(cos(pi x) - sinc(x)) / x``, with a Taylor series where that difference cancels.

    For ``|pi x| < 1/4`` both terms are close to 1 and their difference is about
    ``-(pi x)**2 / 3``: there ``pi * z P(z**2)`` with ``z = pi x`` and seven terms is used.
    The value at 0 is 0 (the peak); the limit at ±inf is 0.
    """
    x = as_float_array(x)
    r = _reduce_half_turns(x)
    result = _cospi(r)
    np.subtract(result, sinc(x), out=result)
    small = np.abs(x) < _SINC_SERIES_BELOW / np.pi
    np.divide(result, x, out=result, where=~small)
    if np.any(small):
        z = _clip(x, _SINC_SERIES_BELOW / np.pi)
        np.multiply(z, np.pi, out=z)
        series = _horner(np.square(z), _SINC_SERIES)
        np.multiply(series, z, out=series)
        np.multiply(series, np.pi, out=series)
        np.copyto(result, series, where=small)
    return result


# -- periodic: sine ------------------------------------------------------------------------------
#: Veltkamp's constant 2**27 + 1: it splits a float64 significand into two halves of at
#: most 26 bits each, whose pairwise products are exact (Dekker 1971).
_VELTKAMP = 134217729.0
#: Below this magnitude sin(e) rounds to e and cos(e) to 1 in float64 (e**2 / 2 < 2**-55).
_TINY_ANGLE = 2.0**-28
_FLOAT_MAX = float(np.finfo(np.float64).max)
#: Dekker's product of x and omega stays finite while |x| * max(omega, 1) is below this.
_DIRECT_BELOW = 2.0**996
#: pi = _PI_PARTS[0] + _PI_PARTS[1] + _PI_PARTS[2] with an error below 2**-113, split as
#: Cody and Waite (1980) do: the first two have at most 30 significant bits, so m * part is
#: exact for every multiple m of 1/2 with |m| < 2**21; the third is the rest, rounded.
#: r = p - m pi then comes out within a few 2**-53 |r| plus 2**-91: no cancellation error.
_PI_PARTS = (
    float.fromhex("0x1.921fb54000000p+1"),
    float.fromhex("0x1.10b4611800000p-29"),
    float.fromhex("0x1.313198a2e0370p-60"),
)
#: Largest |omega x| reduced with _PI_PARTS: |m| stays at most 2**20 + 1/2.
_REDUCTION_BOUND = 2.0**20 * math.pi
#: Taylor coefficients (-1)**n / (2n + 1)! of sin r; on |r| <= pi/2 the first omitted
#: term, (pi/2)**19 / 19!, is 4.4e-14, far below float32's half ulp (3e-8 relative).
_SINE_TAYLOR = tuple((-1) ** n / math.factorial(2 * n + 1) for n in range(9))


def _split(m: Any) -> tuple[Any, Any]:
    """``m = hi + lo`` exactly in float64, ``hi`` with at most 26 significant bits.

    ``m * (2**27 + 1)`` must stay finite (``|m| < 1`` for the sine, ``m <= 40`` for GELU).
    """
    c = m * _VELTKAMP
    hi = c - (c - m)
    return hi, m - hi


def _exact_product(
    x: np.ndarray, omega: float
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    """``omega * x`` exactly, as ``(hi + lo) * 2**doublings``, for finite float64 ``x``.

    ``lo`` is ``None`` where the float product is exact (``omega`` a power of two), and
    ``doublings`` is ``None`` where no product exceeds the largest float. Dekker's
    product needs ``x * (2**27 + 1)`` to stay finite; beyond ``2**996 / omega`` it runs on
    the significands (in ``[0.5, 1)``) and the exponents are added back with ``ldexp``.
    """
    largest = float(np.abs(x).max(initial=0.0))
    significand, exponent = math.frexp(omega)
    if significand == 0.5 and largest * omega <= _FLOAT_MAX:
        return x * omega, None, None
    direct = largest * max(omega, 1.0) < _DIRECT_BELOW
    w_hi, w_lo = _split(omega if direct else significand)
    m, e = (x, None) if direct else np.frexp(x)
    x_hi, x_lo = _split(m)
    p = m * (w_hi + w_lo)
    error = ((x_hi * w_hi - p) + x_lo * w_hi + x_hi * w_lo) + x_lo * w_lo
    if direct:
        return p, error, None
    scale = e + exponent
    # p < 1, so p * 2**1024 is still a float: only larger exponents need doubling.
    doublings = np.maximum(scale - 1024, 0)
    scale -= doublings
    return np.ldexp(p, scale), np.ldexp(error, scale), doublings


def _sine_or_cosine(x: np.ndarray, omega: float, cosine: bool) -> np.ndarray:
    """``sin`` (or ``cos``) of the exact ``omega * x``, a flat float64 array, NaN at ±inf.

    float16 and float32 significands (11 and 24 bits) times ``omega`` rounded to the same
    type fit into float64's 53 bits: one float64 product is exact. float64 needs
    :func:`_exact_product` and ``sin(hi + lo) = sin(hi) cos(lo) + cos(hi) sin(lo)``.
    """
    flat = np.array(x, dtype=np.float64).reshape(-1)  # a copy: x is never written
    infinite = ~np.isfinite(flat)
    any_infinite = bool(infinite.any())  # masked copies are slow: only when needed
    if any_infinite:
        flat[infinite] = 0.0
    # Underflow only happens for |omega x| below 2**-968, where sin is its argument and
    # the parts lost to it (lo, a subnormal sin) are below the result's last bit.
    with np.errstate(under="ignore"):
        result = _sine_or_cosine_finite(flat, x.dtype, omega, cosine)
    if any_infinite:
        result[infinite] = np.nan
    return result


def _sine_or_cosine_finite(
    flat: np.ndarray, dtype: np.dtype, omega: float, cosine: bool
) -> np.ndarray:
    """The body of :func:`_sine_or_cosine` for finite ``flat`` (overwritten)."""
    trig = np.cos if cosine else np.sin
    if dtype != np.float64:
        return trig(np.multiply(flat, float(dtype.type(omega)), out=flat))
    hi, lo, doublings = _exact_product(flat, omega)
    if lo is None and doublings is None:
        return trig(hi)
    sin, cos = np.sin(hi), np.cos(hi)
    if lo is not None:
        sin_lo, cos_lo = lo, 1.0  # |lo| < 2**-28 almost everywhere: sin lo = lo, cos lo = 1
        if float(np.abs(lo).max(initial=0.0)) >= _TINY_ANGLE:
            big = np.abs(lo) >= _TINY_ANGLE
            sin_lo, cos_lo = np.where(big, np.sin(lo), lo), np.where(big, np.cos(lo), 1.0)
        new_sin = sin * cos_lo
        new_sin += cos * sin_lo
        cos *= cos_lo
        cos -= sin * sin_lo
        zero = hi == 0  # sin(-0) = -0, but -0 + 0 = +0: give zeros their sign back
        if zero.any():
            np.copyto(new_sin, hi, where=zero)
        sin = new_sin
    if doublings is not None:
        # Beyond the largest float: sin 2t = 2 sin t cos t, cos 2t = (cos t - sin t)
        # (cos t + sin t), once per halving; each doubles the rounding error of the angle.
        for step in range(int(doublings.max(initial=0))):
            again = doublings > step
            sin, cos = (
                np.where(again, 2 * sin * cos, sin),
                np.where(again, (cos - sin) * (cos + sin), cos),
            )
    return cos if cosine else sin


def _sine_or_cosine_by_blocks(
    x: np.ndarray, omega: float, derivative: bool, out: np.ndarray | None
) -> np.ndarray:
    """:func:`sine` (or its derivative) of float16/32 ``x``, see :func:`_sine_or_cosine_block`."""
    omega = float(x.dtype.type(omega))  # the parameter is cast to the input's dtype
    block_kernel = functools.partial(
        _sine_or_cosine_block, omega=omega, cosine=derivative, scale=omega if derivative else 1.0
    )
    return _by_blocks(block_kernel, x, out, work_itemsize=8)


def _round_into(result: np.ndarray, x: np.ndarray, out: np.ndarray | None) -> np.ndarray:
    """The flat float64 ``result`` in ``x``'s shape and dtype, rounded once (into ``out``)."""
    result = result.reshape(x.shape)
    if out is None:
        return result.astype(x.dtype, copy=False)
    np.copyto(out, result, casting="same_kind")
    return out


def _sine_or_cosine_block(
    x: np.ndarray, out: np.ndarray, *, omega: float, cosine: bool, scale: float
) -> None:
    """``scale * sin(omega x)`` (or ``cos``) of float16/32 ``x`` into ``out``, in float64.

    numpy's float64 ``sin`` costs some twenty times its float32 one, and the float32 one
    would see a rounded product. Here the exact product ``p = omega x`` is reduced by
    hand instead: ``p = m pi + r`` with ``|r| <= pi/2``, ``m = j`` whole for the sine
    and ``m = j + 1/2`` for the cosine, so that ``sin p = (-1)**j sin r`` and
    ``cos p = (-1)**j sin(-r)``. With pi in three parts (:data:`_PI_PARTS`) ``r`` keeps
    float64's relative accuracy even where ``p`` lies close to a multiple of pi, and
    ``sin r`` is a Taylor polynomial (:data:`_SINE_TAYLOR`): some forty cheap vectorised
    passes over one block that stays in the cache, each in place. The float64 result is
    rounded once into ``out``. The rare ``|p|`` beyond :data:`_REDUCTION_BOUND`, ±inf and
    NaN take the general path, :func:`_sine_or_cosine`.
    """
    p = np.multiply(x, omega, dtype=np.float64)  # exact: 24 + 24 bits fit into 53
    lowest, highest = float(p.min(initial=0.0)), float(p.max(initial=0.0))
    in_range = lowest >= -_REDUCTION_BOUND and highest <= _REDUCTION_BOUND  # not if NaN
    if not in_range:
        outside = ~(np.abs(p) <= _REDUCTION_BOUND)
        p[outside] = 0.0
    shift = 0.5 if cosine else 0.0
    j = np.multiply(p, 1 / math.pi)
    j -= shift
    np.rint(j, out=j)
    m = j + shift  # for the sine, + 0.0 turns m = -0 into +0, so r = -0 at p = -0
    # r = p - m pi, in place of p. Where r is small, p and m pi agree to within a
    # factor 2 and their difference is exact: no cancellation error.
    r, scratch = p, np.empty_like(p)
    for part in _PI_PARTS:
        r -= np.multiply(m, part, out=scratch)
    if cosine:
        np.negative(r, out=r)
    # (-1)**j = 1 - 4 (j/2 - floor(j/2)), folded into r since sin is odd.
    sign = np.multiply(j, 0.5, out=m)
    sign -= np.floor(sign, out=scratch)
    sign *= -4.0
    sign += 1.0
    r *= sign
    z = np.multiply(r, r, out=j)
    result = np.multiply(z, _SINE_TAYLOR[-1], out=scratch)
    for coefficient in _SINE_TAYLOR[-2:0:-1]:
        result += coefficient
        result *= z
    result += 1.0
    result *= r
    if scale != 1:
        result *= scale
    if not in_range:
        result[outside] = _sine_or_cosine(x[outside], omega, cosine) * scale
    np.copyto(out, result, casting="same_kind")


@_accepts_out
def sine(x: Any, *, omega_0: float, out: np.ndarray | None = None) -> np.ndarray:
    """``sin(omega_0 x)``, the periodic activation of SIREN, at the exact product.

    Computing ``np.sin(omega_0 * x)`` first rounds the product, an error of up to half a
    unit in its last place, which ``sin`` passes on as an absolute error: up to 1.8e-12
    at ``omega_0 x = 3e4``, and beyond ``2**56`` more than a whole period. Here ``sin`` is
    evaluated at the exact product (see :func:`_exact_product`), so the result is as
    accurate as ``np.sin`` of an exact argument; float16 and float32 reduce the product
    by hand, faster and as accurate (see :func:`_sine_or_cosine_block`). Beyond the
    largest float the product is halved until it fits and the result doubled back,
    losing about one bit per halving (at most ``log2(omega_0) + 1`` of them). ``sin``
    has no limit at ±inf: NaN there, as numpy and PyTorch give.
    """
    x = as_float_array(x)
    if x.dtype != np.float64:
        return _sine_or_cosine_by_blocks(x, omega_0, False, out)
    return _round_into(_sine_or_cosine(x, omega_0, cosine=False), x, out)


@_accepts_out
def sine_derivative(x: Any, *, omega_0: float, out: np.ndarray | None = None) -> np.ndarray:
    """``omega_0 cos(omega_0 x)``, at the exact product as in :func:`sine`; NaN at ±inf."""
    x = as_float_array(x)
    if x.dtype != np.float64:
        return _sine_or_cosine_by_blocks(x, omega_0, True, out)
    result = _sine_or_cosine(x, omega_0, cosine=True)
    np.multiply(result, omega_0, out=result)
    return _round_into(result, x, out)
