"""The numpy activations agree with their SymPy definitions and keep the module's rules.

Every elementwise entry of the registry is tested, so a new entry is covered as soon as
it is registered:

* accuracy: function and derivative against the SymPy expression evaluated with mpmath
  (50 digits, raised until two precisions agree) on a grid including kinks, tails and
  tiny inputs, in float64 at ``rtol = 1e-12``;
* derivatives against central differences, for every value of every parameter grid;
* special inputs (signed zeros, ±inf, NaN, overflow thresholds, subnormals, the largest
  float) in float16/32/64: no floating-point warning, dtype kept, NaN kept, the
  mathematical limit at ±inf, input untouched, result not sharing memory;
* shapes (``()``, ``(0,)``, ``(1, 0, 3)``, non-contiguous views) and integer input;
* the conventions at kinks, and bad parameters raising ``ValueError`` by name.
"""

from __future__ import annotations

import functools
import math

import actbook as ab
import mpmath
import numpy as np
import pytest
import sympy
from actbook.activations import _elementwise as ew

ELEMENTWISE = [a for a in ab.registry() if a.elementwise]
FLOATS = (np.float16, np.float32, np.float64)

# The accuracy bar: a few dozen ulps of float64 (the worst entry measured 5.3e-15,
# Gaussian at x = -20, where x**2 amplifies the rounding of its square by 400).
RTOL = 1e-14
# Results that underflow into the subnormal range keep only absolute accuracy there.
ATOL_SUBNORMAL = 1e-300

_GELU_TAIL = (
    "the Gaussian tail amplifies the rounding of its argument: a relative error d in "
    "x/sqrt(2) (or in u) becomes about x**2 * d in erfc (or 2u * d in the sigmoid), "
    "up to 1.2e-13 at x = -30 before the result underflows"
)
# Looser bars, each with its reason: (name, "value" | "derivative") -> (rtol, why).
LOOSER: dict[tuple[str, str], tuple[float, str]] = {
    ("gelu", "derivative"): (1e-12, "Phi(x) + x phi(x) cancels near its zero at x = -0.75"),
    ("gelu_tanh", "value"): (1e-12, _GELU_TAIL),
    ("gelu_tanh", "derivative"): (1e-12, _GELU_TAIL),
    # 1.702 x is rounded before exp(-1.702|x|) sees it, an error of up to |1.702 x| eps/2
    # relative in the gate's tail: 8.3e-14 at x = -437, where the result nears underflow.
    ("quick_gelu", "value"): (1e-13, "the rounding of 1.702 x, amplified by exp"),
    ("quick_gelu", "derivative"): (1e-13, "the rounding of 1.702 x, amplified by exp"),
}

X = sympy.Symbol("x", real=True)


# -- the mpmath reference -------------------------------------------------------------------
def _settings(activation: ab.Activation) -> list[dict[str, float]]:
    """The defaults, and each parameter at the ends of its explored range."""
    settings = [activation.defaults]
    for p in activation.parameters:
        for value in (p.low, p.high):
            params = {**activation.defaults, p.name: value}
            try:
                activation.resolve(params)
                # Cross-parameter rules (rrelu's lower <= upper) are the function's to check.
                activation(np.zeros(1), **params)
            except ValueError:
                continue
            if params not in settings:
                settings.append(params)
    return settings


@functools.cache
def _reference(name: str, which: str, params: tuple[tuple[str, float], ...]):
    """An mpmath function of ``x`` for the value or derivative of ``name``."""
    activation = ab.get(name)
    values = dict(params)
    if which == "value":
        expr = activation.expression(**values)
    else:
        expr = activation.derivative_expression(**values)
    return sympy.lambdify(activation.symbols()[0], expr, modules="mpmath")


def _evaluate(function, x: float) -> tuple[mpmath.mpf, float]:
    """``function(x)`` at 50 digits or more, and an estimate of its absolute error.

    Cancellation in a definition (``log(1 + exp(-700))``, ``1 + erf(-30)``,
    ``exp(-1e-300) - 1``) can eat as many digits as ``exp(-|x|)`` or ``x`` is small, so
    the working precision starts at 50 digits plus what ``x`` may cost, and is doubled
    until two evaluations agree.
    """
    magnitude = abs(x)
    digits = 50 + 0.45 * min(magnitude, 1000.0)
    if 0 < magnitude < 1:
        digits += -math.log10(magnitude)
    previous = None
    for factor in (1, 2, 4, 8):
        digits_now = int(digits * factor)
        with mpmath.workdps(digits_now):
            value = function(mpmath.mpf(x))
            value = mpmath.mpf(value) if not isinstance(value, mpmath.mpf) else +value
        if previous is not None:
            error = abs(value - previous)
            # Two precisions that agree on a non-zero value settle it; an exact 0 may
            # be a cancellation that more digits would resolve.
            if value != 0 and error <= abs(value) * mpmath.mpf(10) ** -30:
                return value, float(error)
        previous = value
    return value, float(abs(value - previous))  # e.g. sin(pi * 3): exactly 0 is the truth


