"""Spectral bias: the signal, the per-frequency error, the SIREN initialisation and the
two fits (a ReLU network learns the low frequencies first; a SIREN learns all of them)."""

from __future__ import annotations

import math

import actbook as ab
import numpy as np
import pytest


@pytest.fixture(scope="module")
def fits():
    # The chapter's run: about 3 s, done once for the claims below.
    return ab.spectral_bias()


# -- the signal and its spectrum ---------------------------------------------------------------
def test_periodic_signal_puts_each_sine_in_its_own_bin():
    x, y = ab.periodic_signal((1, 3, 6, 10), samples=64, seed=2)
    np.testing.assert_allclose(x, -1 + np.arange(64) / 32)
    spectrum = np.abs(np.fft.rfft(y))
    # A unit sine with k whole periods over the grid has |DFT| = n/2 in bin k only.
    np.testing.assert_allclose(spectrum[[1, 3, 6, 10]], 32.0, rtol=1e-12)
    others = np.delete(spectrum, [1, 3, 6, 10])
    assert others.max() < 1e-12


def test_periodic_signal_phases_come_from_the_seed():
    same = [ab.periodic_signal((2, 5), seed=4)[1] for _ in range(2)]
    np.testing.assert_array_equal(same[0], same[1])
    assert not np.allclose(same[0], ab.periodic_signal((2, 5), seed=5)[1])


@pytest.mark.parametrize(
    ("frequencies", "samples", "message"),
    [
        ((0, 3), 64, r"frequencies\[0\]"),
        ((3, 32), 64, r"frequencies\[1\]"),  # the Nyquist bin holds no sine
        ((3, 3), 64, "distinct"),
        ("13", 64, "frequencies"),
        ((1,), 4, "samples"),
    ],
)
def test_periodic_signal_refuses_bad_frequencies(frequencies, samples, message):
    with pytest.raises(ValueError, match=message):
        ab.periodic_signal(frequencies, samples=samples)


def test_frequency_errors_read_each_component_separately():
    x, y = ab.periodic_signal((1, 4, 9), samples=128, seed=0)
    components = [
        np.sin(np.pi * k * x + phase) for k, phase in zip((1, 4, 9), _phases(y, x), strict=True)
    ]
    np.testing.assert_allclose(sum(components), y, atol=1e-12)
    # Learnt everything but half of the k = 4 component and all of k = 9:
    prediction = components[0] + 0.5 * components[1]
    errors = ab.frequency_errors(y, prediction, (1, 4, 9))
    np.testing.assert_allclose(errors, [0.0, 0.5, 1.0], atol=1e-12)
    # Rows are fits: the untrained zero output, the signal itself.
    both = ab.frequency_errors(y, np.stack([0 * y, y]), (1, 4, 9))
    np.testing.assert_allclose(both, [[1, 1, 1], [0, 0, 0]], atol=1e-12)


def _phases(y, x):
    """The phases of the unit sines of ``y``, from its DFT (bin k: -i n/2 e^{i phi})."""
    n = len(x)
    spectrum = np.fft.rfft(y)
    # x_i = -1 + 2i/n shifts each bin's phase by pi k; sin = (e^{i t} - e^{-i t}) / 2i.
    return [float(np.angle(spectrum[k] * np.exp(1j * np.pi * k) * 2j / n)) for k in (1, 4, 9)]


def test_frequency_errors_refuse_what_they_cannot_measure():
    x, y = ab.periodic_signal((2,), samples=32)
    with pytest.raises(ValueError, match="no component at"):
        ab.frequency_errors(y, y, (2, 5))
    with pytest.raises(ValueError, match="prediction"):
        ab.frequency_errors(y, y[:10], (2,))
    with pytest.raises(ValueError, match="target"):
        ab.frequency_errors(y[:4], y[:4], (1,))
    with pytest.raises(ValueError, match="prediction"):
        ab.frequency_errors(y, np.full_like(y, np.nan), (2,))


# -- the SIREN ---------------------------------------------------------------------------------
def test_siren_weights_follow_the_paper():
    model = ab.siren_mlp((2, 128, 128, 1), omega_0=30.0, seed=1)
    assert model.init == "siren" and model.loss_name == "mse"
    assert [(record.name, params) for record, params in model.layers] == [
        ("sine", {"omega_0": 30.0})
    ] * 2
    bounds = [1 / 2, math.sqrt(6 / 128) / 30, math.sqrt(6 / 128) / 30]
    for w, b, bound in zip(model.weights, model.biases, bounds, strict=True):
        assert np.abs(w).max() <= bound
        assert np.abs(w).max() > 0.9 * bound  # uniform over the whole interval
        assert np.abs(b).max() <= 1 / math.sqrt(w.shape[0])


