"""Counting the zeros of hidden layers: exact counts on hand-set networks, the sweep's
bookkeeping (same start for every activation, silent units inside the zeros) and bad
arguments. Nothing here is timed."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.training._sparsity import _always_zero


def _hand_set(activation, weights, biases=None, **params):
    """A 2-input, 3-unit, 2-output network with the given first-layer weights."""
    model = ab.MLP((2, 3, 2), activation, activation_params=params or None, seed=0)
    model.weights[0][...] = weights
    model.biases[0][...] = 0.0 if biases is None else biases
    return model


W = np.array([[1.0, -1.0, 0.0], [0.0, 0.0, 1.0]])
X = np.array([[1.0, 0.0], [-1.0, 2.0]])  # pre-activations [[1, -1, 0], [-1, 1, 2]]


def test_hidden_activations_are_what_the_next_layer_receives():
    model = _hand_set("relu", W)
    (a,) = ab.hidden_activations(model, X)
    np.testing.assert_array_equal(a, [[1.0, 0.0, 0.0], [0.0, 1.0, 2.0]])
    deep = ab.MLP((2, 5, 4, 3), "tanh", seed=1)
    layers = ab.hidden_activations(deep, X)
    assert [h.shape for h in layers] == [(2, 5), (2, 4)]
    logits = layers[-1] @ deep.weights[-1] + deep.biases[-1]
    np.testing.assert_allclose(logits, deep.logits(X), rtol=1e-14)


def test_zero_fraction_counts_exact_zeros_per_layer():
    model = _hand_set("relu", W)
    # relu outputs [[1, 0, 0], [0, 1, 2]]: 3 of the 6 are exactly 0.
    np.testing.assert_array_equal(ab.zero_fraction(model, X), [0.5])
    # With a tolerance of 1 the ones count too: only the 2 stays.
    np.testing.assert_array_equal(ab.zero_fraction(model, X, tolerance=1.0), [5 / 6])
    deep = ab.MLP((2, 4, 4, 2), "relu", seed=0)
    assert ab.zero_fraction(deep, X).shape == (2,)


def test_shrinkage_zeros_both_sides_of_the_dead_zone():
    model = _hand_set("softshrink", W, lambd=1.0)
    # |z| <= 1 gives 0: the entries 1, -1, 0, -1, 1 are zeros, only the 2 survives.
    np.testing.assert_array_equal(ab.zero_fraction(model, X), [5 / 6])


def test_smooth_activations_are_zero_only_at_zero():
    # tanhshrink(1e-9) is about 3.3e-28, kept by the package's series: not a zero. The
    # pre-activation 0 is the only exact zero.
    model = _hand_set("tanhshrink", [[1e-9, 0.0, 1.0], [0.0, 0.0, 0.0]])
    assert ab.zero_fraction(model, [[1.0, 1.0]]).tolist() == [1 / 3]
    assert ab.hidden_activations(model, [[1.0, 1.0]])[0][0, 0] > 0


def test_negative_zero_counts_as_zero():
    # GELU of a very negative input underflows to -0.0, which equals 0.
    model = _hand_set("gelu", [[-50.0, 1.0, 1.0], [0.0, 0.0, 0.0]])
    (a,) = ab.hidden_activations(model, [[1.0, 0.0]])
    assert a[0, 0] == 0 and np.signbit(a[0, 0])
    assert ab.zero_fraction(model, [[1.0, 0.0]]).tolist() == [1 / 3]


def test_zero_fraction_leaves_its_input_alone():
    model = _hand_set("relu", W)
    x = X.copy()
    ab.zero_fraction(model, x, tolerance=0.5)
    np.testing.assert_array_equal(x, X)


@pytest.mark.parametrize("tolerance", [-1.0, np.nan, np.inf, "0.1", True])
def test_bad_tolerance_is_named(tolerance):
    with pytest.raises(ValueError, match="tolerance"):
        ab.zero_fraction(_hand_set("relu", W), X, tolerance=tolerance)


@pytest.mark.parametrize(
    "x", [np.zeros((0, 2)), np.zeros((3, 5)), np.zeros(2), [[np.nan, 0.0]], [["a", "b"]]]
)
def test_bad_inputs_are_named(x):
    with pytest.raises(ValueError, match="'x'"):
        ab.zero_fraction(_hand_set("relu", W), x)
    with pytest.raises(ValueError, match="'x'"):
        ab.hidden_activations(_hand_set("relu", W), x)


def test_a_model_is_required():
    with pytest.raises(ValueError, match="'model'"):
        ab.zero_fraction("relu", X)
    with pytest.raises(ValueError, match="'model'"):
        ab.hidden_activations(None, X)


# -- the sweep ---------------------------------------------------------------------------
OPTIONS = {"hidden": (8, 8), "epochs": 3, "batch_size": 16, "optimizer": ab.Adam(0.02)}


@pytest.fixture(scope="module")
def sweep(moons):
    return ab.sparsity_sweep(moons, ["relu", "softshrink", "tanh"], [0, 1], **OPTIONS)


def test_sweep_arrays_are_activation_by_seed_by_layer(sweep):
    assert sweep.labels == ("relu", "softshrink", "tanh")
    assert sweep.seeds == (0, 1)
    for name in ("zero_fraction", "always_zero_fraction", "small_fraction"):
        assert getattr(sweep, name).shape == (3, 2, 2), name
    assert sweep.initial_zero_fraction.shape == (3, 2, 2)
    assert sweep.test_accuracy.shape == (3, 2)


def test_sweep_measures_the_trained_networks_on_the_test_set(moons, sweep):
    runs = ab.train_per_activation(moons, ["relu", "softshrink"], init="he", seed=1, **OPTIONS)
    for i, label in enumerate(["relu", "softshrink"]):
        model = runs[label].model
        np.testing.assert_array_equal(
            sweep.zero_fraction[i, 1], ab.zero_fraction(model, moons.x_test)
        )
        np.testing.assert_array_equal(
            sweep.small_fraction[i, 1],
            ab.zero_fraction(model, moons.x_test, tolerance=sweep.tolerance),
        )
        assert sweep.test_accuracy[i, 1] == runs[label].test_accuracy[-1]


def test_sweep_counts_before_training_from_the_shared_start(moons, sweep):
    for i, label in enumerate(sweep.labels):
        fresh = ab.MLP((2, 8, 8, 2), label, init="he", seed=0)
        np.testing.assert_array_equal(
            sweep.initial_zero_fraction[i, 0], ab.zero_fraction(fresh, moons.x_test)
        )


def test_silent_units_are_part_of_the_zeros(moons, sweep):
    assert np.all(sweep.always_zero_fraction <= sweep.zero_fraction)
    assert np.all(sweep.zero_fraction <= sweep.small_fraction)
    # tanh is exactly 0 only at a pre-activation of exactly 0: none in practice.
    assert np.all(sweep.of("tanh")["zero_fraction"] == 0)
    assert np.all(sweep.of("relu")["zero_fraction"] > 0)


def test_silent_units_are_counted_from_the_outputs(moons):
    # Two of the eight first-layer units killed by hand are 0 on every input: a quarter
    # of the units, so at least a quarter of the layer's outputs are zeros.
    model = ab.MLP((2, 8, 2), "relu", init="he", seed=0)
    model.biases[0][:2] = -100.0
    assert _always_zero(model, moons.x_test).tolist() == [0.25]
    assert ab.zero_fraction(model, moons.x_test)[0] >= 0.25


def test_of_returns_one_activation(sweep):
    relu = sweep.of("relu")
    np.testing.assert_array_equal(relu["zero_fraction"], sweep.zero_fraction[0])
    np.testing.assert_array_equal(relu["test_accuracy"], sweep.test_accuracy[0])
    with pytest.raises(ValueError, match="label"):
        sweep.of("gelu")


def test_sweep_is_repeatable(moons, sweep):
    again = ab.sparsity_sweep(moons, ["relu"], [1], **OPTIONS)
    np.testing.assert_array_equal(again.zero_fraction[0, 0], sweep.zero_fraction[0, 1])


def test_sweep_rejects_bad_arguments(moons):
    with pytest.raises(ValueError, match="seeds"):
        ab.sparsity_sweep(moons, ["relu"], [])
    with pytest.raises(ValueError, match="activations"):
        ab.sparsity_sweep(moons, [], [0])
    with pytest.raises(ValueError, match="tolerance"):
        ab.sparsity_sweep(moons, ["relu"], [0], tolerance=-0.1)
    with pytest.raises(ValueError, match="seed"):
        ab.sparsity_sweep(moons, ["relu"], [-1], epochs=1)
    with pytest.raises(ValueError, match="seeds"):
        ab.sparsity_sweep(moons, ["relu"], [0, 0], epochs=1)
    with pytest.raises(ValueError, match="seeds"):
        ab.sparsity_sweep(moons, ["relu"], 3, epochs=1)
    with pytest.raises(ValueError, match="activations"):
        ab.sparsity_sweep(moons, "relu", [0], epochs=1)
    with pytest.raises(ValueError, match="'data'"):
        ab.sparsity_sweep((moons.x_train, moons.y_train), ["relu"], [0], epochs=1)
