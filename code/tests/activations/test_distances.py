"""max_gap finds sup |f - g| and where it is reached, checked against closed forms.

The pairs are of two kinds: an activation and the simpler one it resembles (softplus and
ReLU), and a cheap stand-in and the function it replaces (GELU's tanh form and GELU),
whose gaps are checked against independent sums that do not use the package.
"""

from __future__ import annotations

import math

import actbook as ab
import mpmath
import numpy as np
import pytest
from actbook.activations._distances import Gap, max_gap
from scipy import special

OMEGA = float(mpmath.lambertw(mpmath.exp(-1)))  # W(1/e): the depth of SiLU's dip


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@pytest.mark.parametrize("beta", [0.25, 1.0, 2.5, 4.0])
def test_softplus_is_log2_over_beta_above_relu_at_zero(beta):
    gap = max_gap("softplus", "relu", f_params={"beta": beta})
    assert gap.value == pytest.approx(math.log(2) / beta, rel=1e-13)
    assert gap.locations == pytest.approx((0.0,), abs=1e-9)
    assert gap.signed > 0  # softplus lies above ReLU


@pytest.mark.parametrize("b", [0.25, 1.0, 4.0, 8.0])
def test_squareplus_is_half_root_b_above_relu_at_zero(b):
    gap = max_gap("squareplus", "relu", f_params={"b": b})
    assert gap.value == pytest.approx(math.sqrt(b) / 2, rel=1e-13)
    assert gap.where == pytest.approx(0.0, abs=1e-9)


def test_hard_tanh_and_tanh_differ_most_at_the_kinks():
    gap = max_gap("hard_tanh", "tanh")
    assert gap.value == pytest.approx(1 - math.tanh(1), rel=1e-13)
    assert gap.locations == pytest.approx((-1.0, 1.0), abs=1e-9)
    assert gap.signed < 0  # at x = -1 the hard tanh (-1) lies below tanh


def test_hard_sigmoid_and_sigmoid_differ_most_where_the_slopes_agree():
    # Inside (-3, 3) the difference has zero slope where sigmoid' = 1/6, i.e. where
    # sigmoid = (1 + 1/sqrt 3) / 2; outside the gap 1 - sigmoid(3) is smaller.
    r = 1 / math.sqrt(3)
    x_star = math.log((1 + r) / (1 - r))
    expected = _sigmoid(x_star) - (x_star + 3) / 6
    gap = max_gap("hard_sigmoid", "sigmoid")
    assert gap.value == pytest.approx(expected, rel=1e-12)
    assert gap.locations == pytest.approx((-x_star, x_star), abs=1e-6)
    assert expected > 1 - _sigmoid(3)


def test_legacy_hard_sigmoid_differs_most_at_its_kinks():
    gap = max_gap("hard_sigmoid_legacy", "sigmoid")
    assert gap.value == pytest.approx(1 - _sigmoid(2.5), rel=1e-12)
    assert gap.locations == pytest.approx((-2.5, 2.5), abs=1e-9)


def test_a_maximum_between_grid_points_is_refined():
    # |sin(x - 0.3)| peaks at 0.3 + pi/2, far from any point of a 7-point grid.
    gap = max_gap(lambda x: np.sin(x - 0.3), lambda x: np.zeros_like(x), interval=(-1, 3), points=7)
    assert gap.value == pytest.approx(1.0, abs=1e-12)
    assert gap.where == pytest.approx(0.3 + math.pi / 2, abs=1e-5)


def test_arguments_are_symmetric():
    forward = max_gap("mish", "relu")
    backward = max_gap("relu", "mish")
    assert forward.value == backward.value
    assert forward.locations == backward.locations
    assert forward.signed == -backward.signed


def test_identical_functions_have_no_gap():
    assert max_gap("relu", "relu") == Gap(0.0, (), 0.0, (-20.0, 20.0))
    assert math.isnan(max_gap("relu", "relu").where)


def test_a_gap_at_the_end_of_the_interval_is_refused():
    # ReLU and the identity drift apart without bound on the left.
    with pytest.raises(ValueError, match="interval"):
        max_gap("relu", "identity")
    # softplus - relu peaks at 0, which is the end of this interval.
    with pytest.raises(ValueError, match="widen"):
        max_gap("softplus", "relu", interval=(0.0, 5.0))


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"interval": (1.0, 1.0)}, "interval"),
        ({"interval": (0.0, math.inf)}, "interval"),
        ({"points": 2}, "points"),
        ({"points": 10.5}, "points"),
        ({"f_params": {"beta": -1.0}}, "beta"),
        ({"g_params": {"alpha": 1.0}}, "alpha"),
        ({"derivative": 1}, "derivative"),
    ],
)
def test_bad_arguments_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        max_gap("softplus", "relu", **kwargs)


def test_bad_functions_are_refused():
    with pytest.raises(ValueError, match="'f'"):
        max_gap(3.0, "relu")
    with pytest.raises(ValueError, match="g_params"):
        max_gap("relu", lambda x: x, g_params={"beta": 1.0})
    with pytest.raises(ValueError, match="elementwise"):
        max_gap("softmax", "relu")
    with pytest.raises(ValueError, match="NaN"):
        max_gap(lambda x: np.where(x > 1, np.nan, x), "relu")
    with pytest.raises(ValueError, match=r"'g'.*derivative"):
        max_gap("relu", lambda x: x, derivative=True)


