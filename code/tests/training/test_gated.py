"""Gated against ungated networks: matched widths, parameter counts, the comparison's
bookkeeping (labels, seeds, shared minibatch order). Nothing here is timed."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest


@pytest.mark.parametrize(
    ("d", "h", "expected"), [(768, 3072, 2048), (512, 2048, 1365), (6, 9, 6), (4, 1, 1)]
)
def test_matched_width_without_biases_is_two_thirds(d, h, expected):
    width = ab.matched_width(d, h, biases=False)
    assert width == expected
    ungated = ab.parameter_count((d, h, d), biases=False)
    assert ungated == 2 * d * h
    gap = abs(ab.parameter_count((d, width, d), gated=True, biases=False) - ungated)
    for other in (width - 1, width + 1):
        if other >= 1:
            worse = abs(ab.parameter_count((d, other, d), gated=True, biases=False) - ungated)
            assert worse >= gap


@pytest.mark.parametrize(("d_in", "hidden", "d_out"), [(64, 32, 10), (2, 16, 2), (3, 7, 5)])
def test_matched_width_with_biases_is_the_closest_count(d_in, hidden, d_out):
    width = ab.matched_width(d_in, hidden, d_out)
    target = ab.MLP((d_in, hidden, d_out), seed=0).n_parameters
    counts = {
        w: ab.MLP((d_in, w, d_out), gated=True, seed=0).n_parameters for w in range(1, hidden + 1)
    }
    best = min(counts, key=lambda w: (abs(counts[w] - target), w))
    assert width == best


def test_matched_width_for_the_digits_network():
    # 64 -> 32 -> 10 has 64*32 + 32 + 32*10 + 10 = 2410 parameters; each gated unit costs
    # 2*64 + 2 + 10 = 140, so 17 units give 17*140 + 10 = 2390.
    assert ab.matched_width(64, 32, 10) == 17
    assert ab.parameter_count((64, 17, 10), gated=True) == 2390


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: ab.matched_width(0, 4), "d_in"),
        (lambda: ab.matched_width(4, 2.5), "hidden"),
        (lambda: ab.matched_width(4, 4, 0), "d_out"),
        (lambda: ab.matched_width(4, 4, biases=1), "biases"),
    ],
)
def test_matched_width_checks_its_arguments(call, parameter):
    with pytest.raises(ValueError, match=parameter):
        call()


def test_gated_labels_name_the_registry_units():
    assert [ab.gated_label(g) for g in ("relu", "gelu", "silu", "sigmoid", "identity")] == [
        "reglu",
        "geglu",
        "swiglu",
        "glu",
        "bilinear",
    ]
    assert ab.gated_label("tanh") == "gated tanh"


@pytest.fixture(scope="module")
def comparison(moons):
    return ab.gated_comparison(
        moons, ["relu", "tanh"], hidden=6, seeds=[1, 2], epochs=4, optimizer=ab.Adam(0.05)
    )


def test_comparison_pairs_each_gate_with_its_gated_twin(moons, comparison):
    labels = [v.label for v in comparison.variants]
    assert labels == ["relu", "reglu", "tanh", "gated tanh"]
    width = ab.matched_width(2, 6, 2)
    for v in comparison.variants:
        assert v.width == (width if v.gated else 6)
        assert v.n_parameters == ab.parameter_count((2, v.width, 2), gated=v.gated)
    assert comparison.seeds == (1, 2)
    assert comparison.data_name == moons.name
    for curves in comparison.curves.values():
        assert set(curves) == {"train_loss", "train_accuracy", "test_loss", "test_accuracy"}
        assert all(c.shape == (2, 5) for c in curves.values())


def test_networks_of_one_seed_draw_the_same_minibatch_order():
    """The shuffle stream depends on the seed alone, not on the network's shape."""
    dense = ab.MLP((2, 6, 2), "relu", seed=4)
    gated = ab.MLP((2, 4, 2), "relu", gated=True, seed=4)
    assert not np.array_equal(dense.weights[0][:, :4], gated.weights[0][:, :4])
    np.testing.assert_array_equal(
        dense._shuffle_rng.permutation(50), gated._shuffle_rng.permutation(50)
    )


def test_comparison_runs_are_the_runs_of_fit(moons, comparison):
    """Seed 2's ReGLU curve is what MLP.fit gives for the same network and seed."""
    model = ab.MLP((2, ab.matched_width(2, 6, 2), 2), "relu", gated=True, seed=2)
    start = model.evaluate(moons.x_train, moons.y_train)[0]
    history = model.fit(
        moons.x_train,
        moons.y_train,
        epochs=4,
        optimizer=ab.Adam(0.05),
        x_test=moons.x_test,
        y_test=moons.y_test,
    )
    np.testing.assert_array_equal(
        comparison.curves["reglu"]["train_loss"][1], [start, *history.train_loss]
    )
    np.testing.assert_array_equal(
        comparison.final("reglu", "test_accuracy")[1], history.test_accuracy[-1]
    )


def test_pairs_and_their_per_seed_differences(comparison):
    assert comparison.pairs == [("relu", "reglu"), ("tanh", "gated tanh")]
    difference = comparison.differences("tanh", "gated tanh", "train_loss")
    curves = comparison.curves
    np.testing.assert_array_equal(
        difference, curves["gated tanh"]["train_loss"][:, -1] - curves["tanh"]["train_loss"][:, -1]
    )
    assert difference.shape == (2,)
    with pytest.raises(ValueError, match="'label'"):
        comparison.differences("relu", "geglu")


def test_comparison_checks_its_arguments(moons, comparison):
    with pytest.raises(ValueError, match="'gates'"):
        ab.gated_comparison(moons, "relu")
    with pytest.raises(ValueError, match="'gates'"):
        ab.gated_comparison(moons, ["softmax"], epochs=1)
    with pytest.raises(ValueError, match="'gates'"):
        ab.gated_comparison(moons, ["relu", "relu"], epochs=1)
    with pytest.raises(ValueError, match="'seed'"):
        ab.gated_comparison(moons, ["relu"], seeds=[-1], epochs=1)
    with pytest.raises(ValueError, match="'seeds'"):
        ab.gated_comparison(moons, ["relu"], seeds=[], epochs=1)
    for bad, parameter in [
        ({"data": "moons"}, "'data'"),
        ({"hidden": 0}, "'hidden'"),
        ({"epochs": -1}, "'epochs'"),
        ({"batch_size": 1.5}, "'batch_size'"),
        ({"optimizer": "adam"}, "'optimizer'"),
        ({"init": "glorot"}, "'init'"),
        ({"seeds": 3}, "'seeds'"),
    ]:
        arguments = {"data": moons, "gates": ["relu"], "epochs": 1, **bad}
        with pytest.raises(ValueError, match=parameter):
            ab.gated_comparison(**arguments)
    with pytest.raises(ValueError, match="'label'"):
        comparison.variant("geglu")
    with pytest.raises(ValueError, match="'curve'"):
        comparison.final("relu", "accuracy")
