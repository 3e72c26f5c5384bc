"""Tests of the perceptron and ADALINE trainers and the separable toy set."""

import numpy as np
import pytest
from actbook import LinearUnitTrace, adaline, perceptron, separable_points


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
