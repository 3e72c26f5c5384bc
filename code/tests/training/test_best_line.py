"""The most accurate line: exact on small cases, checked against a brute-force search."""

from __future__ import annotations

import itertools

import actbook as ab
import numpy as np
import pytest


def test_xor_corners_the_best_line_gets_three_of_four():
    line = ab.best_line_accuracy([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0])
    assert line.accuracy == 0.75


def test_separable_points_are_all_classified_and_the_line_is_returned():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 2))
    y = (x @ [2.0, -1.0] > 0.3).astype(int)
    line = ab.best_line_accuracy(x, y)
    assert line.accuracy == 1.0
    assert np.isclose(np.linalg.norm(line.normal), 1.0)
    assert np.array_equal((x @ line.normal > line.offset).astype(int), y)


def _brute_force(x, y):
    """Every split of the points by a line through two of them, nudged either way."""
    best = max(np.mean(y), 1 - np.mean(y))
    for i, j in itertools.combinations(range(len(x)), 2):
        d = x[j] - x[i]
        normal = np.array([-d[1], d[0]])
        for tilt in (-1e-7, 1e-7):
            for shift in (-1e-9, 1e-9):
                u = normal + tilt * d
                offset = x[i] @ u + shift
                for sign in (1, -1):
                    predicted = (sign * (x @ u - offset) > 0).astype(int)
                    best = max(best, np.mean(predicted == y))
    return best


@pytest.mark.parametrize("seed", range(4))
def test_agrees_with_a_brute_force_search(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(14, 2))
    y = rng.integers(0, 2, size=14)
    line = ab.best_line_accuracy(x, y)
    assert line.accuracy == pytest.approx(_brute_force(x, y))
    assert np.mean((x @ line.normal > line.offset) == y) == pytest.approx(line.accuracy)


def test_rings_give_much_better_than_chance_but_below_one():
    rings = ab.make_dataset("circles", 300, noise=0.1, seed=0)
    line = ab.best_line_accuracy(rings.x_train, rings.y_train)
    assert 0.6 < line.accuracy < 0.75


def test_one_point_and_identical_points():
    assert ab.best_line_accuracy([[0.0, 0.0]], [1]).accuracy == 1.0
    line = ab.best_line_accuracy([[1.0, 1.0], [1.0, 1.0]], [0, 0])
    assert line.accuracy == 1.0
