"""The numpy MLP: gradients against central differences, agreement with scikit-learn,
determinism, snapshots, diagnostics and argument checks. Nothing here is timed."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import actbook as ab
import numpy as np
import pytest

# Central differences with step h have error O(h^2 f''') + O(eps |f| / h); with h = 1e-6 in
# float64 both are around 1e-10 for these small, smooth losses.
STEP = 1e-6
GRAD_RTOL = 1e-6
GRAD_ATOL = 1e-9

ACTIVATIONS = [
    "sigmoid",
    "tanh",
    "relu",
    ("leaky_relu", {"negative_slope": 0.1}),
    "identity",
]


def _problem(seed=1, n=9, d=3, k=4):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.integers(0, k, size=n)


def _numeric_gradient(model, array, x, y):
    """Central differences of the loss with respect to every entry of ``array`` (a view)."""
    numeric = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        original = array[index]
        array[index] = original + STEP
        up = model.loss(x, y)
        array[index] = original - STEP
        down = model.loss(x, y)
        array[index] = original
        numeric[index] = (up - down) / (2 * STEP)
    return numeric


def _min_distance_to_kink(model, x):
    """Smallest |z| over the hidden pre-activations: ReLU's kink is at z = 0."""
    cache = model._forward(model._inputs(x))
    return min(float(np.abs(z).min()) for z in cache.pre_activations)


# -- gradients --------------------------------------------------------------------------------
@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
@pytest.mark.parametrize("activation", ACTIVATIONS, ids=lambda a: a if isinstance(a, str) else a[0])
def test_every_layer_gradient_matches_central_differences(activation, loss):
    x, y = _problem()
    model = ab.MLP((3, 5, 6, 4), activation, loss=loss, init="he", seed=3)
    # Biases start at zero; move them so that the bias gradients are checked at a generic
    # point, not a symmetric one.
    rng = np.random.default_rng(0)
    for b in model.biases:
        b[...] = rng.normal(scale=0.3, size=b.shape)
    # A kink inside the difference stencil would spoil the check: a weight step of h moves
    # z by at most h * max|a|, far below this margin.
    assert _min_distance_to_kink(model, x) > 1e-4
    analytic = model.gradients(x, y)
    for layer in range(3):
        np.testing.assert_allclose(
            analytic.weights[layer],
            _numeric_gradient(model, model.weights[layer], x, y),
            rtol=GRAD_RTOL,
            atol=GRAD_ATOL,
            err_msg=f"dL/dW_{layer + 1}",
        )
        np.testing.assert_allclose(
            analytic.biases[layer],
            _numeric_gradient(model, model.biases[layer], x, y),
            rtol=GRAD_RTOL,
            atol=GRAD_ATOL,
            err_msg=f"dL/db_{layer + 1}",
        )


def test_mixed_per_layer_activations_gradient():
    x, y = _problem(seed=4, k=3)
    model = ab.MLP(
        (3, 4, 5, 4, 3),
        ["tanh", ("leaky_relu", {"negative_slope": 0.2}), "sigmoid"],
        init="lecun",
        distribution="normal",
        seed=11,
    )
    assert [record.name for record, _ in model.layers] == ["tanh", "leaky_relu", "sigmoid"]
    assert _min_distance_to_kink(model, x) > 1e-4
    analytic = model.gradients(x, y)
    for layer, w in enumerate(model.weights):
        np.testing.assert_allclose(
            analytic.weights[layer],
            _numeric_gradient(model, w, x, y),
            rtol=GRAD_RTOL,
            atol=GRAD_ATOL,
        )


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_loss_gradient_with_respect_to_logits(loss):
    model = ab.MLP((2, 4), loss=loss, seed=0)
    rng = np.random.default_rng(2)
    logits = rng.normal(scale=3.0, size=(6, 4))
    labels = rng.integers(0, 4, size=6)
    targets = labels if loss == "cross_entropy" else rng.normal(size=(6, 4))
    value, delta = model._loss_and_delta(logits.copy(), targets)
    numeric = np.zeros_like(logits)
    for index in np.ndindex(logits.shape):
        up, down = logits.copy(), logits.copy()
        up[index] += STEP
        down[index] -= STEP
        numeric[index] = (
            model._loss_and_delta(up, targets)[0] - model._loss_and_delta(down, targets)[0]
        ) / (2 * STEP)
    np.testing.assert_allclose(delta, numeric, rtol=GRAD_RTOL, atol=GRAD_ATOL)
    if loss == "cross_entropy":
        probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        expected = -np.mean(np.log(probabilities[np.arange(6), labels]))
    else:
        expected = 0.5 * np.mean(np.sum((logits - targets) ** 2, axis=1))  # the 1/(2n) rule
    assert value == pytest.approx(expected, rel=1e-12)


