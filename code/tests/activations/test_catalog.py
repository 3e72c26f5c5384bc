"""The registered entries: coverage, completeness, hand derivatives, declared properties."""

from __future__ import annotations

import inspect
import math
import re

import actbook as ab
import mpmath
import numpy as np
import pytest
import sympy
from actbook.activations._properties import PROPERTY_KEYS

ENTRIES = list(ab.registry())
ELEMENTWISE = [a for a in ENTRIES if a.elementwise]
VECTOR = [a for a in ENTRIES if not a.elementwise]

EXPECTED = [
    "identity",
    "step",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "prelu",
    "rrelu",
    "elu",
    "selu",
    "celu",
    "gelu",
    "gelu_tanh",
    "quick_gelu",
    "silu",
    "mish",
    "softplus",
    "softsign",
    "log_sigmoid",
    "hard_sigmoid",
    "hard_sigmoid_legacy",
    "hard_tanh",
    "hard_swish",
    "relu6",
    "tanhshrink",
    "softshrink",
    "hardshrink",
    "squareplus",
    "arctan",
    "gaussian",
    "sinc",
    "sine",
    "lecun_tanh",
    "isru",
    "bent_identity",
    "squared_relu",
    "threshold",
    "sparse_sigmoid",
    "sparse_plus",
    "exponential",
    "softmax",
    "log_softmax",
    "softmin",
    "sparsemax",
    "glu",
    "swiglu",
    "geglu",
    "reglu",
    "bilinear",
    "maxout",
]

SMOOTHNESS = {"C-infinity", "C1", "C0", "discontinuous"}


def test_the_book_covers_every_activation_it_promises():
    assert sorted(EXPECTED) == sorted(ab.names())


@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_entry_is_complete(activation):
    assert activation.title and activation.summary.endswith(".")
    for key in activation.references:
        assert re.fullmatch(r"[a-z]+\d{4}[a-z0-9]+", key), key
    if activation.elementwise:
        assert activation.sympy_expression is not None
    else:
        assert activation.curve is not None and activation.curve_derivative is not None
        assert activation.curve_label
        assert activation.latex_override and activation.derivative_latex_override


@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_functions_take_the_registered_parameters(activation):
    names = [p.name for p in activation.parameters]
    functions = [activation.function, activation.derivative]
    if not activation.elementwise:
        functions += [activation.curve, activation.curve_derivative]
    for function in functions:
        signature = inspect.signature(function)
        keyword_only = [n for n, p in signature.parameters.items() if p.kind is p.KEYWORD_ONLY]
        assert set(names) <= set(keyword_only), function.__name__
        if activation.elementwise:
            assert keyword_only[: len(names)] == names or set(keyword_only) == set(names)


# -- hand derivatives -------------------------------------------------------------------------
def _settings(activation):
    settings = [activation.defaults]
    for p in activation.parameters:
        settings += [{**activation.defaults, p.name: v} for v in (p.low, p.high)]
    return settings


@pytest.mark.parametrize(
    "activation", [a for a in ELEMENTWISE if a.sympy_derivative], ids=lambda a: a.name
)
def test_hand_derivative_equals_diff(activation):
    """At random points (never exactly on a kink) the two agree to 40 digits."""
    x, _ = activation.symbols()
    rng = np.random.default_rng(7)
    points = [mpmath.mpf(float(v)) for v in rng.uniform(-7, 7, 25)]
    for params in _settings(activation):
        diffed = sympy.diff(activation.expression(**params), x)
        hand = activation.derivative_expression(**params)
        diffed_f = sympy.lambdify(x, diffed, "mpmath")
        hand_f = sympy.lambdify(x, hand, "mpmath")
        with mpmath.workdps(60):
            for point in points:
                expected = mpmath.mpf(diffed_f(point))
                got = mpmath.mpf(hand_f(point))
                assert abs(got - expected) <= mpmath.mpf(10) ** -40 * (1 + abs(expected)), (
                    params,
                    point,
                )