def test_where_text_names_the_locations():
    assert max_gap("softplus", "relu").where_text() == "x = 0"
    assert max_gap("hard_sigmoid", "sigmoid").where_text() == "x = ±1.32"
    three = max_gap("squareplus", "softplus", f_params={"b": 1.5238210417605225})
    assert three.where_text() == "x = -3.56, 0, 3.56"
    assert max_gap("relu", "relu").where_text() == "nowhere"


def test_a_flat_maximum_on_the_grid_keeps_its_exact_location():
    # squareplus (b = 4) - softplus has zero first, second and third derivatives at 0.
    gap = max_gap("squareplus", "softplus")
    assert gap.locations == (0.0,)
    assert gap.value == pytest.approx(1 - math.log(2), rel=1e-14)


# -- stand-ins: the approximation as f, the exact function as g --------------------------
def _tanh_form(x):
    u = np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)
    return x / 2 * (1 + np.tanh(u))


def _independent_gelu_gap(approximate, x):
    """|approximation - x Phi(x)| from SciPy's normal CDF, not from the package."""
    return np.abs(approximate(x) - x * special.ndtr(x))


def test_tanh_form_error_matches_an_independent_search():
    gap = max_gap("gelu_tanh", "gelu")
    right = gap.locations[-1]
    x = np.linspace(right - 1e-3, right + 1e-3, 200001)
    independent = _independent_gelu_gap(_tanh_form, x)
    assert gap.value == pytest.approx(independent.max(), rel=1e-9)
    # A smooth maximum is located to about the square root of machine precision.
    assert right == pytest.approx(x[independent.argmax()], abs=1e-6)
    # Nothing larger anywhere else on a coarser independent grid.
    wide = np.linspace(-8, 8, 160001)
    assert _independent_gelu_gap(_tanh_form, wide).max() <= gap.value * (1 + 1e-12)


def test_gelu_stand_in_errors_are_even_and_peak_where_their_slopes_agree():
    for name in ("gelu_tanh", "quick_gelu"):
        gap = max_gap(name, "gelu")
        left, right = gap.locations
        assert left == pytest.approx(-right, abs=1e-6)
        mirrored = float(ab.get(name)(right) - ab.get("gelu")(right))
        assert mirrored == pytest.approx(gap.signed, rel=1e-12)  # even: same sign at ±x
        slope = max_gap(name, "gelu", derivative=True)
        assert slope.derivative and len(slope.locations) == 2
        at_peak = float(ab.get(name).grad(right) - ab.get("gelu").grad(right))
        assert abs(at_peak) < 1e-5 * slope.value  # zero, up to the location's accuracy
        # The derivative error is odd: opposite signs at the two peaks.
        other = float(
            ab.get(name).grad(slope.locations[-1]) - ab.get("gelu").grad(slope.locations[-1])
        )
        assert other == pytest.approx(-slope.signed, rel=1e-9)


def test_registry_summaries_state_the_measured_bounds():
    tanh = max_gap("gelu_tanh", "gelu")
    quick = max_gap("quick_gelu", "gelu")
    assert tanh.value < 0.0005 and "0.0005" in ab.get("gelu_tanh").summary
    assert quick.value < 0.021 and "0.021" in ab.get("quick_gelu").summary
    assert quick.signed < 0 < tanh.signed  # quick GELU dips below, tanh lies above at the peak


def test_quick_gelu_is_gelu_with_a_logistic_cdf():
    x = np.linspace(-6, 6, 1201)
    np.testing.assert_allclose(
        ab.get("quick_gelu")(x), x * special.expit(1.702 * x), rtol=1e-14, atol=1e-300
    )
    gap = max_gap("quick_gelu", "gelu")
    grid = np.linspace(-8, 8, 160001)
    independent = _independent_gelu_gap(lambda x: x * special.expit(1.702 * x), grid)
    assert gap.value == pytest.approx(independent.max(), rel=1e-6)


def test_hard_swish_and_silu_differ_most_at_both_kinks():
    # Hard swish is 0 left of -3 and x right of 3, where SiLU is not: the gap is even
    # (both satisfy f(x) - f(-x) = x) and peaks at the kinks themselves.
    gap = max_gap("hard_swish", "silu")
    assert gap.locations == pytest.approx((-3.0, 3.0), abs=1e-8)
    assert gap.value == pytest.approx(3 * special.expit(-3.0), rel=1e-12)
    assert gap.signed > 0  # at -3 hard swish is already 0, SiLU still negative


@pytest.mark.parametrize("beta", [0.25, 1.0, 4.0, 10.0])
def test_silu_approaches_relu_by_the_depth_of_its_dip(beta):
    gap = max_gap("silu", "relu", f_params={"beta": beta})
    assert gap.value == pytest.approx(OMEGA / beta, rel=1e-12)
    assert gap.locations == pytest.approx((-(1 + OMEGA) / beta, (1 + OMEGA) / beta), rel=1e-7)


def test_derivative_gaps_with_parameters():
    gap = max_gap("silu", "silu", f_params={"beta": 2.0}, derivative=True, interval=(-4, 4))
    x = np.linspace(-4, 4, 400001)
    independent = np.abs(ab.get("silu").grad(x, beta=2.0) - ab.get("silu").grad(x))
    assert gap.value == pytest.approx(independent.max(), rel=1e-9)
    assert max_gap("relu", "relu", derivative=True) == Gap(0.0, (), 0.0, (-20.0, 20.0), True)


def test_a_derivative_gap_that_never_decays_is_refused():
    # ReLU' is 0 left of 0 and the identity's is 1: the gap is 1 out to the interval's end.
    with pytest.raises(ValueError, match="widen"):
        max_gap("relu", "identity", derivative=True)
