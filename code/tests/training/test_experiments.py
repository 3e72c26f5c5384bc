"""The Part III experiment runners: fairness of the comparison (same start, same
batches), the curves' bookkeeping and the dead-unit records. Nothing here is timed."""

from __future__ import annotations

import math
import warnings

import actbook as ab
import numpy as np
import pytest


def test_every_activation_starts_from_the_same_weights(runs):
    starts = [run.history.snapshots[0] for run in runs.values()]
    for start in starts[1:]:
        np.testing.assert_array_equal(start, starts[0])


def test_labels_name_the_activation_and_its_parameters(runs):
    assert list(runs) == ["tanh", "relu", "leaky_relu(0.1)"]


def test_curves_start_with_the_untrained_network(moons, runs):
    run = runs["tanh"]
    assert run.epochs.tolist() == list(range(7))
    fresh = ab.MLP((2, 8, 2), "tanh", seed=3)
    loss, accuracy = fresh.evaluate(moons.x_train, moons.y_train)
    assert run.train_loss[0] == pytest.approx(loss)
    assert run.train_accuracy[0] == pytest.approx(accuracy)
    assert run.train_loss[1:].tolist() == run.history.train_loss
    assert run.test_accuracy[1:].tolist() == run.history.test_accuracy


def test_training_is_repeatable(moons, runs):
    again = ab.train_per_activation(
        moons, ["relu"], hidden=(8,), epochs=6, optimizer=ab.Adam(0.05), seed=3
    )
    np.testing.assert_array_equal(again["relu"].train_loss, runs["relu"].train_loss)


def test_at_restores_a_snapshot_without_touching_the_model(runs):
    run = runs["relu"]
    final = run.model.get_parameters()
    early = run.at(3)
    np.testing.assert_array_equal(early.get_parameters(), run.history.snapshots[3])
    np.testing.assert_array_equal(run.model.get_parameters(), final)
    with pytest.raises(ValueError, match="no snapshot"):
        run.at(4)


def test_seed_sweep_stacks_one_row_per_seed(moons):
    sweep = ab.seed_sweep(moons, ["relu", "tanh"], [0, 1, 2], hidden=(4,), epochs=3)
    assert set(sweep) == {"relu", "tanh"}
    assert sweep["relu"]["test_accuracy"].shape == (3, 4)
    assert not np.array_equal(sweep["relu"]["train_loss"][0], sweep["relu"]["train_loss"][1])
    with pytest.raises(ValueError, match="'seeds' needs at least 1"):
        ab.seed_sweep(moons, ["relu"], [])


@pytest.mark.parametrize(
    ("curve", "target", "expected"),
    [([0.1, 0.5, 0.9, 0.95], 0.9, 2), ([0.1, 0.5], 0.9, None), ([0.95, 0.1], 0.9, 0)],
)
def test_epochs_to_reach(curve, target, expected):
    assert ab.epochs_to_reach(curve, target) == expected


def test_dead_unit_run_records_every_epoch(moons):
    run = ab.dead_unit_run(moons, "relu", 0.1, hidden=(5, 4), epochs=3)
    assert run.dead.shape == (4, 9)
    assert run.layer_sizes == (5, 4)
    assert run.dead.dtype == bool
    assert run.dead_fraction.shape == (4,)
    assert np.all((run.dead_fraction >= 0) & (run.dead_fraction <= 1))


def test_leaky_units_never_die(moons):
    run = ab.dead_unit_run(moons, ("leaky_relu", {"negative_slope": 0.1}), 0.5, epochs=3)
    assert not run.dead.any()
    assert run.label == "leaky_relu(0.1)"


def test_a_relu_unit_with_a_very_negative_bias_is_dead_and_stays_dead(moons):
    model = ab.MLP((2, 3, 2), "relu", seed=0)
    model.biases[0][1] = -100.0  # below w.x for every moons point
    assert model.dead_units(moons.x_train)[0].tolist() == [False, True, False]
    before = model.weights[0][:, 1].copy()
    model.fit(moons.x_train, moons.y_train, epochs=5, optimizer=ab.SGD(0.5))
    np.testing.assert_array_equal(model.weights[0][:, 1], before)
    assert model.biases[0][1] == -100.0


def test_divergence_is_recorded_not_warned(moons):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = ab.dead_unit_run(moons, ("leaky_relu", {"negative_slope": 0.5}), 1e6, epochs=3)
    assert math.isnan(run.test_accuracy[-1])
    assert run.dead.shape == (4, 128)


def test_hidden_pre_activations_match_the_first_layer(moons):
    model = ab.MLP((2, 5, 4, 2), "tanh", seed=2)
    z1, z2 = ab.hidden_pre_activations(model, moons.x_train)
    np.testing.assert_allclose(z1, moons.x_train @ model.weights[0] + model.biases[0])
    np.testing.assert_allclose(z2, np.tanh(z1) @ model.weights[1] + model.biases[1])


def test_hidden_pre_activations_of_a_gated_layer_hold_both_projections(moons):
    model = ab.MLP((2, 5, 4, 2), "silu", gated=[True, False], seed=2)
    z1, z2 = ab.hidden_pre_activations(model, moons.x_train)
    assert z1.shape == (len(moons.x_train), 10)
    np.testing.assert_allclose(z1, moons.x_train @ model.weights[0] + model.biases[0])
    hidden = ab.get("swiglu")(z1)
    np.testing.assert_allclose(z2, hidden @ model.weights[1] + model.biases[1])