def _grid() -> np.ndarray:
    tails = [1e-300, 1e-100, 1e-20, 1e-8, 1e-4, 1e-2, 0.1, 0.5, 0.999, 1.001, 2.4999999]
    tails += [2.5, 2.5000001, 2.9999999, 3.0, 3.0000001, 5.9999999, 6.0, 6.0000001, 7.3]
    tails += [12.5, 15.0, 19.5, 19.999999, 20.0, 20.000001, 20.5, 26.0, 30.0, 40.0, 50.0]
    tails += [100.0, 300.0, 700.0, 745.0, 1000.0, 1e5, 1e10, 1e100, 1e300]
    values = np.concatenate([np.linspace(-10, 10, 81), tails, np.negative(tails), [-0.0]])
    return np.unique(values)


GRID = _grid()


def _check_against_reference(activation, which, params):
    function = activation.function if which == "value" else activation.derivative
    got = function(GRID, **params)
    reference = _reference(activation.name, which, tuple(sorted(params.items())))
    rtol = LOOSER.get((activation.name, which), (RTOL, ""))[0]
    failures = []
    for x, y in zip(GRID, got, strict=True):
        exact, error = _evaluate(reference, float(x))
        if abs(exact) > np.finfo(np.float64).max:
            ok = np.isinf(y) and np.sign(y) == mpmath.sign(exact)
        else:
            ok = abs(y - exact) <= rtol * abs(exact) + ATOL_SUBNORMAL + 4 * error
        if not ok:
            failures.append(f"x={x!r}: got {y!r}, exact {mpmath.nstr(exact, 20)}")
    return failures


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
@pytest.mark.parametrize("which", ["value", "derivative"])
def test_matches_sympy_definition(activation, which):
    for params in _settings(activation):
        failures = _check_against_reference(activation, which, params)
        assert failures == [], (params, failures[:8])


# -- central differences --------------------------------------------------------------------
def _breakpoints(expr) -> list[float]:
    """Real ``x`` where a Piecewise condition, Max, Min or Abs switches branch."""
    differences = []
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Piecewise):
            for _, condition in node.args:
                if isinstance(condition, sympy.logic.boolalg.Boolean) and condition not in (
                    sympy.true,
                    sympy.false,
                ):
                    differences += [r.lhs - r.rhs for r in condition.atoms(sympy.Rel)]
        elif isinstance(node, sympy.Max | sympy.Min):
            args = node.args
            differences += [a - b for i, a in enumerate(args) for b in args[i + 1 :]]
        elif isinstance(node, sympy.Abs):
            differences.append(node.args[0])
    points = set()
    for difference in differences:
        points |= _roots(difference)
    return sorted(points)


def _roots(difference) -> set[float]:
    """Real roots of ``difference``; a nested Max/Min is replaced by each argument in turn.

    That gives a superset of the true breakpoints, which is all the callers need.
    """
    nested = [
        n for n in sympy.preorder_traversal(difference) if isinstance(n, sympy.Max | sympy.Min)
    ]
    if nested:
        return set().union(*(_roots(difference.xreplace({nested[0]: a})) for a in nested[0].args))
    return {float(r) for r in sympy.solve(difference, X) if r.is_real}


def _central_difference_points(activation, params) -> np.ndarray:
    expr = activation.expression(**params)
    kinks = _breakpoints(expr) + _breakpoints(activation.derivative_expression(**params))
    points = np.linspace(-7.9, 7.9, 80)
    keep = np.ones(points.shape, dtype=bool)
    for kink in kinks:
        keep &= np.abs(points - kink) > 1e-3
    return points[keep]


def _grid_settings(activation):
    """Each parameter over its ``grid()``, the others at their defaults."""
    settings = [activation.defaults]
    for p in activation.parameters:
        for value in p.grid():
            params = {**activation.defaults, p.name: value}
            if params not in settings:
                settings.append(params)
    return settings


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_derivative_matches_central_differences(activation):
    h = 1e-6
    for params in _grid_settings(activation):
        try:
            activation(np.zeros(1), **params)
        except ValueError:
            continue  # e.g. rrelu with lower > upper: tested below as a bad parameter
        x = _central_difference_points(activation, params)
        numeric = (activation(x + h, **params) - activation(x - h, **params)) / (2 * h)
        analytic = activation.grad(x, **params)
        scale = 1 + np.abs(activation(x, **params))
        np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8 * scale.max())


def test_breakpoints_are_found():
    assert _breakpoints(ab.get("relu6").expression()) == [0.0, 6.0]
    assert sorted(_breakpoints(ab.get("softshrink").expression(lambd=0.5))) == [-0.5, 0.5]
    softplus = ab.get("softplus").expression(beta=2.0, threshold=20.0)
    assert _breakpoints(softplus) == [10.0]


# -- special inputs -------------------------------------------------------------------------
SPECIAL = [0.0, -0.0, 1e-3, 0.25, 1.0, math.pi / 2, 3.0, 6.0, 20.0, 88.0, 89.0, 709.0]
SPECIAL += [710.0, 501.0, 1001.2, 1e20]
SPECIAL = SPECIAL + [-v for v in SPECIAL] + [math.inf, -math.inf, math.nan]


