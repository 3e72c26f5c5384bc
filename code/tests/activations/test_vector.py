"""Softmax and friends, the gated units and maxout: values, derivatives, slices, edges."""

from __future__ import annotations

import math

import actbook as ab
import mpmath
import numpy as np
import pytest
import sympy
from actbook.activations import _vector as vec

VECTOR = [a for a in ab.registry() if not a.elementwise]
NORMALISING = ["softmax", "log_softmax", "softmin"]
GATED = ["glu", "swiglu", "geglu", "reglu", "bilinear"]
FLOATS = (np.float16, np.float32, np.float64)
RNG = np.random.default_rng(20240611)


def _mp_softmax(row, temperature=1.0):
    with mpmath.workdps(50):
        e = [mpmath.exp(mpmath.mpf(float(v)) / mpmath.mpf(temperature)) for v in row]
        total = mpmath.fsum(e)
        return [v / total for v in e]


# -- the softmax family ---------------------------------------------------------------------
@pytest.mark.parametrize("temperature", [0.25, 1.0, 4.0])
def test_softmax_matches_mpmath(temperature):
    x = RNG.normal(scale=30, size=(20, 7))
    got = vec.softmax(x, temperature=temperature)
    for row, out in zip(x, got, strict=True):
        exact = _mp_softmax(row, temperature)
        for y, e in zip(out, exact, strict=True):
            # exp(z) turns the rounding of z = (x - max) / T into a relative error of
            # |z| ulps: the bound grows with |log(e)|, as for any float softmax.
            tolerance = 4e-16 * (1 + abs(float(mpmath.log(e)))) if e > 0 else 0.0
            assert abs(y - e) <= tolerance * abs(e) + 1e-300


def test_log_softmax_matches_mpmath_where_softmax_underflows():
    x = np.array([[0.0, -800.0, -2000.0, 5.0]])
    got = vec.log_softmax(x)
    with mpmath.workdps(50):
        total = mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(float(v))) for v in x[0]))
        exact = [float(mpmath.mpf(float(v)) - total) for v in x[0]]
    # Log-probabilities are added, so their natural accuracy is absolute: a few ulps of 1
    # from log(sum), even for the largest entry, whose log-probability is near 0.
    np.testing.assert_allclose(got[0], exact, rtol=1e-15, atol=4e-16)
    assert np.all(np.isfinite(got))  # log(softmax) would give -inf for the underflowed two


def test_softmin_is_softmax_of_the_negative():
    x = RNG.normal(size=(4, 5))
    np.testing.assert_array_equal(vec.softmin(x), vec.softmax(-x))
    assert np.argmax(vec.softmin(x), axis=-1).tolist() == np.argmin(x, axis=-1).tolist()


@pytest.mark.parametrize("name", NORMALISING)
def test_rows_normalise_along_the_axis(name):
    x = RNG.normal(size=(3, 4, 5))
    for axis in (0, 1, -1):
        y = ab.get(name).function(x, axis=axis)
        probabilities = np.exp(y) if name == "log_softmax" else y
        np.testing.assert_allclose(probabilities.sum(axis=axis), 1.0, rtol=1e-14)


@pytest.mark.parametrize("name", NORMALISING)
def test_diagonal_is_the_jacobian_diagonal(name):
    activation = ab.get(name)
    x = RNG.normal(size=6)
    h = 1e-6
    numeric = []
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        numeric.append((activation(x + step)[i] - activation(x - step)[i]) / (2 * h))
    np.testing.assert_allclose(activation.grad(x), numeric, rtol=1e-7, atol=1e-10)


def test_softmax_jacobian_diagonal_agrees_with_the_registered_derivative():
    x = RNG.normal(size=(2, 5))
    jacobian = vec.softmax_jacobian(x, temperature=2.0)
    diagonal = np.einsum("...ii->...i", jacobian)
    np.testing.assert_allclose(diagonal, vec.softmax_diagonal(x, temperature=2.0), rtol=1e-14)


@pytest.mark.parametrize("name", NORMALISING)
def test_infinite_and_nan_rows(name):
    function = ab.get(name).function
    x = np.array(
        [
            [-np.inf, 0.0, 1.0],  # -inf scores get probability 0
            [-np.inf, -np.inf, -np.inf],  # no finite score: undefined, NaN (PyTorch)
            [np.nan, 0.0, 1.0],
            [1e308, -1e308, 0.0],  # no overflow in x - max
        ]
    )
    if name == "softmin":
        x = -x
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = function(x)
    probabilities = np.exp(y) if name == "log_softmax" else y
    assert probabilities[0, 0] == 0.0
    np.testing.assert_allclose(probabilities[0].sum(), 1.0)
    assert np.isnan(y[1]).all() and np.isnan(y[2]).all()
    np.testing.assert_allclose(probabilities[3], [1.0, 0.0, 0.0])