def test_cross_entropy_is_stable_for_huge_logits():
    model = ab.MLP((2, 3), seed=0)
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 1e4, 0.0]])
    value, delta = model._loss_and_delta(logits.copy(), np.array([2, 1]))
    # Sample 0 puts probability exp(-2e4) on its label: loss 2e4 / 2 samples, no inf.
    assert value == pytest.approx(1e4, rel=1e-12)
    assert np.all(np.isfinite(delta))


# -- gated hidden layers ----------------------------------------------------------------------
GATES = sorted(ab.GATED_UNITS.values())


def _flat_gradient(gradients):
    """The gradients of ``MLP.gradients`` in the flat layout ``W_1, b_1, W_2, ...``."""
    return np.concatenate(
        [
            np.concatenate([w.ravel(), b])
            for w, b in zip(gradients.weights, gradients.biases, strict=True)
        ]
    )


def _gate_inputs(model, x):
    """The gate halves of every gated layer's pre-activation (where the kinks are)."""
    cache = model._forward(model._inputs(x))
    return [
        z[:, z.shape[1] // 2 :]
        for z, g in zip(cache.pre_activations, model.gated, strict=True)
        if g
    ]


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
@pytest.mark.parametrize("gate", GATES)
def test_gated_gradient_matches_finite_differences(gate, loss):
    """Every parameter of a gated-dense-gated network against ab.numerical_jacobian."""
    x, y = _problem(seed=5)
    model = ab.MLP((3, 4, 5, 3, 4), gate, gated=[True, False, True], loss=loss, seed=7)
    rng = np.random.default_rng(1)
    for b in model.biases:
        b[...] = rng.normal(scale=0.3, size=b.shape)
    assert _min_distance_to_kink(model, x) > 1e-4
    assert min(float(np.abs(z).min()) for z in _gate_inputs(model, x)) > 1e-4
    analytic = _flat_gradient(model.gradients(x, y))
    start = model.get_parameters()

    def loss_at(flat):
        model.set_parameters(flat)
        return model.loss(x, y)

    numeric = ab.numerical_jacobian(loss_at, start, step=STEP)
    model.set_parameters(start)
    np.testing.assert_allclose(analytic, numeric, rtol=GRAD_RTOL, atol=GRAD_ATOL)


@pytest.mark.parametrize(("unit", "gate"), sorted(ab.GATED_UNITS.items()))
def test_gated_layer_is_the_registry_unit(unit, gate):
    """A gated layer with gate f computes the registry's unit (GLU, GEGLU...) of x W + b."""
    x, _ = _problem(n=6)
    model = ab.MLP((3, 5, 2), gate, gated=True, seed=2)
    model.biases[0][...] = np.linspace(-1, 1, 10)
    w, b = model.weights[0], model.biases[0]
    assert w.shape == (3, 10) and b.shape == (10,)
    hidden = ab.get(unit)(x @ w + b)
    np.testing.assert_allclose(
        model.logits(x), hidden @ model.weights[1] + model.biases[1], rtol=1e-14
    )


def test_ungated_networks_are_unchanged():
    """gated=False (the default) draws the same weights and computes the same thing."""
    plain = ab.MLP((3, 6, 4), "tanh", seed=4)
    explicit = ab.MLP((3, 6, 4), "tanh", gated=[False], seed=4)
    np.testing.assert_array_equal(plain.get_parameters(), explicit.get_parameters())
    assert plain.gated == (False,) and repr(plain) == repr(explicit)
    assert "gated" not in repr(plain)


def test_gated_halves_are_initialised_as_two_layers():
    model = ab.MLP((400, 300, 2), "silu", gated=True, init="he", seed=0)
    value, gate = model.weights[0][:, :300], model.weights[0][:, 300:]
    for half in (value, gate):
        assert half.var() == pytest.approx(2 / 400, rel=0.02)
    assert abs(np.corrcoef(value.ravel(), gate.ravel())[0, 1]) < 0.01
    # Xavier uses the units, not the stored columns, as fan-out.
    xavier = ab.MLP((400, 300, 2), "silu", gated=True, seed=0)
    assert xavier.weights[0].var() == pytest.approx(2 / 700, rel=0.02)
    assert "gated silu" in repr(model)


@pytest.mark.parametrize(
    ("sizes", "gated"),
    [
        ((3, 5, 2), True),
        ((3, 5, 4, 2), [True, False]),
        ((3, 5, 4, 2), [False, True]),
        ((2, 2), False),
    ],
)
def test_parameter_count_is_the_models(sizes, gated):
    model = ab.MLP(sizes, "gelu", gated=gated, seed=0)
    assert ab.parameter_count(sizes, gated=gated) == model.n_parameters


def test_parameter_count_of_a_feed_forward_block():
    d, h = 768, 3072
    assert ab.parameter_count((d, h, d), biases=False) == 2 * d * h
    assert ab.parameter_count((d, h, d), gated=True, biases=False) == 3 * d * h
    assert ab.parameter_count((d, 2 * h // 3, d), gated=True, biases=False) == 2 * d * h
    assert ab.parameter_count((2, 3, 2), gated=True) == 2 * 6 + 6 + 3 * 2 + 2


def test_gated_training_copy_and_float32():
    data = ab.make_dataset("moons", 120, noise=0.1, seed=0)
    model = ab.MLP((2, 6, 2), "silu", gated=True, seed=0)
    twin = model.copy()
    history = model.fit(data.x_train, data.y_train, epochs=40, optimizer=ab.Adam(0.02))
    assert history.train_accuracy[-1] > 0.95
    assert twin.gated == (True,) and not np.array_equal(
        twin.get_parameters(), model.get_parameters()
    )
    narrow = ab.MLP((2, 6, 2), "silu", gated=True, seed=0, dtype="float32")
    g32 = narrow.gradients(data.x_train, data.y_train)
    g64 = twin.gradients(data.x_train, data.y_train)
    assert g32.weights[0].dtype == np.float32 and g32.weights[0].shape == (2, 12)
    np.testing.assert_allclose(_flat_gradient(g32), _flat_gradient(g64), rtol=1e-4, atol=1e-6)


def test_a_gated_unit_is_dead_only_when_both_paths_are_shut():
    x, _ = _problem(n=20, d=3)
    model = ab.MLP((3, 3, 2), "relu", gated=True, seed=0)
    model.biases[0][3] = -100.0  # unit 0: gate input <= 0 everywhere, relu(gate) = 0: dead
    model.biases[0][4] = 100.0  # unit 1: gate open everywhere
    model.biases[0][5] = 100.0
    model.weights[0][:, 2] = 0.0  # unit 2: value 0 but gate open: d/d(value) = 1, alive
    model.biases[0][2] = 0.0
    assert model.dead_units(x)[0].tolist() == [True, False, False]
    swiglu = ab.MLP((3, 3, 2), "silu", gated=True, seed=0)
    swiglu.biases[0][3:] = -100.0  # silu(-100) is tiny but not 0: never dead
    assert not swiglu.dead_units(x)[0].any()


def test_gradients_agree_in_float32():
    x, y = _problem()
    wide = ab.MLP((3, 5, 4), "tanh", seed=2)
    narrow = ab.MLP((3, 5, 4), "tanh", seed=2, dtype="float32")
    assert narrow.weights[0].dtype == np.float32
    gradients = narrow.gradients(x, y)
    assert gradients.weights[0].dtype == np.float32
    for g32, g64 in zip(gradients.weights, wide.gradients(x, y).weights, strict=True):
        np.testing.assert_allclose(g32, g64, rtol=1e-4, atol=1e-6)


# -- agreement with PyTorch, step by step --------------------------------------------------------
TORCH_REFERENCE = Path(__file__).parent / "data" / "mlp_torch_reference.json"
TORCH_CASES = json.loads(TORCH_REFERENCE.read_text())["cases"]


@pytest.mark.parametrize("case", TORCH_CASES, ids=[case["name"] for case in TORCH_CASES])
def test_training_steps_match_pytorch(case):
    """Three float64 steps from the same weights on the same batches, as torch.nn did them.

    The reference file is written by scripts/mlp_torch_reference.py; this test needs no
    torch. Agreement is to rounding (observed ~1e-16), so the tolerance is tight.
    """
    model = ab.MLP(
        case["sizes"],
        case["activation"],
        activation_params=case["params"],
        gated=case.get("gated", False),
        loss=case["loss"],
    )
    model.set_parameters(case["initial"])
    spec = dict(case["optimizer"])
    optimizer = (ab.Adam if spec.pop("kind") == "adam" else ab.SGD)(**spec)
    state = optimizer.init_state(model.get_parameters())
    losses = [
        model.train_step(
            np.array(batch["x"]), np.array(batch["y"]), optimizer=optimizer, state=state
        )
        for batch in case["batches"]
    ]
    np.testing.assert_allclose(losses, case["losses"], rtol=1e-13)
    np.testing.assert_allclose(model.get_parameters(), case["final"], rtol=1e-12, atol=1e-14)


# -- agreement with scikit-learn ---------------------------------------------------------------
ACCURACY_TOLERANCE = 0.03  # three percentage points, on the mean over three seeds


def _sklearn_accuracy(data, activation, seed, epochs, **solver):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    classifier = MLPClassifier(
        hidden_layer_sizes=(32,),
        activation=activation,
        alpha=0.0,  # no L2 penalty: ours has none
        batch_size=32,
        max_iter=epochs,
        shuffle=True,
        tol=0.0,
        n_iter_no_change=epochs + 1,  # never stop early
        random_state=seed,
        **solver,
    )
    with warnings.catch_warnings():
        # Stopping at max_iter is the point here, not a problem.
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(data.x_train, data.y_train)
    return classifier.score(data.x_test, data.y_test)


@pytest.mark.parametrize(
    ("activation", "sklearn_activation", "optimizer", "sklearn_solver"),
    [
        ("relu", "relu", ab.Adam(1e-3), {"solver": "adam", "learning_rate_init": 1e-3}),
        (
            "sigmoid",
            "logistic",
            ab.SGD(0.1, momentum=0.9),
            {
                "solver": "sgd",
                "learning_rate_init": 0.1,
                "momentum": 0.9,
                "nesterovs_momentum": False,
            },
        ),
    ],
)
def test_digits_test_accuracy_matches_sklearn(
    activation, sklearn_activation, optimizer, sklearn_solver
):
    """64-32-10 on load_digits, batch 32, 20 epochs: mean test accuracy over 3 seeds."""
    data = ab.digits(seed=0)
    ours, theirs = [], []
    for seed in range(3):
        model = ab.MLP((64, 32, 10), activation, seed=seed)
        model.fit(data.x_train, data.y_train, epochs=20, batch_size=32, optimizer=optimizer)
        ours.append(model.evaluate(data.x_test, data.y_test)[1])
        theirs.append(_sklearn_accuracy(data, sklearn_activation, seed, 20, **sklearn_solver))
    assert np.mean(ours) > 0.9
    assert abs(np.mean(ours) - np.mean(theirs)) <= ACCURACY_TOLERANCE, (ours, theirs)


# -- determinism -------------------------------------------------------------------------------
def _train(seed, **options):
    data = ab.make_dataset("moons", 120, noise=0.2, seed=0)
    model = ab.MLP((2, 8, 8, 2), "tanh", seed=seed, **options)
    history = model.fit(
        data.x_train,
        data.y_train,
        epochs=5,
        batch_size=16,
        optimizer=ab.SGD(0.1, momentum=0.5),
        x_test=data.x_test,
        y_test=data.y_test,
    )
    return model, history


def test_training_is_deterministic_for_a_seed():
    before = np.random.get_state()[1].copy()
    first, history1 = _train(0)
    second, history2 = _train(0)
    assert np.array_equal(first.get_parameters(), second.get_parameters())
    assert history1.loss == history2.loss
    assert history1.test_accuracy == history2.test_accuracy
    other, history3 = _train(1)
    assert not np.array_equal(first.get_parameters(), other.get_parameters())
    assert history1.loss != history3.loss
    assert np.array_equal(before, np.random.get_state()[1])


def test_float32_training_stays_float32_and_tracks_float64():
    wide, wide_history = _train(0)
    narrow, narrow_history = _train(0, dtype="float32")
    assert narrow.get_parameters().dtype == np.float32
    assert narrow.predict_proba(np.zeros((1, 2))).dtype == np.float32
    np.testing.assert_allclose(narrow_history.loss, wide_history.loss, rtol=1e-3)


# -- training behaviour, history and snapshots -----------------------------------------------
def test_fit_learns_xor_and_records_history_and_snapshots():
    data = ab.make_dataset("xor", 200, noise=0.2, seed=0)
    model = ab.MLP((2, 8, 2), "tanh", seed=0)
    initial = model.get_parameters()
    history = model.fit(
        data.x_train,
        data.y_train,
        epochs=30,
        optimizer=ab.Adam(0.02),
        x_test=data.x_test,
        y_test=data.y_test,
        snapshot_epochs=[0, 10, 30],
        track_gradient_norms=True,
    )
    assert history.epoch == list(range(1, 31))
    for curve in (history.loss, history.train_accuracy, history.test_loss, history.test_accuracy):
        assert len(curve) == 30
    assert history.loss[-1] < history.loss[0]
    assert history.test_accuracy[-1] >= 0.95
    assert sorted(history.snapshots) == [0, 10, 30]
    np.testing.assert_array_equal(history.snapshots[0], initial)
    np.testing.assert_array_equal(history.snapshots[30], model.get_parameters())
    assert len(history.gradient_norms) == 30
    assert history.gradient_norms[0].shape == (2,)
    # The recorded test accuracy at epoch 10 is reproduced from the snapshot.
    replay = model.copy()
    replay.set_parameters(history.snapshots[10])
    assert replay.evaluate(data.x_test, data.y_test)[1] == history.test_accuracy[9]
    assert history.train_loss[-1] == pytest.approx(model.loss(data.x_train, data.y_train))


def test_predictions_are_consistent():
    x, y = _problem(k=4)
    model = ab.MLP((3, 6, 4), "relu", seed=0)
    probabilities = model.predict_proba(x)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(model.predict(x), probabilities.argmax(axis=1))
    np.testing.assert_array_equal(model.predict(x), model.logits(x).argmax(axis=1))
    loss, accuracy = model.evaluate(x, y)
    assert accuracy == np.mean(model.predict(x) == y)
    assert loss == pytest.approx(-np.mean(np.log(probabilities[np.arange(len(y)), y])))


def test_mse_regression_fits_a_curve():
    x = np.linspace(-2, 2, 64)[:, None]
    t = np.sin(x[:, 0])
    model = ab.MLP((1, 16, 1), "tanh", loss="mse", seed=0)
    before = model.loss(x, t)
    history = model.fit(x, t, epochs=200, batch_size=16, optimizer=ab.Adam(0.01))
    assert model.predict(x).shape == (64,)
    assert history.train_loss[-1] < 0.05 * before
    assert math.isnan(history.train_accuracy[-1])
    with pytest.raises(ValueError, match="predict_proba"):
        model.predict_proba(x)


def test_mse_with_labels_uses_one_hot_targets():
    x, y = _problem(k=3)
    model = ab.MLP((3, 3), "relu", loss="mse", seed=0)
    one_hot = np.eye(3)[y]
    assert model.loss(x, y) == pytest.approx(model.loss(x, one_hot))
    assert model.evaluate(x, y)[1] == np.mean(model.predict(x) == y)


def test_copy_is_independent():
    model = ab.MLP((2, 3, 2), seed=0)
    twin = model.copy()
    twin.weights[0][...] = 0.0
    assert not np.all(model.weights[0] == 0.0)
    assert np.all(twin.get_parameters()[:6] == 0.0)  # W_1 is the first 6 entries


# -- optimisers and initialisation ----------------------------------------------------------------
def test_sgd_steps_follow_their_formulas():
    params = np.array([1.0, -2.0])
    grads = np.array([0.5, 0.25])
    plain = ab.SGD(0.1)
    plain.step(params, grads, plain.init_state(params))
    np.testing.assert_allclose(params, [0.95, -2.025])

    heavy = ab.SGD(0.1, momentum=0.9)
    params = np.zeros(2)
    state = heavy.init_state(params)
    heavy.step(params, grads, state)
    heavy.step(params, grads, state)
    # v1 = g, v2 = 0.9 g + g; params = -0.1 (v1 + v2) = -0.29 g
    np.testing.assert_allclose(params, -0.29 * grads)

    nesterov = ab.SGD(0.1, momentum=0.9, nesterov=True)
    params = np.zeros(2)
    nesterov.step(params, grads, nesterov.init_state(params))
    np.testing.assert_allclose(params, -0.1 * (grads + 0.9 * grads))


def test_adam_first_steps():
    params = np.zeros(3)
    grads = np.array([1e-3, -2.0, 50.0])
    adam = ab.Adam(0.01)
    state = adam.init_state(params)
    adam.step(params, grads, state)
    # After bias correction, step one moves every parameter by lr * g / (|g| + eps), which
    # is about lr * sign(g) whatever the gradient's scale.
    first = -0.01 * grads / (np.abs(grads) + 1e-8)
    np.testing.assert_allclose(params, first, rtol=1e-12)
    np.testing.assert_allclose(params, -0.01 * np.sign(grads), rtol=1e-4)
    adam.step(params, 2 * grads, state)
    m = (0.9 * 0.1 * grads + 0.1 * 2 * grads) / (1 - 0.9**2)
    v = (0.999 * 0.001 * grads**2 + 0.001 * 4 * grads**2) / (1 - 0.999**2)
    np.testing.assert_allclose(params, first - 0.01 * m / (np.sqrt(v) + 1e-8), rtol=1e-12)


@pytest.mark.parametrize(
    ("init", "distribution", "variance"),
    [
        ("xavier", "uniform", 2 / (400 + 200)),
        ("xavier", "normal", 2 / (400 + 200)),
        ("he", "normal", 2 / 400),
        ("he", "uniform", 2 / 400),
        ("lecun", "normal", 1 / 400),
    ],
)
def test_initial_weight_variance(init, distribution, variance):
    rng = np.random.default_rng(0)
    w = ab.initial_weights(400, 200, init=init, distribution=distribution, rng=rng)
    assert w.shape == (400, 200)
    # 80 000 draws: the sample variance is within 2 % of the target with room to spare.
    assert np.var(w) == pytest.approx(variance, rel=0.02)
    assert abs(np.mean(w)) < 0.01 * math.sqrt(variance)
    if distribution == "uniform":
        assert np.abs(w).max() <= math.sqrt(3 * variance)


def test_biases_start_at_zero():
    model = ab.MLP((4, 3, 2), seed=0)
    assert all(np.all(b == 0) for b in model.biases)
    assert model.n_parameters == 4 * 3 + 3 + 3 * 2 + 2


# -- diagnostics ------------------------------------------------------------------------------
def test_gradient_norms_match_gradients_and_vanish_in_a_deep_sigmoid_net():
    x, y = _problem(n=32, d=4, k=2)
    deep = ab.MLP((4, *[32] * 9, 2), "sigmoid", seed=0)
    norms = deep.gradient_norms(x, y)
    assert norms.shape == (10,)
    expected = [np.linalg.norm(g) for g in deep.gradients(x, y).weights]
    np.testing.assert_allclose(norms, expected)
    # Each sigmoid layer multiplies the backward signal by at most 1/4 times a weight.
    assert norms[0] < 1e-3 * norms[-1]
    # ReLU with He initialisation keeps the scale: the contrast the chapter draws.
    relu = ab.MLP((4, *[32] * 9, 2), "relu", init="he", seed=0).gradient_norms(x, y)
    assert relu[0] > 0.05 * relu[-1]


def test_dead_units_follow_the_derivative_definition():
    x, _ = _problem(n=20, d=3)
    model = ab.MLP((3, 4, 4, 2), "relu", seed=0)
    model.biases[0][1] = -100.0  # pre-activation <= 0 for every sample: dead
    model.biases[1][...] = 100.0  # always active: alive
    masks = model.dead_units(x)
    assert masks[0].tolist() == [False, True, False, False]
    assert not masks[1].any()
    np.testing.assert_allclose(model.dead_fraction(x), [0.25, 0.0])
    # Equivalent, for ReLU, to "pre-activation <= 0 on every sample".
    z = x @ model.weights[0] + model.biases[0]
    np.testing.assert_array_equal(masks[0], np.all(z <= 0, axis=0))

    leaky = ab.MLP((3, 4, 2), "leaky_relu", seed=0)
    leaky.biases[0][...] = -100.0
    np.testing.assert_array_equal(leaky.dead_fraction(x), [0.0])


# -- argument checks -------------------------------------------------------------------------------
X = np.zeros((4, 2))
Y = np.array([0, 1, 0, 1])


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: ab.MLP((2,)), "sizes"),
        (lambda: ab.MLP((2, 0, 2)), "sizes"),
        (lambda: ab.MLP((2, 2.5, 2)), "sizes"),
        (lambda: ab.MLP(5), "sizes"),
        (lambda: ab.MLP((2, 3, 2), "swish_of_doom"), "activation"),
        (lambda: ab.MLP((2, 3, 2), "softmax"), "activation"),
        (lambda: ab.MLP((2, 3, 2), "swiglu"), "activation='silu' with gated=True"),
        (lambda: ab.MLP((2, 3, 2), gated="yes"), "gated"),
        (lambda: ab.MLP((2, 3, 2), gated=1), "gated"),
        (lambda: ab.MLP((2, 3, 2), gated=[1]), "gated"),
        (lambda: ab.MLP((2, 3, 2), gated=[True, True]), "gated"),
        (lambda: ab.MLP((2, 2), gated=True), "gated"),
        (lambda: ab.parameter_count((2, 3, 2), biases="no"), "biases"),
        (lambda: ab.parameter_count((2,)), "sizes"),
        (lambda: ab.MLP((2, 3, 2), ["relu", "tanh"]), "activation"),
        (lambda: ab.MLP((2, 3, 2), 7), "activation"),
        (
            lambda: ab.MLP((2, 3, 2), "leaky_relu", activation_params={"negative_slope": -1}),
            "activation",
        ),
        (lambda: ab.MLP((2, 3, 2), ["relu"], activation_params={"a": 1}), "activation_params"),
        (lambda: ab.MLP((2, 2), loss="hinge"), "loss"),
        (lambda: ab.MLP((2, 2), init="orthogonal"), "init"),
        (lambda: ab.MLP((2, 2), distribution="cauchy"), "distribution"),
        (lambda: ab.MLP((2, 2), dtype="float16"), "dtype"),
        (lambda: ab.MLP((2, 2), dtype="not a dtype"), "dtype"),
        (lambda: ab.MLP((2, 2), seed=-1), "seed"),
        (lambda: ab.MLP((2, 2), seed=1.5), "seed"),
        (lambda: ab.SGD(0.0), "learning_rate"),
        (lambda: ab.SGD(0.1, momentum=1.0), "momentum"),
        (lambda: ab.SGD(0.1, nesterov=True), "nesterov"),
        (lambda: ab.Adam(-1.0), "learning_rate"),
        (lambda: ab.Adam(beta1=1.0), "beta1"),
        (lambda: ab.Adam(beta2=-0.1), "beta2"),
        (lambda: ab.Adam(epsilon=0.0), "epsilon"),
        (lambda: ab.MLP((2, 2)).fit(np.zeros((4, 3)), Y), "'x'"),
        (lambda: ab.MLP((2, 2)).fit(X, np.array([0, 1, 2, 0])), "'y'"),
        (lambda: ab.MLP((2, 2)).fit(X, Y[:3]), "'y'"),
        (lambda: ab.MLP((2, 2)).fit(X, np.array([0.5, 1, 0, 1])), "'y'"),
        (lambda: ab.MLP((2, 2)).fit(np.full((4, 2), np.nan), Y), "'x'"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, epochs=-1), "epochs"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, batch_size=0), "batch_size"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, optimizer="adam"), "optimizer"),
        (lambda: ab.MLP((2, 2)).train_step(X, Y, optimizer="sgd", state={}), "optimizer"),
        (
            lambda: ab.MLP((2, 2)).train_epoch(X, Y, optimizer=ab.SGD(), state={}, batch_size=0),
            "batch_size",
        ),
        (lambda: ab.MLP((2, 2)).fit(X, Y, x_test=X), "x_test"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, x_test=X, y_test=Y[:2]), "y_test"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, epochs=3, snapshot_epochs=[4]), "snapshot_epochs"),
        (lambda: ab.MLP((2, 2)).fit(X, Y, snapshot_epochs=[-1]), "snapshot_epochs"),
        (lambda: ab.MLP((2, 2), loss="mse").fit(X, np.zeros((4, 3))), "'y'"),
        (lambda: ab.MLP((2, 2)).set_parameters(np.zeros(3)), "flat"),
        (lambda: ab.MLP((2, 3, 2)).dead_units(np.zeros((0, 2))), "'x'"),
        (
            lambda: ab.initial_weights(2, 2, init="glorot", rng=np.random.default_rng()),
            "init",
        ),
    ],
)
def test_bad_arguments_name_the_parameter(call, parameter):
    with pytest.raises(ValueError, match=parameter):
        call()