def special_inputs(dtype) -> np.ndarray:
    info = np.finfo(dtype)
    extremes = [info.max, -info.max, info.tiny, -info.tiny]
    extremes += [info.smallest_subnormal, -info.smallest_subnormal]
    with np.errstate(over="ignore"):  # 1e20 and more overflow float16 to inf: fine
        return np.array(SPECIAL + extremes, dtype=dtype)


@functools.cache
def _limit(name: str, sign: int) -> float:
    """The value at ``sign * inf`` from the SymPy definition, evaluated at ±1e400.

    mpmath numbers have unbounded exponents, so ``x = 1e400`` lies beyond every float:
    the definition there, rounded to a double, is the limit the float function owes.
    """
    activation = ab.get(name)
    function = sympy.lambdify(X, activation.expression(**activation.defaults), "mpmath")
    derivative = sympy.lambdify(
        X, activation.derivative_expression(**activation.defaults), "mpmath"
    )
    with mpmath.workdps(60):
        x = sign * mpmath.mpf("1e400")
        return float(function(x)), float(derivative(x))


def _assert_close_in(dtype, got, expected, what):
    if math.isinf(expected):
        assert got == expected, what
    else:
        tolerance = 4 * float(np.finfo(dtype).eps) * abs(expected) + 1e-30
        assert abs(float(got) - expected) <= tolerance, (what, float(got), expected)


# Entries with no limit at ±inf, which return NaN there instead: name -> why.
NO_LIMIT_AT_INFINITY = {
    "sine": "sin(omega_0 x) oscillates for ever and has no limit at ±inf; NaN, as numpy "
    "and PyTorch give",
}


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_special_inputs(activation, dtype):
    x = special_inputs(dtype)
    before = x.copy()
    no_limit = activation.name in NO_LIMIT_AT_INFINITY
    for function in (activation, activation.grad):
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            y = function(x)
        assert isinstance(y, np.ndarray)
        assert y.dtype == dtype
        assert y.shape == x.shape
        assert not np.shares_memory(x, y)
        np.testing.assert_array_equal(x, before)  # input untouched
        expected_nan = np.isnan(x) | (np.isinf(x) if no_limit else False)
        assert np.array_equal(np.isnan(y), expected_nan), x[np.isnan(y) != expected_nan]
    if no_limit:
        return
    for sign, index in ((1, SPECIAL.index(math.inf)), (-1, SPECIAL.index(-math.inf))):
        value, slope = _limit(activation.name, sign)
        _assert_close_in(dtype, activation(x)[index], value, f"value at {sign}inf")
        _assert_close_in(dtype, activation.grad(x)[index], slope, f"derivative at {sign}inf")


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_lower_precision_agrees_with_float64(activation, dtype):
    """On moderate inputs, float16/32 results are float64's rounded, up to a few ulps."""
    x = np.linspace(-8, 8, 161).astype(dtype)
    eps = float(np.finfo(dtype).eps)
    for function in (activation, activation.grad):
        low = function(x).astype(np.float64)
        high = function(x.astype(np.float64))
        # Conditioning: exp(-x**2) at x = 8 amplifies the input's rounding by 2x**2.
        tolerance = 64 * eps * (np.abs(high) + 1) * (1 + x.astype(np.float64) ** 2)
        kinks = _breakpoints(activation.expression(**activation.defaults)) + _breakpoints(
            activation.derivative_expression(**activation.defaults)
        )
        away = np.ones(x.shape, dtype=bool)
        for kink in kinks:
            away &= np.abs(x.astype(np.float64) - kink) > 0.01
        bad = (np.abs(low - high) > tolerance) & away
        assert not bad.any(), (x[bad], low[bad], high[bad])


# -- shapes, dtypes, memory ---------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(), (0,), (1, 0, 3), (2, 3)])
@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_shapes(activation, shape):
    x = np.linspace(-2, 2, math.prod(shape)).reshape(shape)
    for function in (activation, activation.grad):
        y = function(x)
        assert isinstance(y, np.ndarray)
        assert y.shape == shape
        assert y.dtype == np.float64
        assert not np.shares_memory(x, y)


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_non_contiguous_views(activation):
    base = np.linspace(-5, 5, 48).reshape(6, 8)
    for view in (base[::2, 1::3], base.T, base[:, ::-1]):
        assert not view.flags.c_contiguous
        for function in (activation, activation.grad):
            got = function(view)
            np.testing.assert_array_equal(got, function(np.ascontiguousarray(view)))
            assert not np.shares_memory(got, base)


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_integer_and_boolean_input_become_float64(activation):
    for x in (np.arange(-3, 4), np.array([True, False]), [1, 2], 3):
        for function in (activation, activation.grad):
            y = function(x)
            assert y.dtype == np.float64
            np.testing.assert_array_equal(y, function(np.asarray(x, dtype=np.float64)))


def test_complex_input_is_refused():
    with pytest.raises(TypeError, match="real"):
        ew.relu(np.array([1j]))


def test_scalar_results_are_arrays():
    for name in ("relu", "tanh", "sinc", "gelu", "softsign"):
        y = ab.get(name)(0.5)
        assert isinstance(y, np.ndarray) and y.shape == ()