def test_softmax_with_a_tiny_temperature_does_not_overflow():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = vec.softmax(np.array([1e308, -1e308, 0.0]), temperature=0.25)
    np.testing.assert_array_equal(y, [1.0, 0.0, 0.0])


# -- sparsemax ---------------------------------------------------------------------------------
def _mp_sparsemax(row):
    """Sparsemax by bisection on tau at 50 digits: sum(max(x - tau, 0)) = 1, no sorting."""
    with mpmath.workdps(50):
        z = [mpmath.mpf(float(v)) for v in row]
        low, high = max(z) - 1, max(z)  # the sum is >= 1 at max - 1 and 0 at max
        for _ in range(200):
            middle = (low + high) / 2
            if mpmath.fsum(max(v - middle, 0) for v in z) > 1:
                low = middle
            else:
                high = middle
        return [max(v - low, 0) for v in z]


def test_sparsemax_matches_bisection():
    x = np.concatenate([RNG.normal(scale=s, size=(10, 6)) for s in (0.3, 1.0, 30.0)])
    got = vec.sparsemax(x)
    for row, out in zip(x, got, strict=True):
        exact = _mp_sparsemax(row)
        for y, e in zip(out, exact, strict=True):
            # tau carries a few roundings of numbers up to max |x|: absolute accuracy.
            assert abs(y - float(e)) <= 4e-16 * (1 + np.abs(row).max()), (row, out)
    assert (got == 0).any() and (got == 1).any()  # sparse and one-hot rows both occur


def test_sparsemax_known_values():
    np.testing.assert_array_equal(vec.sparsemax([-1.0, 0.0, 1.0]), [0.0, 0.0, 1.0])
    # tau = (0.9 + 0.5 - 1) / 2 = 0.2: two entries in the support.
    np.testing.assert_allclose(vec.sparsemax([0.0, 0.5, 0.9]), [0.0, 0.3, 0.7], rtol=1e-15)
    np.testing.assert_allclose(vec.sparsemax([[2.0, 2.0, 2.0]]), [[1 / 3] * 3], rtol=1e-15)


def test_sparsemax_is_the_projection_onto_the_simplex():
    x = RNG.normal(scale=2, size=(50, 7))
    p = vec.sparsemax(x)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-15)
    assert (p >= 0).all()
    # Optimality (KKT) of min ||p - x||: p_i = x_i - tau on the support, x_i <= tau off it.
    tau = np.where(p > 0, x - p, np.nan)
    spread = np.nanmax(tau, axis=-1) - np.nanmin(tau, axis=-1)
    assert spread.max() < 1e-14
    off = np.where(p == 0, x, -np.inf).max(axis=-1)
    assert (off <= np.nanmin(tau, axis=-1) + 1e-15).all()
    np.testing.assert_allclose(vec.sparsemax(x + 1e3), p, atol=1e-12)  # shift-invariant
    for dtype, tolerance in ((np.float32, 4e-6), (np.float16, 4e-3)):
        low = vec.sparsemax(x.astype(dtype))
        assert low.dtype == dtype
        np.testing.assert_allclose(low.astype(float).sum(axis=-1), 1.0, atol=tolerance)
        np.testing.assert_allclose(low, p, atol=tolerance * 4)


def test_sparsemax_diagonal_matches_central_differences():
    x = RNG.normal(size=(20, 5))
    h = 1e-7
    numeric = np.empty_like(x)
    for i in range(x.shape[-1]):
        step = np.zeros_like(x)
        step[:, i] = h
        numeric[:, i] = (vec.sparsemax(x + step)[:, i] - vec.sparsemax(x - step)[:, i]) / (2 * h)
    np.testing.assert_allclose(vec.sparsemax_diagonal(x), numeric, atol=1e-8)
    # 1 - 1/|S| on a support of |S| entries, 0 off it: nothing else.
    assert set(np.unique(vec.sparsemax_diagonal(x))) <= {1 - 1 / k for k in range(1, 6)}


def test_sparsemax_slice_derivative_is_the_diagonal_also_at_the_kinks():
    x = np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])
    pairs = np.stack([x, np.zeros_like(x)], axis=-1)
    np.testing.assert_array_equal(
        vec.sparsemax_diagonal(pairs)[:, 0], vec.sparsemax_slice_derivative(x)
    )
    np.testing.assert_array_equal(vec.sparsemax_slice_derivative([-1.0, 1.0]), [0.0, 0.0])


