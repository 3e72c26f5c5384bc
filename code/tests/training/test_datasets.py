"""The toy datasets: shapes, balance, geometry, determinism and argument checks."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest

GENERATORS = sorted(ab.DATASETS)


def _global_state():
    return np.random.get_state()[1].copy()


@pytest.mark.parametrize("name", GENERATORS)
def test_shapes_dtypes_and_balanced_labels(name):
    x, y = ab.DATASETS[name](101, seed=3)
    assert x.shape == (101, 2)
    assert x.dtype == np.float64
    assert y.shape == (101,)
    assert y.dtype == np.int64
    counts = np.bincount(y)
    assert counts.sum() == 101
    assert counts.max() - counts.min() <= 1
    assert np.all(np.isfinite(x))


@pytest.mark.parametrize("name", GENERATORS)
def test_same_seed_same_points_bit_for_bit_and_global_rng_untouched(name):
    before = _global_state()
    x1, y1 = ab.DATASETS[name](80, seed=7)
    x2, y2 = ab.DATASETS[name](80, seed=7)
    x3, _ = ab.DATASETS[name](80, seed=8)
    assert np.array_equal(x1, x2)
    assert np.array_equal(y1, y2)
    assert not np.array_equal(x1, x3)
    assert np.array_equal(before, _global_state())


@pytest.mark.parametrize("name", GENERATORS)
def test_rows_are_shuffled(name):
    _, y = ab.DATASETS[name](200, seed=0)
    # Unshuffled data would be sorted by label; a prefix must already hold every class.
    assert len(np.unique(y[:40])) == y.max() + 1


def test_moons_without_noise_lie_on_their_arcs():
    x, y = ab.moons(50, noise=0.0, seed=0)
    upper, lower = x[y == 0], x[y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0, rtol=1e-12)
    assert np.all(upper[:, 1] >= -1e-12)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0, rtol=1e-12)
    assert np.all(lower[:, 1] <= 0.5 + 1e-12)


def test_circles_without_noise_have_radii_one_and_factor():
    x, y = ab.circles(60, noise=0.0, factor=0.3, seed=0)
    radius = np.hypot(*x.T)
    np.testing.assert_allclose(radius[y == 0], 1.0, rtol=1e-12)
    np.testing.assert_allclose(radius[y == 1], 0.3, rtol=1e-12)


def test_spiral_without_noise_follows_its_arms():
    x, y = ab.spiral(90, n_classes=3, noise=0.0, turns=1.5, seed=0)
    assert set(np.unique(y)) == {0, 1, 2}
    radius = np.hypot(*x.T)
    assert radius.min() >= 0.05 - 1e-12
    assert radius.max() <= 1.0 + 1e-12
    # The angle of each point must be the arm's angle at its radius (mod 2 pi).
    expected = 2 * np.pi * (y / 3 + 1.5 * radius)
    difference = np.angle(np.exp(1j * (np.arctan2(x[:, 1], x[:, 0]) - expected)))
    np.testing.assert_allclose(difference, 0.0, atol=1e-9)


def test_xor_without_noise_is_the_xor_truth_table():
    x, y = ab.xor(40, noise=0.0, seed=0)
    assert set(map(tuple, x)) == {(1.0, 1.0), (-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0)}
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(int))


def test_make_dataset_split_and_points_independent_of_fraction():
    quarter = ab.make_dataset("spiral", 120, test_fraction=0.25, seed=5, n_classes=4)
    half = ab.make_dataset("spiral", 120, test_fraction=0.5, seed=5, n_classes=4)
    assert quarter.x_train.shape == (90, 2)
    assert quarter.x_test.shape == (30, 2)
    assert half.x_test.shape == (60, 2)
    assert quarter.n_classes == 4
    assert quarter.n_features == 2

    def all_rows(data):
        rows = np.concatenate([data.x_train, data.x_test])
        return rows[np.lexsort(rows.T)]

    np.testing.assert_array_equal(all_rows(quarter), all_rows(half))
    again = ab.make_dataset("spiral", 120, test_fraction=0.25, seed=5, n_classes=4)
    np.testing.assert_array_equal(again.x_test, quarter.x_test)


def test_make_dataset_accepts_a_generator():
    data = ab.make_dataset("moons", 40, seed=np.random.default_rng(1))
    assert data.x_train.shape == (30, 2)


def test_train_test_split_is_a_partition():
    x = np.arange(20.0).reshape(10, 2)
    y = np.arange(10)
    x_train, y_train, x_test, y_test = ab.train_test_split(x, y, test_fraction=0.3, seed=2)
    assert len(y_test) == 3
    assert sorted(np.concatenate([y_train, y_test])) == list(range(10))
    np.testing.assert_array_equal(x_train[:, 0], 2 * y_train)
    np.testing.assert_array_equal(x_test[:, 0], 2 * y_test)


def test_digits_are_scaled_and_split():
    data = ab.digits(seed=0)
    assert data.n_features == 64
    assert data.n_classes == 10
    assert len(data.y_train) + len(data.y_test) == 1797
    assert data.x_train.min() >= 0.0
    assert data.x_train.max() == 1.0
    assert set(np.unique(data.y_train)) == set(range(10))


def test_decision_grid_covers_the_data():
    x, _ = ab.moons(30, seed=0)
    xx, yy, points = ab.decision_grid(x, resolution=11, margin=0.1)
    assert xx.shape == yy.shape == (11, 11)
    assert points.shape == (121, 2)
    assert np.all(points.min(axis=0) < x.min(axis=0))
    assert np.all(points.max(axis=0) > x.max(axis=0))
    np.testing.assert_array_equal(points[:, 0].reshape(xx.shape), xx)


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: ab.moons(1), "n_samples"),
        (lambda: ab.moons(10.5), "n_samples"),
        (lambda: ab.moons(True), "n_samples"),
        (lambda: ab.moons(10, noise=-0.1), "noise"),
        (lambda: ab.moons(10, noise=float("nan")), "noise"),
        (lambda: ab.moons(10, seed=-1), "seed"),
        (lambda: ab.moons(10, seed=1.5), "seed"),
        (lambda: ab.circles(10, factor=1.0), "factor"),
        (lambda: ab.circles(10, factor=0.0), "factor"),
        (lambda: ab.spiral(10, n_classes=1), "n_classes"),
        (lambda: ab.spiral(2, n_classes=3), "n_samples"),
        (lambda: ab.spiral(10, turns=0), "turns"),
        (lambda: ab.xor(3), "n_samples"),
        (lambda: ab.xor(10, noise="a"), "noise"),
        (lambda: ab.make_dataset("swiss_roll"), "name"),
        (lambda: ab.make_dataset("moons", test_fraction=1.0), "test_fraction"),
        (lambda: ab.make_dataset("moons", test_fraction=-0.1), "test_fraction"),
        (lambda: ab.train_test_split(np.zeros((3, 2)), np.zeros(4)), "'x' and 'y'"),
        (lambda: ab.digits(test_fraction=2), "test_fraction"),
        (lambda: ab.decision_grid(np.zeros((3, 3))), "'x'"),
        (lambda: ab.decision_grid(np.zeros((3, 2)), resolution=1), "resolution"),
        (lambda: ab.decision_grid(np.zeros((3, 2)), margin=-1), "margin"),
    ],
)
def test_bad_arguments_name_the_parameter(call, parameter):
    with pytest.raises(ValueError, match=parameter):
        call()


def test_validation_split_holds_out_part_of_the_training_set():
    data = ab.make_dataset("moons", 100, seed=2)
    split = ab.validation_split(data, 0.2, seed=3)
    assert (len(split.x_train), len(split.x_val)) == (60, 15)  # 75 training rows, a fifth out
    np.testing.assert_array_equal(split.x_test, data.x_test)  # the test set is untouched
    # Training and validation rows together are the original training rows.
    together = np.concatenate([split.x_train, split.x_val])
    assert sorted(map(tuple, together)) == sorted(map(tuple, data.x_train))
    again = ab.validation_split(data, 0.2, seed=3)
    np.testing.assert_array_equal(again.x_val, split.x_val)
    assert data.x_val is None  # the input is not modified
    with pytest.raises(ValueError, match="already has a validation set"):
        ab.validation_split(split)
    with pytest.raises(ValueError, match="'fraction'"):
        ab.validation_split(data, 0.001)