# -- conventions at kinks and limits ------------------------------------------------------------
KINK_DERIVATIVES = [
    ("relu", {}, 0.0, 0.0),
    ("leaky_relu", {}, 0.0, 0.01),
    ("prelu", {}, 0.0, 0.25),
    ("rrelu", {}, 0.0, (1 / 8 + 1 / 3) / 2),
    ("elu", {"alpha": 2.0}, 0.0, 2.0),
    ("selu", {}, 0.0, ew.SELU_SCALE * ew.SELU_ALPHA),
    ("celu", {"alpha": 2.0}, 0.0, 1.0),
    ("relu6", {}, 0.0, 0.0),
    ("relu6", {}, 6.0, 0.0),
    ("hard_tanh", {}, -1.0, 0.0),
    ("hard_tanh", {}, 1.0, 0.0),
    ("hard_sigmoid", {}, -3.0, 0.0),
    ("hard_sigmoid", {}, 3.0, 0.0),
    ("hard_sigmoid_legacy", {}, -2.5, 0.2),
    ("hard_sigmoid_legacy", {}, 2.5, 0.2),
    ("hard_swish", {}, -3.0, 0.0),
    ("hard_swish", {}, 3.0, 1.0),
    ("softshrink", {}, 0.5, 0.0),
    ("softshrink", {}, -0.5, 0.0),
    ("hardshrink", {}, 0.5, 0.0),
    ("threshold", {}, 1.0, 0.0),
    ("threshold", {"threshold": 0.5, "value": 0.5}, 0.5, 0.0),
    ("sparse_sigmoid", {}, -1.0, 0.0),
    ("sparse_sigmoid", {}, 1.0, 0.0),
    ("sparse_plus", {}, -1.0, 0.0),
    ("sparse_plus", {}, 1.0, 1.0),
    ("squared_relu", {}, 0.0, 0.0),
    ("step", {}, 0.0, 0.0),
    ("softplus", {}, 20.0, 1 / (1 + math.exp(-20.0))),
    ("softplus", {}, 20.000001, 1.0),
]


@pytest.mark.parametrize(("name", "params", "x", "expected"), KINK_DERIVATIVES)
def test_derivative_conventions_at_kinks(name, params, x, expected):
    for point in (x, -0.0) if x == 0 else (x,):
        got = float(ab.get(name).grad(np.array(point), **params))
        assert got == pytest.approx(expected, rel=1e-15), (name, point)


def test_value_conventions():
    assert float(ab.get("hardshrink")(0.5)) == 0.0  # |x| = lambda is shrunk (PyTorch)
    assert float(ab.get("step")(0.0)) == 1.0
    assert float(ab.get("softplus")(25.0)) == 25.0  # PyTorch's threshold: exactly x
    assert float(ab.get("softplus")(19.0)) > 19.0
    assert float(ab.get("sinc")(0.0)) == 1.0
    assert ab.get("sinc")(np.arange(1.0, 50.0)).tolist() == [0.0] * 49  # exact zeros
    assert float(ab.get("silu")(-np.inf, beta=0.0)) == -np.inf  # x/2, not the gated limit
    np.testing.assert_array_equal(ab.get("silu").grad([-np.inf, 3.0], beta=0.0), [0.5, 0.5])


def test_gelu_offers_pytorchs_approximate_argument():
    x = np.linspace(-5, 5, 11)
    np.testing.assert_array_equal(ew.gelu(x, approximate="tanh"), ew.gelu_tanh(x))
    np.testing.assert_array_equal(ew.gelu(x, approximate="none"), ab.get("gelu")(x))
    assert np.array_equal(ew.gelu_derivative(x, approximate="tanh"), ew.gelu_tanh_derivative(x))
    assert np.max(np.abs(ew.gelu(x) - ew.gelu_tanh(x))) < 5e-4


def test_selu_constants_to_full_precision():
    alpha = mpmath.mpf("1.6732632423543772848170429916717")
    scale = mpmath.mpf("1.0507009873554804934193349852946")
    assert float(alpha) == ew.SELU_ALPHA
    assert float(scale) == ew.SELU_SCALE


# -- the entries from the libraries' lists ------------------------------------------------------
def test_threshold_follows_pytorch():
    threshold = ab.get("threshold")
    x = np.array([-np.inf, -3.0, 0.5, 1.0, np.nextafter(1.0, 2.0), 4.0, np.inf, np.nan])
    y = threshold(x, threshold=1.0, value=-7.0)
    # x == threshold is replaced (the comparison is strict); NaN is never replaced.
    np.testing.assert_array_equal(y[:-1], [-7.0, -7.0, -7.0, -7.0, x[4], 4.0, np.inf])
    assert np.isnan(y[-1])
    np.testing.assert_array_equal(threshold.grad(x[:-1]), [0, 0, 0, 0, 1, 1, 1])
    # Threshold(0, 0) is ReLU, and Keras' relu(x, threshold=t) is Threshold(t, 0).
    z = np.linspace(-3, 3, 61)
    np.testing.assert_array_equal(threshold(z, threshold=0.0, value=0.0), ab.get("relu")(z))
    np.testing.assert_array_equal(
        threshold.grad(z, threshold=0.0, value=0.0), ab.get("relu").grad(z)
    )