def test_sparsemax_infinite_nan_and_huge_rows():
    x = np.array(
        [
            [-np.inf, 0.0, 0.5],  # -inf scores get probability 0
            [-np.inf, -np.inf, -np.inf],  # no finite score: NaN, as softmax
            [np.nan, 0.0, 1.0],
            [np.inf, 0.0, 1.0],
            [1e308, -1e308, 0.0],  # no overflow in x - max
            [-1e308, -1e308, -1e308],  # a tie: uniform
        ]
    )
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = vec.sparsemax(x)
        d = vec.sparsemax_diagonal(x)
    np.testing.assert_array_equal(p[0], [0.0, 0.25, 0.75])
    assert np.isnan(p[1:4]).all() and np.isnan(d[1:4]).all()
    np.testing.assert_array_equal(p[4], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[5], [1 / 3] * 3, rtol=1e-15)
    np.testing.assert_array_equal(d[4], [0.0, 0.0, 0.0])  # a one-hot output does not move
    np.testing.assert_allclose(vec.sparsemax(x[:1].T, axis=0).T, p[:1])


# -- gated units and maxout ------------------------------------------------------------------
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_gated_unit_values():
    x = RNG.normal(size=(3, 8))
    a, b = x[:, :4], x[:, 4:]
    np.testing.assert_allclose(vec.glu(x), a * _sigmoid(b), rtol=1e-14)
    np.testing.assert_allclose(vec.swiglu(x, beta=1.5), a * b * _sigmoid(1.5 * b), rtol=1e-14)
    np.testing.assert_allclose(vec.glu(x.T, axis=0), (a * _sigmoid(b)).T, rtol=1e-14)
    phi = np.vectorize(lambda v: float(mpmath.ncdf(v)))
    np.testing.assert_allclose(vec.geglu(x), a * b * phi(b), rtol=1e-14)
    np.testing.assert_allclose(vec.reglu(x), a * np.where(b > 0, b, 0.0), rtol=1e-15)
    np.testing.assert_array_equal(vec.bilinear(x), a * b)
    np.testing.assert_array_equal(vec.bilinear(x.T, axis=0), (a * b).T)


@pytest.mark.parametrize("name", GATED)
def test_gated_units_are_value_times_gate(name):
    """Each unit is a * gate(b) with the elementwise registry entry GATED_UNITS names."""
    assert sorted(vec.GATED_UNITS) == sorted(GATED)
    gate = ab.get(vec.GATED_UNITS[name])
    x = RNG.normal(scale=2, size=(5, 6))
    a, b = x[:, :3], x[:, 3:]
    np.testing.assert_allclose(ab.get(name)(x), a * gate(b), rtol=1e-15)
    np.testing.assert_allclose(ab.get(name).grad(x), gate(b) + a * gate.grad(b), rtol=1e-15)


@pytest.mark.parametrize("name", GATED)
def test_gated_partial_derivatives_match_finite_differences(name):
    """The full Jacobian: d out_i / d a_i = gate(b_i), d out_i / d b_i = a_i gate'(b_i)."""
    gate = ab.get(vec.GATED_UNITS[name])
    x = RNG.normal(size=8)
    x[np.abs(x) < 1e-3] = 0.5  # keep ReGLU's kink out of the difference stencil
    a, b = x[:4], x[4:]
    jacobian = ab.numerical_jacobian(ab.get(name), x)
    np.testing.assert_allclose(jacobian[:, :4], np.diag(gate(b)), atol=1e-9)
    np.testing.assert_allclose(jacobian[:, 4:], np.diag(a * gate.grad(b)), atol=1e-9)


