"""Tests of the hand-fitted one-neuron regression."""

import actbook as ab
import numpy as np
import pytest
from actbook import (
    diabetes_feature,
    fit_by_hand,
    hand_gradient,
    hand_loss,
    hand_predict,
)

SMOOTH = ["identity", "sigmoid", "tanh"]
KINKED = ["relu", "leaky_relu"]


@pytest.fixture(scope="module")
def data():
    return diabetes_feature("bmi")


def test_diabetes_feature_is_standardised(data):
    x, y = data
    assert x.shape == y.shape == (442,)
    np.testing.assert_allclose([x.mean(), y.mean()], 0, atol=1e-12)
    np.testing.assert_allclose([x.std(), y.std()], 1, atol=1e-12)
    # BMI is the feature most correlated with progression in this data set.
    assert 0.58 < np.corrcoef(x, y)[0, 1] < 0.59


def test_diabetes_feature_rejects_unknown_names():
    with pytest.raises(ValueError, match="'feature'"):
        diabetes_feature("rooms")


def test_predict_and_loss_follow_the_definition(data):
    x, y = data
    params = np.array([0.5, -0.2, 1.5, 0.1])
    expected = 1.5 * ab.get("tanh")(0.5 * x - 0.2) + 0.1
    np.testing.assert_allclose(hand_predict(params, x, "tanh"), expected)
    assert hand_loss(params, x, y, "tanh") == pytest.approx(np.mean((expected - y) ** 2))


@pytest.mark.parametrize("name", SMOOTH + KINKED)
def test_gradient_matches_central_differences(data, name):
    x, y = data
    params = np.array([0.7, 0.3, -1.2, 0.4])
    if name in KINKED:
        # Keep every pre-activation away from the kink at 0, where differences average
        # the two one-sided slopes.
        u = params[0] * x + params[1]
        assert np.min(np.abs(u)) > 1e-4
    loss, gradient = hand_gradient(params, x, y, name)
    assert loss == pytest.approx(hand_loss(params, x, y, name))
    numerical = ab.numerical_jacobian(lambda p: hand_loss(p, x, y, name), params)
    np.testing.assert_allclose(gradient, numerical, rtol=1e-6, atol=1e-9)


def test_identity_fit_reaches_least_squares(data):
    x, y = data
    fit = fit_by_hand(x, y, "identity", initial=[1.0, 0.0, 1.0, 0.0], iterations=500)
    slope, intercept = np.polyfit(x, y, 1)
    least_squares = np.mean((slope * x + intercept - y) ** 2)
    assert fit.loss[-1] == pytest.approx(least_squares, rel=1e-9)
    np.testing.assert_allclose(fit.predict(x), slope * x + intercept, atol=1e-6)


def test_simultaneous_update_is_gradient_descent(data):
    x, y = data
    initial = np.array([0.3, 0.1, 0.8, -0.2])
    fit = fit_by_hand(x, y, "sigmoid", initial=initial, learning_rate=0.05, iterations=3)
    point = initial.copy()
    for t in range(3):
        loss, gradient = hand_gradient(point, x, y, "sigmoid")
        assert fit.loss[t] == pytest.approx(loss)
        point = point - 0.05 * gradient
        np.testing.assert_allclose(fit.params[t + 1], point)
    assert fit.params.shape == (4, 4) and fit.loss.shape == (4,)
    assert fit.loss[-1] == pytest.approx(hand_loss(point, x, y, "sigmoid"))


def test_sequential_update_differs_from_gradient_descent(data):
    x, y = data
    initial = np.array([0.3, 0.1, 0.8, -0.2])
    right = fit_by_hand(x, y, "tanh", initial=initial, learning_rate=0.1, iterations=1)
    wrong = fit_by_hand(
        x, y, "tanh", initial=initial, learning_rate=0.1, iterations=1, update="sequential"
    )
    # k1 is updated first from the old point, so it agrees; the later ones do not.
    assert wrong.params[1, 0] == pytest.approx(right.params[1, 0])
    assert not np.allclose(wrong.params[1, 1:3], right.params[1, 1:3])
    assert wrong.params[1, 3] == pytest.approx(right.params[1, 3])


def test_fit_is_deterministic(data):
    x, y = data
    a = fit_by_hand(x, y, "leaky_relu", initial=[0.2, 0.1, 1.0, 0.0], iterations=50)
    b = fit_by_hand(x, y, "leaky_relu", initial=[0.2, 0.1, 1.0, 0.0], iterations=50)
    np.testing.assert_array_equal(a.params, b.params)
    assert a.activation == "leaky_relu" and a.update == "simultaneous"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"update": "gauss"}, "'update'"),
        ({"learning_rate": 0.0}, "'learning_rate'"),
        ({"iterations": -1}, "'iterations'"),
        ({"initial": [1.0, 2.0]}, "'params'"),
    ],
)
def test_fit_rejects_bad_arguments(data, kwargs, match):
    x, y = data
    arguments = {"initial": [0.0, 0.0, 1.0, 0.0], **kwargs}
    with pytest.raises(ValueError, match=match):
        fit_by_hand(x, y, "tanh", **arguments)


def test_data_shapes_are_checked():
    with pytest.raises(ValueError, match="'x' and 'y'"):
        hand_loss([0.0, 0.0, 1.0, 0.0], np.zeros(3), np.zeros(4), "relu")


def test_least_squares_loss_is_one_minus_r_squared_for_standardised_data(data):
    x, y = data
    r = np.corrcoef(x, y)[0, 1]
    assert ab.least_squares_loss(x, y) == pytest.approx(1 - r**2, rel=1e-12)
    # No fit of the one-neuron model does better with the identity.
    start = np.array([0.3, 0.1, 0.8, -0.2])
    fit = fit_by_hand(x, y, "identity", initial=start, learning_rate=0.1, iterations=500)
    assert fit.loss[-1] >= ab.least_squares_loss(x, y) - 1e-12


def test_least_squares_loss_of_points_on_a_line_is_zero():
    x = np.linspace(-1.0, 2.0, 7)
    assert ab.least_squares_loss(x, 3.0 * x - 1.0) == pytest.approx(0.0, abs=1e-24)


def test_least_squares_loss_checks_its_data():
    with pytest.raises(ValueError, match="'x'"):
        ab.least_squares_loss([1.0, 1.0, 1.0], [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="'x' and 'y'"):
        ab.least_squares_loss([1.0, 2.0], [1.0])