def test_threshold_refuses_infinite_parameters():
    # Finite numbers only: an infinite threshold or value would make 0 * inf somewhere.
    for name in ("threshold", "value"):
        for bad in (np.inf, -np.inf):
            with pytest.raises(ValueError, match=repr(name)):
                ab.get("threshold")(np.zeros(2), **{name: bad})


def test_threshold_jumps_unless_value_equals_threshold():
    below, above = np.array(1.0), np.nextafter(1.0, 2.0)
    threshold = ab.get("threshold")
    assert float(threshold(above) - threshold(below)) == pytest.approx(1.0)  # θ − v = 1
    continuous = {"threshold": 1.0, "value": 1.0}
    assert float(threshold(above, **continuous) - threshold(below, **continuous)) < 1e-15
    assert ab.computed_properties("threshold", continuous)["smooth"] == "C0"


def test_sparse_pair_identities():
    x = np.linspace(-3, 3, 241)
    sparse_sigmoid, sparse_plus = ab.get("sparse_sigmoid"), ab.get("sparse_plus")
    np.testing.assert_allclose(sparse_sigmoid(x), (ab.get("hard_tanh")(x) + 1) / 2, rtol=1e-15)
    np.testing.assert_array_equal(sparse_plus.grad(x), sparse_sigmoid(x))
    # Sparse plus meets softplus's asymptotes exactly: 0 up to -1, x from 1 on.
    assert sparse_plus(-1.0) == 0.0 and sparse_plus(1.0) == 1.0
    big = np.array([1.0, 3.0, 2.0**53 + 2, 1e300])
    np.testing.assert_array_equal(sparse_plus(big), big)
    # Near -1 the value (x + 1)**2 / 4 keeps full relative accuracy.
    near = -1 + np.array([1e-10, 1e-5])
    np.testing.assert_allclose(sparse_plus(near), (near + 1) ** 2 / 4, rtol=1e-15)


def test_squared_relu_and_exponential_overflow_to_inf_silently():
    with np.errstate(over="raise"):
        assert ab.get("squared_relu")(1e200) == np.inf
        assert ab.get("squared_relu").grad(1e308) == np.inf  # 2 * 1e308 > max
        assert ab.get("exponential")(710.0) == np.inf
    assert ab.get("squared_relu")(np.float32(2e19)) == np.inf  # 4e38 > float32 max
    assert ab.get("exponential")(np.float16(11.1)) == np.inf  # e^11.1 > 65504
    np.testing.assert_array_equal(ab.get("exponential").grad([-np.inf, 0.0]), [0.0, 1.0])


def _tanhshrink_exact(x: float) -> float:
    """``x - tanh(x)`` with mpmath, with enough digits for the cancellation (3 per decade)."""
    digits = 40 + 3 * max(0, -math.floor(math.log10(abs(x))))
    with mpmath.workdps(digits):
        return float(mpmath.mpf(x) - mpmath.tanh(mpmath.mpf(x)))


@pytest.mark.parametrize("dtype", FLOATS)
def test_tanhshrink_keeps_full_precision_near_zero(dtype):
    # The shared grid samples (0.1, 1) only at 0.25, 0.5 and 0.75; the subtraction
    # x - tanh(x) loses log2(3 / x**2) bits there (8 at x = 1/8), so sample densely,
    # across the switch to the subtraction at |x| = 1, and far into the small values.
    rng = np.random.default_rng(3)
    x = np.concatenate(
        [
            np.logspace(-100, -1, 200),
            rng.uniform(0.1, 1.0, 600),
            np.nextafter(1.0, [0.0, 2.0]),
            [1.0, 1.5, 2.0, 5.0],
        ]
    ).astype(dtype)
    x = np.unique(x[x > np.finfo(dtype).tiny ** (1 / 3)])  # x**3 / 3 stays normal
    x = np.concatenate([x, -x])
    got = ab.get("tanhshrink")(x)
    assert got.dtype == dtype
    exact = np.array([_tanhshrink_exact(float(v)) for v in x])
    # A few ulps; the naive x - tanh(x) is off by 2.8e-14 relative at x = 0.1276, and
    # returns 0 below x = 1.29e-8.
    np.testing.assert_allclose(got.astype(np.float64), exact, rtol=4 * np.finfo(dtype).eps)


def test_tanhshrink_rational_is_the_continued_fraction():
    # N / D must be (x - tanh x) / x**3 up to the first neglected power, x**18: the
    # continued fraction's truncation error, below 2e-19 relative for |x| < 1.
    w = sympy.Symbol("w")
    n = sum(c * w**k for k, c in enumerate(ew._TANHSHRINK_NUMERATOR))
    d = sum(c * w**k for k, c in enumerate(ew._TANHSHRINK_DENOMINATOR))
    approximation = (X**3 * n / d).subs(w, X**2)
    gap = sympy.series(approximation - (X - sympy.tanh(X)), X, 0, 21).removeO()
    assert sympy.expand(gap) == 0
    assert ew._TANHSHRINK_N[0] == pytest.approx(1 / 3, rel=1e-16)
    assert ew._TANHSHRINK_D[0] == 1.0