# -- declared properties ----------------------------------------------------------------------
@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_declared_properties_are_well_formed(activation):
    props = activation.properties
    # Every declared key is one the properties module computes, and none is missing.
    assert set(props) == set(PROPERTY_KEYS)
    low, high = props["range"]
    assert low <= high
    assert props["bounded_above"] is math.isfinite(high)
    assert props["bounded_below"] is math.isfinite(low)
    d_low, d_high = props["derivative_range"]
    assert d_low <= d_high
    assert props["smooth"] in SMOOTHNESS
    assert isinstance(props["exp_like_calls"], int) and props["exp_like_calls"] >= 0
    for key in ("monotonic", "zero_centred", "identity_near_origin"):
        assert isinstance(props[key], bool), key


def _curves(activation):
    if activation.elementwise:
        return activation.function, activation.derivative
    return activation.curve, activation.curve_derivative


SAMPLE = np.sort(np.concatenate([np.linspace(-30, 30, 60001), [-1e6, -1e3, 1e3, 1e6]]))


@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_declared_properties_hold_on_a_dense_sample(activation):
    """A light check (the full one is in activations._properties): samples respect declarations."""
    props = activation.properties
    value, slope = _curves(activation)
    params = activation.defaults
    y, dy = value(SAMPLE, **params), slope(SAMPLE, **params)
    low, high = props["range"]
    tolerance = 1e-12
    assert y.min() >= low - tolerance and y.max() <= high + tolerance
    # The declared ends are reached (bounded ends up to 1e-3: tails approach slowly).
    assert (y.min() - low <= 1e-3) if math.isfinite(low) else y.min() < -1e3
    assert (high - y.max() <= 1e-3) if math.isfinite(high) else y.max() > 1e3
    d_low, d_high = props["derivative_range"]
    assert dy.min() >= d_low - tolerance and dy.max() <= d_high + tolerance
    assert (dy.min() - d_low <= 1e-3) if math.isfinite(d_low) else True
    assert (d_high - dy.max() <= 1e-3) if math.isfinite(d_high) else dy.max() > 10
    with np.errstate(invalid="ignore"):  # inf - inf between two overflowed samples (e^x)
        steps = np.diff(y)
    steps = steps[~np.isnan(steps)]  # no step there, as in activations._properties
    monotone = bool((steps >= -1e-12).all() or (steps <= 1e-12).all())
    assert monotone is props["monotonic"]
    odd = bool(np.allclose(value(-SAMPLE, **params), -y, rtol=1e-12, atol=1e-300))
    assert odd is props["odd"]
    if odd:  # an odd function has mean output 0
        assert props["zero_centred"] is True
    at_zero = float(value(np.array(0.0), **params))
    h = 1e-7
    right = float(value(np.array(h), **params)) / h
    left = -float(value(np.array(-h), **params)) / h
    identity = at_zero == 0 and abs(right - 1) < 1e-4 and abs(left - 1) < 1e-4
    assert identity is props["identity_near_origin"]


def test_declared_extremes_are_the_true_ones():
    """Spot checks of the mpmath-derived constants against closed forms."""
    gelu = ab.get("gelu").properties["derivative_range"]
    root2 = math.sqrt(2)
    phi = math.exp(-1) / math.sqrt(2 * math.pi)
    assert gelu[1] == pytest.approx(0.5 * math.erfc(-1) + root2 * phi, rel=1e-15)
    assert gelu[0] == pytest.approx(1 - gelu[1], rel=1e-14)
    silu_min = ab.get("silu").properties["range"][0]
    # x sigmoid(x) is smallest where x = -1 - W(1/e), where its value is -W(1/e).
    w = float(mpmath.lambertw(mpmath.exp(-1)))
    assert silu_min == pytest.approx(-w, rel=1e-15)
