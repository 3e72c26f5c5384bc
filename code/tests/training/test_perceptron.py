"""Tests of the perceptron and ADALINE trainers and the separable toy set."""

import numpy as np
import pytest
from actbook import LinearUnitTrace, adaline, get, loss_along_weight, perceptron, separable_points


def test_separable_points_are_separable_with_the_margin():
    x, y = separable_points(200, margin=0.4, seed=1)
    assert x.shape == (200, 2) and y.shape == (200,)
    assert set(np.unique(y)) == {0, 1}
    # The perceptron finds a separator, so the set is separable.
    trace = perceptron(x, y, epochs=50, seed=0)
    assert trace.mistakes[-1] == 0


def test_separable_points_are_deterministic():
    a = separable_points(50, seed=7)
    b = separable_points(50, seed=7)
    assert all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))
    assert not np.array_equal(a[0], separable_points(50, seed=8)[0])


def test_perceptron_converges_and_then_stops_changing():
    x, y = separable_points(80, margin=0.1, seed=2)
    trace = perceptron(x, y, epochs=30, seed=0)
    assert isinstance(trace, LinearUnitTrace)
    assert trace.epochs == 30
    assert trace.weights.shape == (31, 2) and trace.biases.shape == (31,)
    epoch = trace.converged_epoch
    assert epoch is not None
    assert np.all(trace.mistakes[epoch:] == 0)
    assert np.array_equal(trace.weights[epoch], trace.weights[-1])
    assert np.array_equal(trace.predict(x), y)


def test_perceptron_respects_novikoff_bound():
    x, y = separable_points(80, margin=0.1, seed=2)
    trace = perceptron(x, y, epochs=30, seed=0)
    augmented = np.column_stack([x, np.ones(len(x))])
    direction = np.append(trace.weights[-1], trace.biases[-1])
    direction /= np.linalg.norm(direction)
    gamma = np.min((2 * y - 1) * (augmented @ direction))
    radius = np.max(np.linalg.norm(augmented, axis=1))
    assert gamma > 0
    assert trace.updates <= (radius / gamma) ** 2


def test_perceptron_learning_rate_only_rescales():
    x, y = separable_points(60, margin=0.1, seed=0)
    one = perceptron(x, y, learning_rate=1.0, epochs=5, seed=3)
    half = perceptron(x, y, learning_rate=0.5, epochs=5, seed=3)
    np.testing.assert_allclose(half.weights, 0.5 * one.weights)
    assert np.array_equal(one.mistakes, half.mistakes)


def test_perceptron_update_by_hand():
    # One point of class 0 at (1, 2): step(0) = 1 is wrong, so w -= x and b -= 1.
    trace = perceptron([[1.0, 2.0]], [0], epochs=1, seed=0)
    np.testing.assert_array_equal(trace.weights[1], [-1.0, -2.0])
    assert trace.biases[1] == -1.0
    assert trace.mistakes.tolist() == [1, 0]
    assert trace.updates == 1


def test_adaline_decreases_squared_error_towards_least_squares():
    x, y = separable_points(100, margin=0.3, seed=4)
    trace = adaline(x, y, learning_rate=0.005, epochs=60, seed=0)
    assert trace.squared_error[-1] < trace.squared_error[0]
    augmented = np.column_stack([x, np.ones(len(x))])
    best, *_ = np.linalg.lstsq(augmented, 2.0 * y - 1.0, rcond=None)
    optimum = np.mean(0.5 * (2.0 * y - 1.0 - augmented @ best) ** 2)
    assert trace.squared_error[-1] == pytest.approx(optimum, rel=0.05)