# -- bad parameters ------------------------------------------------------------------------
def _outside(p: ab.Parameter) -> list[float]:
    lower, upper = p.valid
    values = []
    if math.isfinite(lower):
        values.append(lower if p.open_lower else lower - 1)
    if math.isfinite(upper):
        values.append(upper if p.open_upper else upper + 1)
    return [*values, math.nan]


WITH_PARAMETERS = [a for a in ELEMENTWISE if a.parameters]


@pytest.mark.parametrize("activation", WITH_PARAMETERS, ids=lambda a: a.name)
def test_invalid_parameters_are_named(activation):
    for p in activation.parameters:
        for value in _outside(p):
            with pytest.raises(ValueError, match=repr(p.name)):
                activation(np.zeros(2), **{p.name: value})
            with pytest.raises(ValueError, match=repr(p.name)):
                activation.grad(np.zeros(2), **{p.name: value})


@pytest.mark.parametrize(
    ("function", "params", "name"),
    [
        (ew.celu, {"alpha": 0.0}, "alpha"),
        (ew.celu_derivative, {"alpha": -1.0}, "alpha"),
        (ew.softshrink, {"lambd": -0.5}, "lambd"),
        (ew.softshrink_derivative, {"lambd": -0.5}, "lambd"),
        (ew.hardshrink, {"lambd": -0.5}, "lambd"),
        (ew.hardshrink_derivative, {"lambd": -0.5}, "lambd"),
        (ew.gelu, {"approximate": "fast"}, "approximate"),
        (ew.gelu_derivative, {"approximate": "Tanh"}, "approximate"),
        (ew.rrelu, {"lower": 0.5, "upper": 0.25}, "lower"),
        (ew.rrelu_derivative, {"lower": 0.5, "upper": 0.25}, "lower"),
        (ew.hard_tanh, {"min_val": 1.0, "max_val": 1.0}, "min_val"),
        (ew.hard_tanh_derivative, {"min_val": 2.0, "max_val": 1.0}, "min_val"),
    ],
)
def test_functions_refuse_meaningless_parameters(function, params, name):
    with pytest.raises(ValueError, match=repr(name)):
        function(np.zeros(3), **params)


def test_registry_refuses_celu_alpha_zero_and_unknown_parameters():
    with pytest.raises(ValueError, match="'alpha'"):
        ab.get("celu")(1.0, alpha=0)
    with pytest.raises(ValueError, match="'slope'"):
        ab.get("leaky_relu")(1.0, slope=0.1)


# -- sine: the exact product omega_0 * x ---------------------------------------------------------
def _sin_exact(x: float, omega: float, derivative: bool = False) -> float:
    with mpmath.workdps(700):  # enough for the reduction of products up to 1e310
        theta = mpmath.mpf(omega) * mpmath.mpf(x)
        return float(omega * mpmath.cos(theta) if derivative else mpmath.sin(theta))


def test_sine_uses_the_exact_product():
    # 30 * x rounds for these x; the rounding error is large against sin's resolution.
    x = np.array([1234.5678, -98765.4321, 3.3e10, 1e300, 7.1e-310])
    got = ew.sine(x, omega_0=30.0)
    exact = np.array([_sin_exact(v, 30.0) for v in x])
    np.testing.assert_allclose(got, exact, rtol=1e-14, atol=1e-320)
    naive = np.sin(30.0 * x)
    assert np.abs(naive[:3] - exact[:3]).max() > 1e-13  # what the rewrite buys


def test_sine_beyond_the_largest_float():
    """Where omega_0 x overflows, one bit is lost per halving (2 here, 11 for omega 1000)."""
    big = np.finfo(np.float64).max
    for omega, rtol in ((3.0, 4 * 2.0**-52 * 4), (1000.0, 4 * 2.0**-52 * 2048)):
        for x in (big, -big, big / 2.5):
            exact = _sin_exact(x, omega)
            assert abs(float(ew.sine(x, omega_0=omega)) - exact) <= rtol, (omega, x)
            slope = _sin_exact(x, omega, derivative=True)
            assert abs(float(ew.sine_derivative(x, omega_0=omega)) - slope) <= rtol * omega


def test_sine_keeps_signed_zeros_and_dtypes():
    for dtype in FLOATS:
        got = ew.sine(np.array([-0.0, 0.0], dtype=dtype), omega_0=30.0)
        assert got.dtype == dtype
        assert np.signbit(got).tolist() == [True, False]
    # float32 is computed in float64 from the exact product, then rounded once.
    x = np.float32(1234.5678)
    assert ew.sine(x, omega_0=30.0) == np.float32(_sin_exact(float(x), 30.0))


def _float32_inputs_for_the_reduction(omega: float) -> np.ndarray:
    """float32 x whose products omega x are hard to reduce: near multiples of pi/2 (and
    their float32 neighbours), large ones up to and beyond the reduction's bound, tiny
    ones, zeros and the largest float32."""
    w = float(np.float32(omega))
    rng = np.random.default_rng(13)
    k = np.concatenate([np.arange(-8, 9), rng.integers(-(2**21), 2**21, 120)])
    near = np.float32(k * (math.pi / 2) / w)
    edge = np.float32(ew._REDUCTION_BOUND / w)
    return np.concatenate(
        [
            near,
            np.nextafter(near, np.float32(np.inf)),
            np.nextafter(near, np.float32(-np.inf)),
            np.float32(rng.uniform(-1.5, 1.5, 200) * ew._REDUCTION_BOUND / w),
            np.float32(rng.standard_normal(200) * 3),
            [edge, np.nextafter(edge, np.float32(np.inf)), -edge, 3e38, -1e-45, 1e-30, 0.0],
        ]
    ).astype(np.float32)