def test_pre_activation_trace_first_layer_deaths_are_final(moons):
    trace = ab.max_pre_activation_trace(moons, "relu", 5.0, steps=30, hidden=(16,), seed=0)
    assert trace.shape == (31, 16)
    dead = trace <= 0
    assert not np.any(dead[:-1] & ~dead[1:])  # a first-layer unit never revives
    for j in np.flatnonzero(dead[-1]):
        after = trace[np.argmax(dead[:, j]) :, j]
        assert np.all(after == after[0])  # and its weights never move again


def test_born_dead_grows_with_depth_and_shrinks_with_bias(moons):
    x = moons.x_train
    assert ab.born_dead_fraction(x, 8, 1, range(20)) == 0.0
    deep = ab.born_dead_fraction(x, 2, 30, range(20))
    assert deep >= 0.8
    assert ab.born_dead_fraction(x, 2, 5, range(40), bias=0.1) <= ab.born_dead_fraction(
        x, 2, 5, range(40)
    )


def test_seed_spread_summarises_the_seeds_and_counts_diverged_runs():
    values = np.array([0.9, 0.8, math.nan, 1.0])
    spread = ab.seed_spread(values)
    assert spread.diverged == 1
    assert spread.finite.tolist() == [0.9, 0.8, 1.0]
    assert spread.mean == pytest.approx(0.9)
    assert spread.std == pytest.approx(0.1)  # ddof=1: the spread of a sample of seeds
    assert (spread.low, spread.high) == (0.8, 1.0)
    assert spread.range == pytest.approx(0.2)
    assert np.isnan(values[2]) and values[0] == 0.9  # the input is left alone
    one = ab.seed_spread([0.5])
    assert one.mean == one.low == one.high == 0.5 and math.isnan(one.std)


def test_seed_spread_of_runs_that_all_diverged_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spread = ab.seed_spread([math.nan, math.nan])
    assert spread.diverged == 2
    assert all(math.isnan(v) for v in (spread.mean, spread.std, spread.low, spread.high))


@pytest.mark.parametrize("values", [[], [[0.1, 0.2]], [0.1, math.inf]])
def test_seed_spread_rejects_what_is_not_one_number_per_seed(values):
    with pytest.raises(ValueError, match="'values'"):
        ab.seed_spread(values)


def test_unit_deaths_reads_when_and_how_units_died():
    trace = np.array(
        [
            # alive, dead from the start, sudden drop, tipped over, died twice
            [2.0, -1.0, 3.0, 0.6, 0.5],
            [2.5, -1.0, 3.5, 0.5, -0.1],
            [2.2, -1.0, -2.0, 0.4, 0.2],
            [2.1, -1.0, -2.0, -0.1, -0.3],
            [2.4, -1.0, -2.0, -0.1, -0.4],
        ]
    )
    deaths = ab.unit_deaths(trace)
    assert deaths.units.tolist() == [1, 2, 3, 4]
    assert deaths.steps.tolist() == [0, 2, 3, 3]  # from the last time it was alive
    np.testing.assert_array_equal(deaths.before, [np.nan, 3.5, 0.4, 0.2])
    assert deaths.frozen.tolist() == [True, True, True, False]
    assert deaths.born_dead == 1
    assert deaths.sudden(above=1.0) == 1 and deaths.sudden(above=0.3) == 2
    assert deaths.busiest_step() == (3, 2)


def test_unit_deaths_of_a_trace_without_deaths():
    deaths = ab.unit_deaths(np.ones((4, 3)))
    assert deaths.units.size == deaths.steps.size == 0
    assert deaths.busiest_step() == (0, 0)
    with pytest.raises(ValueError, match="'trace'"):
        ab.unit_deaths(np.ones(4))


def test_unit_deaths_of_a_real_first_layer_are_final_and_frozen(moons):
    trace = ab.max_pre_activation_trace(moons, "relu", 5.0, steps=30, hidden=(16,), seed=0)
    deaths = ab.unit_deaths(trace)
    assert deaths.units.tolist() == np.flatnonzero(trace[-1] <= 0).tolist()
    assert deaths.units.size > 0  # the large step kills some
    # In the first layer death is final, so it starts at the first step at or below 0.
    assert deaths.steps.tolist() == np.argmax(trace[:, deaths.units] <= 0, axis=0).tolist()
    assert deaths.frozen.all()


def test_with_a_validation_set_the_test_set_is_evaluated_once(moons):
    data = ab.validation_split(moons, 0.25, seed=0)
    run = ab.train_per_activation(data, ["tanh"], hidden=(8,), epochs=4, seed=3)["tanh"]
    # The curves fit() follows are the validation curves ...
    assert run.val_accuracy[1:].tolist() == run.history.test_accuracy
    loss, accuracy = ab.MLP((2, 8, 2), "tanh", seed=3).evaluate(data.x_val, data.y_val)
    assert (run.val_loss[0], run.val_accuracy[0]) == pytest.approx((loss, accuracy))
    # ... and the test set is measured on the final network only.
    assert np.isnan(run.test_accuracy[:-1]).all() and np.isnan(run.test_loss[:-1]).all()
    final = run.model.evaluate(data.x_test, data.y_test)
    assert (run.test_loss[-1], run.test_accuracy[-1]) == pytest.approx(final)
    sweep = ab.seed_sweep(data, ["tanh"], [0, 1], hidden=(4,), epochs=2)
    assert sweep["tanh"]["val_accuracy"].shape == (2, 3)
    without = ab.seed_sweep(moons, ["tanh"], [0], hidden=(4,), epochs=2)
    assert "val_accuracy" not in without["tanh"]
