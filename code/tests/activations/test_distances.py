"""max_gap finds sup |f - g| and where it is reached, checked against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest
from actbook.activations._distances import Gap, max_gap


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