@pytest.mark.parametrize("omega", [1.0, 30.0, 1000.0])
def test_float32_sine_is_the_rounded_sine_of_the_exact_product(omega):
    """float32 reduces omega x by hand (pi in three parts): still correctly rounded.

    The error bound is half an ulp of the float32 result (plus 1e-6 of an ulp for the
    float64 steps). Rounding the product to float32 first misses that by far, and so does
    a reduction by the float64 ``math.pi`` near its multiples.
    """
    x = _float32_inputs_for_the_reduction(omega)
    w = float(np.float32(omega))
    products = [mpmath.mpf(w) * mpmath.mpf(float(v)) for v in x]
    with mpmath.workdps(60):
        sines = np.array([float(mpmath.sin(p)) for p in products])
        slopes = np.array([float(w * mpmath.cos(p)) for p in products])
    for function, exact in ((ew.sine, sines), (ew.sine_derivative, slopes)):
        got = function(x, omega_0=omega)
        assert got.dtype == np.float32
        ulps = np.abs(got - exact) / np.spacing(np.abs(exact).astype(np.float32))
        assert ulps.max() <= 0.5 + 1e-6, (function.__name__, x[np.argmax(ulps)], ulps.max())
    if omega != 1:  # the float32 product omega x is exact only at omega = 1
        moderate = np.abs(x) < 1e30
        naive = np.sin(x[moderate] * np.float32(w))
        exact = sines[moderate]
        assert (np.abs(naive - exact) / np.spacing(np.abs(exact).astype(np.float32))).max() > 100


def test_small_float_sine_in_blocks_with_values_for_the_general_path():
    """Blocks with ±inf, NaN or products beyond the reduction mix both paths correctly."""
    for dtype, large in ((np.float16, 6e4), (np.float32, 3e38)):
        values = np.array([np.inf, 0.3, -np.inf, np.nan, large, -0.0, 2e3, -7.0], dtype=dtype)
        many = np.tile(values, 20_001)  # several blocks, each with some of every kind
        for function in (ew.sine, ew.sine_derivative):
            one_by_one = [function(v, omega_0=30.0) for v in values]
            got = function(many, omega_0=30.0)
            assert got.dtype == dtype
            np.testing.assert_array_equal(got, np.tile(one_by_one, 20_001))
        assert np.signbit(ew.sine(many, omega_0=30.0)[5::8]).all()


# -- out= -------------------------------------------------------------------------------------
def _out_functions(activation):
    """The kernel and the registry call, for the value and the derivative."""
    params = activation.defaults
    return [
        ("function", functools.partial(activation.function, **params)),
        ("derivative", functools.partial(activation.derivative, **params)),
        ("registry", activation),
        ("registry grad", activation.grad),
    ]


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_out_is_the_last_keyword_of_every_kernel(activation):
    import inspect

    for function in (activation.function, activation.derivative):
        parameters = list(inspect.signature(function).parameters.values())
        assert parameters[-1].name == "out", function.__name__
        assert parameters[-1].kind is inspect.Parameter.KEYWORD_ONLY
        assert parameters[-1].default is None


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_out_receives_the_result_and_is_returned(activation, dtype):
    """Into a fresh buffer, into the input itself, into a view: the same values."""
    x = np.concatenate([special_inputs(dtype), np.linspace(-8, 8, 41, dtype=dtype)])
    for label, function in _out_functions(activation):
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            expected = function(x)
            buffer = np.full_like(x, 7)
            assert function(x, out=buffer) is buffer, label
            np.testing.assert_array_equal(buffer, expected, err_msg=label)
            same = x.copy()
            assert function(same, out=same) is same, label
            np.testing.assert_array_equal(same, expected, err_msg=f"{label}, out is x")
            strided = np.full(2 * x.size, 7, dtype=dtype)[::2]  # not contiguous
            assert function(x, out=strided) is strided, label
            np.testing.assert_array_equal(strided, expected, err_msg=f"{label}, strided out")


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_out_overlapping_the_input_is_safe(activation):
    """``out`` shifted by one element against ``x``: the input is read before it is lost."""
    base = np.linspace(-6, 6, 26)
    for label, function in _out_functions(activation):
        memory = base.copy()
        x, out = memory[:-1], memory[1:]
        expected = function(x.copy())
        assert function(x, out=out) is out, label
        np.testing.assert_array_equal(out, expected, err_msg=label)


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_out_shapes_and_integer_input(activation):
    for label, function in _out_functions(activation):
        for shape in [(), (0,), (1, 0, 3), (2, 3)]:
            x = np.linspace(-2, 2, math.prod(shape)).reshape(shape)
            out = np.empty(shape)
            assert function(x, out=out) is out, label
            np.testing.assert_array_equal(out, function(x), err_msg=label)
        out = np.empty(3)
        assert function([1, -2, 3], out=out) is out  # integers become float64, as without out
        np.testing.assert_array_equal(out, function(np.array([1.0, -2.0, 3.0])))


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_out_of_the_wrong_shape_dtype_or_type_is_refused_by_name(activation):
    x = np.linspace(-2, 2, 6)
    frozen = np.empty(6)
    frozen.flags.writeable = False
    bad = {
        "shape": np.empty(5),
        "broadcast shape": np.empty((2, 6)),
        "dtype": np.empty(6, dtype=np.float32),
        "integer dtype": np.empty(6, dtype=np.int64),
        "type": [0.0] * 6,
        "read-only": frozen,
    }
    for label, function in _out_functions(activation):
        for what, out in bad.items():
            with pytest.raises(ValueError, match="'out'"):
                function(x, out=out)
                pytest.fail(f"{label} accepted an out of the wrong {what}")
    with pytest.raises(ValueError, match=r"'out'.*float32"):
        activation(np.zeros(3, dtype=np.float32), out=np.empty(3))