@pytest.mark.parametrize("name", [*GATED, "maxout"])
def test_derivative_is_the_directional_derivative_along_ones(name):
    activation = ab.get(name)
    x = RNG.normal(size=(2, 6))
    h = 1e-6
    numeric = (activation(x + h) - activation(x - h)) / (2 * h)
    np.testing.assert_allclose(activation.grad(x), numeric, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("name", GATED)
def test_gated_units_refuse_an_odd_axis(name):
    function = ab.get(name).function
    with pytest.raises(ValueError, match="'axis'"):
        function(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="'axis'"):
        function(np.zeros(()))
    assert function(np.zeros((3, 2)), axis=-1).shape == (3, 1)
    with pytest.raises(ValueError, match="'axis'"):
        function(np.zeros((3, 2)), axis=0)


def test_maxout_groups_consecutive_entries():
    x = np.array([[1.0, 5.0, -2.0, 0.5, 3.0, np.nan]])
    np.testing.assert_array_equal(vec.maxout(x, pieces=2)[0, :2], [5.0, 0.5])
    assert np.isnan(vec.maxout(x, pieces=2)[0, 2])
    np.testing.assert_array_equal(vec.maxout(x[:, :3], pieces=3), [[5.0]])
    np.testing.assert_array_equal(vec.maxout(x.T, pieces=2, axis=0)[:2, 0], [5.0, 0.5])
    assert np.isnan(vec.maxout_derivative(x))[0].tolist() == [False, False, True]


@pytest.mark.parametrize("pieces", [0, 4, 2.5, True])
def test_maxout_refuses_bad_pieces(pieces):
    with pytest.raises(ValueError, match="'pieces'"):
        vec.maxout(np.zeros((2, 6)), pieces=pieces)


def test_gate_infinities():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = vec.glu(np.array([np.inf, 2.0, -np.inf, 3.0]))
        d = vec.glu_derivative(np.array([np.inf, 2.0, -np.inf, 3.0]))
    assert np.isnan(y[0])  # inf * sigmoid(-inf) = inf * 0 has no value
    assert y[1] == 2.0 * _sigmoid(3.0)
    assert np.isnan(d[0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = vec.swiglu(np.array([1e300, 1.0, 1e300, 1e300]))
    assert s[0] == np.inf


# -- every vector entry: shapes, dtypes, memory, slices --------------------------------------------
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_dtype_memory_and_input(activation, dtype):
    x = RNG.normal(scale=3, size=(3, 4)).astype(dtype)
    x[0, 1] = np.nan
    before = x.copy()
    for function in (activation, activation.grad):
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            y = function(x)
        assert y.dtype == dtype
        assert not np.shares_memory(x, y)
        np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_empty_and_non_contiguous_input(activation):
    for shape in [(0, 4), (2, 0, 4)]:
        for function in (activation, activation.grad):
            y = function(np.zeros(shape))
            assert y.size == 0 and y.ndim == len(shape)
    base = RNG.normal(size=(8, 12))
    view = base[::2, ::-1]
    for function in (activation, activation.grad):
        np.testing.assert_array_equal(function(view), function(np.ascontiguousarray(view)))


@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_integer_input_becomes_float64(activation):
    assert activation(np.arange(4).reshape(1, 4)).dtype == np.float64


# The slices are what the book plots: each must be the slice its label names.
SLICE_VECTORS = {
    "softmax": lambda x: (np.stack([x, np.zeros_like(x)], axis=-1), 0),
    "log_softmax": lambda x: (np.stack([x, np.zeros_like(x)], axis=-1), 0),
    "softmin": lambda x: (np.stack([x, np.zeros_like(x)], axis=-1), 0),
    "sparsemax": lambda x: (np.stack([x, np.zeros_like(x)], axis=-1), 0),
    "glu": lambda x: (np.stack([x, x], axis=-1), 0),
    "swiglu": lambda x: (np.stack([x, x], axis=-1), 0),
    "geglu": lambda x: (np.stack([x, x], axis=-1), 0),
    "reglu": lambda x: (np.stack([x, x], axis=-1), 0),
    "bilinear": lambda x: (np.stack([x, x], axis=-1), 0),
    "maxout": lambda x: (np.stack([np.zeros_like(x), x, -x / 2 - 1], axis=-1), 0),
}


def test_every_vector_entry_has_a_slice_check():
    assert sorted(SLICE_VECTORS) == sorted(a.name for a in VECTOR)


@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_slice_is_what_its_label_says(activation):
    x = np.linspace(-6, 6, 97)
    vectors, index = SLICE_VECTORS[activation.name](x)
    extra = {"pieces": 3} if activation.name == "maxout" else {}
    expected = activation.function(vectors, **extra)[..., index]
    curve, _ = activation.plot_values(x)
    np.testing.assert_allclose(curve, expected, rtol=1e-13, atol=1e-300)


SYMBOLIC_SLICES = [a for a in VECTOR if a.sympy_expression is not None]


def test_the_gated_units_define_their_slices_symbolically():
    assert sorted(a.name for a in SYMBOLIC_SLICES) == sorted(GATED)


@pytest.mark.parametrize("activation", SYMBOLIC_SLICES, ids=lambda a: a.name)
def test_slice_matches_its_sympy_definition(activation):
    """The plotted slice and its derivative against the SymPy definition, in mpmath."""
    x_symbol, _ = activation.symbols()
    for params in [activation.defaults] + [
        {**activation.defaults, p.name: p.high} for p in activation.parameters
    ]:
        expression = activation.expression(**params)
        value = sympy.lambdify(x_symbol, expression, "mpmath")
        slope = sympy.lambdify(x_symbol, sympy.diff(expression, x_symbol), "mpmath")
        points = np.linspace(-8.05, 8.05, 47)  # never exactly on ReGLU's kink at 0
        curve = activation.curve(points, **params)
        curve_slope = activation.curve_derivative(points, **params)
        with mpmath.workdps(40):
            exact = np.array([float(value(mpmath.mpf(float(p)))) for p in points])
            exact_slope = np.array([float(slope(mpmath.mpf(float(p)))) for p in points])
        # A few ulps: erfc (GEGLU) and exp in the left tail, then two or three roundings.
        np.testing.assert_allclose(curve, exact, rtol=4e-14, atol=1e-300)
        np.testing.assert_allclose(curve_slope, exact_slope, rtol=4e-14, atol=1e-15)


@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_slice_derivative_matches_central_differences(activation):
    x = np.linspace(-5.95, 5.95, 120)
    x = x[(np.abs(x) > 1e-3) & (np.abs(x + 2) > 1e-3)]  # maxout's kinks at 0 and -2
    h = 1e-6
    params = {p.name: p.default for p in activation.parameters}
    numeric = (activation.curve(x + h, **params) - activation.curve(x - h, **params)) / (2 * h)
    np.testing.assert_allclose(activation.curve_derivative(x, **params), numeric, atol=1e-8)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: d.__name__)
@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_slices_at_special_inputs(activation, dtype):
    with np.errstate(over="ignore"):
        x = np.array(
            [0.0, -0.0, 1.0, -1.0, 20.0, -20.0, 710.0, -710.0, 1e20, -1e20, np.inf, -np.inf],
            dtype=dtype,
        )
    x = np.append(x, [np.finfo(dtype).max, np.finfo(dtype).min, np.nan]).astype(dtype)
    for function in (activation.curve, activation.curve_derivative):
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            y = function(x)
        assert y.dtype == dtype and y.shape == x.shape
        assert np.array_equal(np.isnan(y), np.isnan(x))


def test_slice_limits():
    inf = np.array([-np.inf, np.inf])
    np.testing.assert_array_equal(vec.softmax_slice(inf), [0.0, 1.0])
    np.testing.assert_array_equal(vec.log_softmax_slice(inf), [-np.inf, 0.0])
    np.testing.assert_array_equal(vec.softmin_slice(inf), [1.0, 0.0])
    np.testing.assert_array_equal(vec.glu_slice(inf), [0.0, np.inf])
    np.testing.assert_array_equal(vec.swiglu_slice(inf), [0.0, np.inf])
    np.testing.assert_array_equal(vec.geglu_slice(inf), [0.0, np.inf])
    np.testing.assert_array_equal(vec.reglu_slice(inf), [0.0, np.inf])
    np.testing.assert_array_equal(vec.bilinear_slice(inf), [np.inf, np.inf])
    np.testing.assert_array_equal(vec.bilinear_slice_derivative(inf), [-np.inf, np.inf])
    # ReGLU's slice is x**2 for x > 0 and a plain (not negative) zero elsewhere.
    assert not np.signbit(vec.reglu_slice(np.array([-3.0, -0.0]))).any()
    np.testing.assert_array_equal(vec.reglu_slice_derivative([-1.0, 0.0, 2.0]), [0.0, 0.0, 4.0])
    np.testing.assert_array_equal(vec.maxout_slice(inf), [np.inf, np.inf])
    np.testing.assert_array_equal(vec.maxout_slice_derivative(inf), [-0.5, 1.0])
    # Ties go to the earlier piece: slope 0 at both kinks.
    np.testing.assert_array_equal(vec.maxout_slice_derivative([0.0, -2.0]), [0.0, 0.0])
    assert math.isclose(float(vec.swiglu_slice(np.array(2.0), beta=0.0)), 2.0)


@pytest.mark.parametrize("activation", VECTOR, ids=lambda a: a.name)
def test_slices_of_a_scalar_are_0d_arrays(activation):
    for function in (activation.curve, activation.curve_derivative):
        y = function(np.array(0.5))
        assert isinstance(y, np.ndarray) and y.shape == ()