# -- buffers --------------------------------------------------------------------------------
def test_training_reuses_its_buffers_and_evaluation_does_not_return_them():
    data = ab.make_dataset("moons", 80, seed=2)
    model = ab.MLP((2, 8, 8, 2), activation="gelu", gated=(True, False), seed=1)
    state = ab.SGD(0.1).init_state(model.get_parameters())
    model.train_step(data.x_train[:16], data.y_train[:16], optimizer=ab.SGD(0.1), state=state)
    buffers = model._buffers[16]
    model.train_step(data.x_train[16:32], data.y_train[16:32], optimizer=ab.SGD(0.1), state=state)
    assert model._buffers[16] is buffers  # the same arrays, written again
    logits = model.logits(data.x_train[:16])
    assert not np.shares_memory(logits, buffers.logits)
    twin = model.copy()
    assert twin._buffers == {}


def test_buffered_gradients_equal_a_fresh_model():
    """Reused buffers hold no state between steps: gradients match a model that never trained."""
    data = ab.make_dataset("moons", 60, seed=4)
    model = ab.MLP((2, 6, 2), activation="silu", gated=True, seed=3)
    fresh = model.copy()
    model.gradients(data.x_train[:20], data.y_train[:20])  # fills the buffers for n = 20
    again = model.gradients(data.x_train[20:40], data.y_train[20:40])
    expected = fresh.gradients(data.x_train[20:40], data.y_train[20:40])
    for a, b in zip(again.weights, expected.weights, strict=True):
        np.testing.assert_array_equal(a, b)


def test_activation_without_out_trains_like_the_registered_one():
    # A reader's own entry, with plain lambdas, gets the buffers by copy.
    relu = ab.get("relu")
    plain = ab.Activation(
        "plain_relu",
        "plain ReLU",
        function=lambda x: np.maximum(x, 0.0),
        derivative=lambda x: (np.asarray(x) > 0).astype(float),
        sympy_expression=relu.sympy_expression,
    )
    data = ab.make_dataset("moons", n_samples=60, seed=0)
    grads = [
        ab.MLP((2, 4, 2), activation=a, seed=1).gradients(data.x_train, data.y_train)
        for a in (plain, relu)
    ]
    for a, b in zip(grads[0].weights, grads[1].weights, strict=True):
        np.testing.assert_array_equal(a, b)