def test_vector_valued_activations_refuse_out_by_name():
    for activation in ab.registry():
        if activation.elementwise:
            continue
        with pytest.raises(ValueError, match="'out'"):
            activation(np.zeros((2, 4)), out=np.empty((2, 4)))


def test_out_is_not_passed_to_the_parameter_check():
    # out is the kernel's keyword, not a parameter of the activation: resolve() never
    # sees it, so an activation with parameters still accepts it and validates the rest.
    x = np.linspace(-3, 3, 7)
    out = np.empty_like(x)
    ab.get("leaky_relu")(x, negative_slope=0.2, out=out)
    np.testing.assert_array_equal(out, ab.get("leaky_relu")(x, negative_slope=0.2))
    with pytest.raises(ValueError, match="'negative_slope'"):
        ab.get("leaky_relu")(x, negative_slope=math.nan, out=out)


# -- GELU in the input's precision -------------------------------------------------------------
def _gelu_exact(x: float, derivative: bool) -> mpmath.mpf:
    with mpmath.workdps(40):
        v = mpmath.mpf(x)
        return mpmath.ncdf(v) + v * mpmath.npdf(v) if derivative else v * mpmath.ncdf(v)


def _gelu_hard_inputs(dtype) -> np.ndarray:
    """The accuracy grid and the special inputs, plus a dense sweep of the tail."""
    low = -14.0 if dtype == np.float32 else -38.5
    with np.errstate(over="ignore"):
        values = np.concatenate([GRID.astype(dtype), special_inputs(dtype)])
    values = np.concatenate([values, np.linspace(low, 8, 1001).astype(dtype)])
    # Beyond |x| = 1000 the result is x or -0 exactly (the special-input test checks
    # that); mpmath's erfc series cannot take such arguments.
    return values[np.abs(values) <= 1000]


@pytest.mark.parametrize(("dtype", "rtol"), [(np.float32, 6e-7), (np.float64, 5e-15)])
@pytest.mark.parametrize("derivative", [False, True], ids=["value", "derivative"])
def test_gelu_against_mpmath_in_its_own_precision(dtype, rtol, derivative):
    """float32 to about 8 ulps, float64 to a few ulps, wherever the result is normal.

    For the derivative the error is measured against ``Phi(x) + |x| phi(x)``, the sum
    without its cancellation near the zero at ``x = -0.75``, whose condition it is.
    """
    x = _gelu_hard_inputs(dtype)
    function = ew.gelu_derivative if derivative else ew.gelu
    got = function(x)
    assert got.dtype == dtype
    subnormal = 64 * float(np.finfo(dtype).smallest_subnormal)
    failures = []
    for value, y in zip(x.tolist(), got.tolist(), strict=True):
        exact = _gelu_exact(value, derivative)
        with mpmath.workdps(40):
            scale = abs(exact)
            if derivative:
                v = mpmath.mpf(value)
                scale = mpmath.ncdf(v) + abs(v) * mpmath.npdf(v)
        # A result below the smallest normal float keeps only absolute accuracy.
        if float(abs(mpmath.mpf(y) - exact)) > rtol * float(scale) + subnormal:
            failures.append((value, y, float(exact)))
    assert failures == [], failures[:5]


def test_float32_gelu_keeps_its_tail():
    """Down to -13 the float32 result is within 1e-6 of the exact value, and not 0."""
    x = np.linspace(-13, -5, 161, dtype=np.float32)
    got = ew.gelu(x)
    exact = np.array([float(_gelu_exact(v, False)) for v in x.tolist()])
    assert np.all(got < 0)
    np.testing.assert_allclose(got, exact, rtol=1e-6)


def test_gelu_blocks_match_single_values():
    """An array spanning several cache blocks gives what each value gives alone."""
    rng = np.random.default_rng(5)
    for dtype in (np.float32, np.float64):
        x = (rng.standard_normal(3 * ew._BLOCK_BYTES // np.dtype(dtype).itemsize + 7) * 4).astype(
            dtype
        )
        for function in (ew.gelu, ew.gelu_derivative):
            whole = function(x)
            picks = rng.integers(0, x.size, 50)
            singles = np.array([function(x[i]) for i in picks])
            np.testing.assert_array_equal(whole[picks], singles)