def test_adaline_update_by_hand():
    # Target -1 at x = (1, 0), z = 0: error -1, so w = -eta * x and b = -eta.
    trace = adaline([[1.0, 0.0]], [0], learning_rate=0.1, epochs=1, seed=0)
    np.testing.assert_allclose(trace.weights[1], [-0.1, 0.0])
    assert trace.biases[1] == pytest.approx(-0.1)
    assert trace.squared_error[0] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": [[1.0]], "y": [2]}, "'y'"),
        ({"x": [1.0, 2.0], "y": [0, 1]}, "'x'"),
        ({"x": [[1.0]], "y": [1], "learning_rate": 0.0}, "'learning_rate'"),
        ({"x": [[1.0]], "y": [1], "epochs": -1}, "'epochs'"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    for train in (perceptron, adaline):
        with pytest.raises(ValueError, match=message):
            train(**kwargs)


@pytest.mark.parametrize(("n", "margin"), [(1, 0.1), (10, -1.0), (10, float("nan"))])
def test_separable_points_rejects_bad_arguments(n, margin):
    with pytest.raises(ValueError):
        separable_points(n, margin=margin)


# -- the loss along one weight ------------------------------------------------------------------
def test_loss_along_weight_by_hand():
    # Two points, one per class; (w, b) = (3, 4) / 5 after scaling to unit length.
    x, y = np.array([[1.0], [-1.0]]), np.array([1, 0])
    shifts = np.array([0.0, -3.0])
    sigmoid = get("sigmoid")
    loss = loss_along_weight(x, y, [3.0], 4.0, shifts, activation="sigmoid", steepness=2.0)
    z = np.array([[0.6 + 0.8, -0.6 + 0.8], [-2.4 + 0.8, 2.4 + 0.8]])  # rows: shifts
    expected = np.mean((sigmoid(2.0 * z) - y) ** 2, axis=1)
    np.testing.assert_allclose(loss, expected, rtol=1e-15)
    # The step output gets the second point wrong at shift 0 (z = 0.2 >= 0 fires 1)
    # and both wrong at shift -3 (z = -1.6 and 3.2).
    steps = loss_along_weight(x, y, [3.0], 4.0, shifts, activation="step")
    np.testing.assert_array_equal(steps, [0.5, 1.0])


def test_loss_along_weight_is_a_staircase_for_a_step_and_smooth_for_a_sigmoid():
    x, y = separable_points(80, margin=0.1, seed=2)
    trace = perceptron(x, y, epochs=12, seed=0)
    w, b = trace.weights[-1], trace.biases[-1]
    shifts = np.linspace(-2.0, 2.0, 401)
    step = loss_along_weight(x, y, w, b, shifts)
    smooth = loss_along_weight(x, y, w, b, shifts, activation="sigmoid")
    # The trained perceptron separates the points: no error at shift 0.
    assert step[200] == 0.0
    # A step output only takes values k / n, and changes at few of the shifts.
    np.testing.assert_allclose(step * len(x), np.round(step * len(x)), atol=1e-12)
    assert np.count_nonzero(np.diff(step)) < 0.2 * len(shifts)
    # A sigmoid output changes at every shift and has one valley near 0.
    assert np.all(np.diff(smooth) != 0)
    assert abs(shifts[np.argmin(smooth)]) < 0.2
    assert np.all(smooth > 0)
    # Scaling the unit changes nothing: it is normalised first.
    np.testing.assert_allclose(loss_along_weight(x, y, 7 * w, 7 * b, shifts), step)


def test_loss_along_weight_moves_the_chosen_weight():
    x, y = separable_points(30, margin=0.2, seed=1)
    shifts = np.array([0.5])
    first = loss_along_weight(x, y, [1.0, 0.0], 0.0, shifts, activation="sigmoid")
    second = loss_along_weight(x, y, [1.0, 0.0], 0.0, shifts, activation="sigmoid", index=1)
    sigmoid = get("sigmoid")
    np.testing.assert_allclose(first, np.mean((sigmoid(4 * 1.5 * x[:, 0]) - y) ** 2))
    np.testing.assert_allclose(second, np.mean((sigmoid(4 * (x[:, 0] + 0.5 * x[:, 1])) - y) ** 2))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"weights": [1.0]}, "'weights'"),
        ({"weights": [0.0, 0.0], "bias": 0.0}, "'weights' and 'bias'"),
        ({"steepness": 0.0}, "'steepness'"),
        ({"index": 2}, "'index'"),
        ({"shifts": [[0.0]]}, "'shifts'"),
        ({"bias": float("nan")}, "'bias'"),
    ],
)
def test_loss_along_weight_names_bad_arguments(kwargs, message):
    x, y = separable_points(10, seed=0)
    arguments = {"weights": [1.0, 1.0], "bias": 0.0, "shifts": [0.0], **kwargs}
    with pytest.raises(ValueError, match=message):
        loss_along_weight(x, y, **arguments)