def test_siren_weights_give_every_sine_input_unit_spread():
    """The paper's reason for sqrt(6/n)/omega_0: omega_0 a W has standard deviation 1."""
    model = ab.siren_mlp((1, 512, 512, 512, 1), seed=0)
    x = np.linspace(-1, 1, 2001)[:, None]
    a = x
    for layer, (w, b) in enumerate(zip(model.weights[:-1], model.biases[:-1], strict=True)):
        if layer:  # the first layer's spread is set by omega_0 / n instead
            assert np.std(30.0 * (a @ w)) == pytest.approx(1.0, rel=0.05)
        a = np.sin(30.0 * (a @ w + b))
    np.testing.assert_allclose(
        model.logits(x)[:, 0], a @ model.weights[-1][:, 0] + model.biases[-1]
    )


def test_siren_is_repeatable_and_leaves_the_mlp_defaults_alone():
    first, second = (ab.siren_mlp((1, 8, 1), seed=3) for _ in range(2))
    np.testing.assert_array_equal(first.get_parameters(), second.get_parameters())
    assert ab.MLP((1, 8, 1), seed=3).init == "xavier"
    assert np.all(ab.MLP((1, 8, 1), seed=3).biases[0] == 0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"sizes": (1, 1)}, "hidden layer"), ({"omega_0": 0.0}, "omega_0"), ({"seed": -1}, "seed")],
)
def test_siren_refuses_bad_arguments(kwargs, message):
    arguments = {"sizes": (1, 4, 1), **kwargs}
    with pytest.raises(ValueError, match=message):
        ab.siren_mlp(arguments.pop("sizes"), **arguments)


# -- the experiment ----------------------------------------------------------------------------
def test_relu_learns_the_low_frequencies_first(fits):
    relu = fits["relu"]
    assert relu.label == "ReLU network"
    reached = relu.steps_to(0.1)
    assert reached[0] is not None and reached[0] <= 400
    assert reached[1:] == [None, None, None]  # not within the 1000 steps
    final = relu.errors[-1]
    assert np.all(np.diff(final) > 0)  # the higher the frequency, the worse
    assert final[-1] > 0.5


def test_siren_learns_every_frequency_at_once(fits):
    siren = fits["sine"]
    assert siren.label == "SIREN, ω₀ = 30"
    assert max(siren.steps_to(0.1)) <= 250
    assert siren.errors[-1].max() < 0.01
    # Smoothly: the largest error never grows by more than 5% from one record to the next.
    largest = siren.errors.max(axis=1)
    assert np.all(largest[1:] <= 1.05 * largest[:-1])
    # "At once": every frequency gets to each level within a factor 2 of the same step.
    for level in (0.3, 0.1, 0.03):
        reached = siren.steps_to(level)
        assert None not in reached and max(reached) <= 2 * min(reached), level


def test_records_are_consistent(fits):
    for fit in fits.values():
        assert fit.steps.tolist() == list(range(0, 1001, 10))
        assert fit.predictions.shape == (101, 128)
        np.testing.assert_allclose(
            fit.errors, ab.frequency_errors(fit.target, fit.predictions, fit.frequencies)
        )
        residual = fit.predictions - fit.target
        np.testing.assert_allclose(fit.losses, 0.5 * np.mean(residual**2, axis=1))
        assert fit.at_step(200) == 20
    # The same signal for both networks, and the untrained SIREN from siren_mlp itself.
    np.testing.assert_array_equal(fits["relu"].target, fits["sine"].target)
    fresh = ab.siren_mlp((1, 32, 32, 1), seed=0)
    np.testing.assert_allclose(fits["sine"].predictions[0], fresh.predict(fits["sine"].x[:, None]))


def test_a_small_run_is_repeatable():
    runs = [ab.spectral_bias(hidden=(8,), steps=20, record_every=5, seed=1) for _ in range(2)]
    for name in ("relu", "sine"):
        np.testing.assert_array_equal(runs[0][name].predictions, runs[1][name].predictions)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"steps": 100, "record_every": 30}, "record_every"),
        ({"hidden": ()}, "hidden"),
        ({"hidden": (4, 0)}, r"hidden\[1\]"),
        ({"learning_rate": -1.0}, "learning_rate"),
        ({"steps": 0}, "steps"),
    ],
)
def test_spectral_bias_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ab.spectral_bias(**kwargs)


def test_spectral_fit_lookups_refuse_unknown_values(fits):
    with pytest.raises(ValueError, match="recorded step"):
        fits["relu"].at_step(15)
    with pytest.raises(ValueError, match="level"):
        fits["relu"].steps_to(0.0)
