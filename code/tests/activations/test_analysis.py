"""Approximation errors and minima, checked against closed forms and independent sums."""

from __future__ import annotations

import math

import actbook as ab
import mpmath
import numpy as np
import pytest
from scipy import special

OMEGA = float(mpmath.lambertw(mpmath.exp(-1)))  # W(1/e): SiLU's dip is -(1 + W), -W


def _independent_gelu_gap(approximate, x):
    """|approximation - x Phi(x)| from SciPy's normal CDF, not from the package."""
    return np.abs(approximate(x) - x * special.ndtr(x))


def test_tanh_approximation_error_matches_an_independent_search():
    result = ab.approximation_error("gelu", "gelu_tanh")
    u = lambda x: np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)  # noqa: E731
    x = np.linspace(result.at - 1e-3, result.at + 1e-3, 200001)
    independent = _independent_gelu_gap(lambda x: x / 2 * (1 + np.tanh(u(x))), x)
    assert result.largest == pytest.approx(independent.max(), rel=1e-9)
    assert result.at == pytest.approx(x[independent.argmax()], abs=1e-7)
    # Nothing larger anywhere else on a coarser independent grid.
    wide = np.linspace(-8, 8, 160001)
    assert _independent_gelu_gap(lambda x: x / 2 * (1 + np.tanh(u(x))), wide).max() <= (
        result.largest * (1 + 1e-12)
    )


def test_gelu_approximation_errors_are_even_and_peak_where_their_slope_vanishes():
    for name in ("gelu_tanh", "quick_gelu"):
        result = ab.approximation_error("gelu", name)
        mirrored = float(ab.get(name)(-result.at) - ab.get("gelu")(-result.at))
        assert mirrored == pytest.approx(result.error, rel=1e-12)
        slope = ab.approximation_error("gelu", name, derivative=True)
        at_peak = float(ab.get(name).grad(result.at) - ab.get("gelu").grad(result.at))
        assert abs(at_peak) < 1e-7 * slope.largest


def test_registry_summaries_state_the_measured_bounds():
    tanh = ab.approximation_error("gelu", "gelu_tanh")
    quick = ab.approximation_error("gelu", "quick_gelu")
    assert tanh.largest < 0.0005 and "0.0005" in ab.get("gelu_tanh").summary
    assert quick.largest < 0.021 and "0.021" in ab.get("quick_gelu").summary
    assert quick.error < 0 < tanh.error  # quick GELU dips below, tanh lies above at the peak


def test_quick_gelu_is_gelu_with_a_logistic_cdf():
    x = np.linspace(-6, 6, 1201)
    np.testing.assert_allclose(
        ab.get("quick_gelu")(x), x * special.expit(1.702 * x), rtol=1e-14, atol=1e-300
    )
    result = ab.approximation_error("gelu", "quick_gelu")
    grid = np.linspace(-8, 8, 160001)
    independent = _independent_gelu_gap(lambda x: x * special.expit(1.702 * x), grid)
    assert result.largest == pytest.approx(independent.max(), rel=1e-6)


def test_a_kink_is_located_exactly():
    # Hard swish is 0 left of -3 while SiLU is not: the gap peaks at the kink itself.
    result = ab.approximation_error("silu", "hard_swish")
    assert result.at == pytest.approx(-3.0, abs=1e-8)
    assert result.error == pytest.approx(3 * special.expit(-3.0), rel=1e-7)


def test_derivative_errors_and_parameters():
    result = ab.approximation_error(
        "silu", "silu", approximation_params={"beta": 2.0}, derivative=True, xlim=(-4, 4)
    )
    x = np.linspace(-4, 4, 400001)
    independent = np.abs(ab.get("silu").grad(x, beta=2.0) - ab.get("silu").grad(x))
    assert result.largest == pytest.approx(independent.max(), rel=1e-9)
    assert ab.approximation_error("relu", "relu").largest == 0.0


@pytest.mark.parametrize("beta", [0.25, 1.0, 1.702, 4.0, 10.0])
def test_silu_minimum_is_the_lambert_w_closed_form(beta):
    minimum = ab.curve_minimum("silu", {"beta": beta})
    assert minimum.x == pytest.approx(-(1 + OMEGA) / beta, rel=1e-12)
    assert minimum.value == pytest.approx(-OMEGA / beta, rel=1e-12)


def test_minima_agree_with_the_declared_ranges():
    for name in ("gelu", "gelu_tanh", "quick_gelu", "silu", "mish", "hard_swish"):
        minimum = ab.curve_minimum(name)
        assert minimum.value == pytest.approx(ab.get(name).properties["range"][0], rel=1e-12)
    hard = ab.curve_minimum("hard_swish")
    assert (hard.x, hard.value) == (pytest.approx(-1.5, abs=1e-12), -0.375)
    quick = ab.curve_minimum("quick_gelu")
    silu = ab.curve_minimum("silu", {"beta": 1.702})
    assert (quick.x, quick.value) == (silu.x, silu.value)


def test_the_lowest_of_several_minima_is_returned():
    sinc = ab.curve_minimum("sinc", bracket=(-6.0, 0.0))
    assert sinc.value == pytest.approx(ab.get("sinc").properties["range"][0], rel=1e-12)
    assert -1.5 < sinc.x < -1.4  # the first dip is the deepest: sin(pi x)/(pi x) near -1.43


def test_no_minimum_is_an_error():
    with pytest.raises(ValueError, match="no local minimum"):
        ab.curve_minimum("silu", {"beta": 0.0})  # x / 2 is a straight line
    with pytest.raises(ValueError, match="no local minimum"):
        ab.curve_minimum("sigmoid")


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: ab.approximation_error("gelu", "gelu_tanh", xlim=(1.0, 1.0)), "xlim"),
        (lambda: ab.approximation_error("gelu", "gelu_tanh", xlim=(0.0, math.inf)), "xlim"),
        (lambda: ab.approximation_error("gelu", "gelu_tanh", points=2), "points"),
        (lambda: ab.approximation_error("gelu", "gelu_tanh", points=10.5), "points"),
        (lambda: ab.approximation_error("silu", "silu", params={"beta": -1.0}), "beta"),
        (lambda: ab.curve_minimum("silu", bracket=(0.0, -1.0)), "bracket"),
        (lambda: ab.curve_minimum("silu", points=1), "points"),
        (lambda: ab.curve_minimum("silu", {"beta": math.nan}), "beta"),
    ],
)
def test_bad_arguments_name_the_parameter(call, name):
    with pytest.raises(ValueError, match=repr(name)):
        call()
