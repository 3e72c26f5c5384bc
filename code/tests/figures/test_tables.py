"""Tables of computed numbers: slopes at points and results over seeds."""

from __future__ import annotations

import actbook as ab
import pytest


def _cells(markdown):
    lines = str(markdown).splitlines()
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines if line]


def test_slope_table_has_the_package_derivatives_at_each_point():
    header, rule, *rows = _cells(ab.slope_table(["relu", "sigmoid"], [-1.0, 0.0, 2.0]))
    assert header == ["Activation", "f′(-1)", "f′(0)", "f′(2)"]
    assert rows[0] == ["Rectified linear unit (ReLU)", "0", "0", "1"]  # 0 at the kink
    sigmoid = ab.get("sigmoid")
    assert rows[1][1:] == [f"{float(sigmoid.grad(p)):.3g}" for p in (-1.0, 0.0, 2.0)]
    assert rows[1][2] == "0.25"


def test_slope_table_refuses_vector_activations_and_no_points():
    with pytest.raises(ValueError, match="'activations'"):
        ab.slope_table(["relu", "softmax"], [0.0])
    with pytest.raises(ValueError, match="'points'"):
        ab.slope_table(["relu"], [])


@pytest.fixture(scope="module")
def two_seeds(moons):
    return [
        ab.train_per_activation(moons, ["tanh", "relu"], hidden=(4,), epochs=3, seed=s)
        for s in (0, 1)
    ]


def test_seed_table_lists_each_seed_value(two_seeds):
    table = ab.seed_results_table(two_seeds, test_accuracy_at=[1, 3], train_loss_at=[3])
    header, rule, *rows = _cells(table)
    assert header == [
        "Hidden activation",
        "Test accuracy, epoch 1",
        "Test accuracy, epoch 3",
        "Training loss, epoch 3",
    ]
    assert [row[0] for row in rows] == ["tanh", "relu"]
    tanh = [runs["tanh"] for runs in two_seeds]
    assert rows[0][1] == " / ".join(f"{run.test_accuracy[1]:.0%}" for run in tanh)
    assert rows[0][3] == " / ".join(f"{run.train_loss[3]:.3f}" for run in tanh)


def test_seed_table_is_checked(two_seeds):
    with pytest.raises(ValueError, match="'runs_by_seed'"):
        ab.seed_results_table([], test_accuracy_at=[1])
    with pytest.raises(ValueError, match="'test_accuracy_at' and 'train_loss_at'"):
        ab.seed_results_table(two_seeds)
    with pytest.raises(ValueError, match="epochs \\[4\\]"):
        ab.seed_results_table(two_seeds, train_loss_at=[4])
    mixed = [two_seeds[0], {"tanh": two_seeds[1]["tanh"]}]
    with pytest.raises(ValueError, match="same activations"):
        ab.seed_results_table(mixed, test_accuracy_at=[1])
