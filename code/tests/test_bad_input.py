"""Bad input to every public function: a clear error naming the argument, never garbage.

Each case calls one public name of ``actbook`` with one wrong argument, as a careless
reader would in a notebook. It must raise the stated exception, whose message names the
argument, and emit no numpy ``RuntimeWarning`` on the way (pytest turns warnings into
errors). A last test checks that every public name is covered here, or is listed with the
reason it takes no argument a reader could get wrong.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import actbook as ab
import numpy as np
import pytest

INF, NAN = math.inf, math.nan


@cache
def data() -> ab.Dataset:
    return ab.make_dataset("moons", 40, seed=0)


@cache
def model() -> ab.MLP:
    return ab.MLP((2, 4, 2), seed=0)


@cache
def runs() -> dict:
    return ab.train_per_activation(data(), ["relu"], hidden=(4,), epochs=1, snapshot_epochs=[1])


@cache
def dead_runs() -> dict:
    return {0.1: ab.dead_unit_run(data(), "relu", 0.1, hidden=(4,), epochs=1)}


@cache
def hand_fits() -> list:
    x, y = ab.diabetes_feature()
    return [ab.fit_by_hand(x, y, "tanh", initial=[1.0, 0.0, 1.0, 0.0], iterations=2)]


@cache
def sweep() -> ab.SparsitySweep:
    return ab.sparsity_sweep(data(), ["relu"], [0], hidden=(4,), epochs=1)


def axes():
    return ab.new_figure()[1]


def flows() -> list:
    return [ab.gradient_flow("tanh", "he", depth=2, width=4, batch=8)]


BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "README.md"
X = np.linspace(-2.0, 2.0, 5)
POINTS = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
LABELS = np.array([0, 1, 1, 0])

# (public name, call, argument the message must name, exception type)
CASES = [
    # -- activations ------------------------------------------------------------------------
    ("get", lambda: ab.get(5), "activation", ValueError),
    ("get", lambda: ab.get("relux"), "relux", ValueError),
    ("Activation.__call__", lambda: ab.get("elu")(X, alpha=INF), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("celu")(X, alpha=INF), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("isru")(X, alpha=INF), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("softplus")(X, beta=INF), "beta", ValueError),
    ("Activation.__call__", lambda: ab.get("squareplus")(X, b=INF), "'b'", ValueError),
    ("Activation.__call__", lambda: ab.get("silu")(X, beta=INF), "beta", ValueError),
    ("Activation.__call__", lambda: ab.get("elu")(X, alpha=NAN), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("elu")(X, alpha=True), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("elu")(X, alpha="1"), "alpha", ValueError),
    ("Activation.__call__", lambda: ab.get("elu")(X, gamma=1.0), "gamma", ValueError),
    ("Activation.__call__", lambda: ab.get("relu")(np.array(["a"])), "x", TypeError),
    ("Activation.__call__", lambda: ab.get("softmax")(np.float64(1.0)), "'x'", ValueError),
    ("Activation.__call__", lambda: ab.get("softmax")(np.array(1.0)), "'x'", ValueError),
    ("Activation.__call__", lambda: ab.get("glu")(np.ones(3)), "axis", ValueError),
    (
        "Activation.grad",
        lambda: ab.get("leaky_relu").grad(X, negative_slope=INF),
        "negative_slope",
        ValueError,
    ),
    ("Parameter", lambda: ab.Parameter("a", 1.0, 0.0, 2.0).check(INF), "'a'", ValueError),
    (
        "register",
        lambda: ab.register(ab.Activation("zz", "zz", None, None)),
        "function",
        ValueError,
    ),
    ("register", lambda: ab.register(ab.Activation("Bad Name", "b", abs, abs)), "name", ValueError),
    ("register", lambda: ab.register(ab.Activation(7, "b", abs, abs)), "name", ValueError),
    ("register", lambda: ab.register("relu"), "activation", ValueError),
    ("register", lambda: ab.register(ab.get("relu")), "relu", ValueError),
    ("properties_table", lambda: ab.properties_table("relu"), "names", ValueError),
    ("properties_markdown", lambda: ab.properties_markdown("relu"), "rows", ValueError),
    (
        "computed_properties",
        lambda: ab.computed_properties("elu", {"alpha": INF}),
        "alpha",
        ValueError,
    ),
    ("conventions_markdown", lambda: ab.conventions_markdown("x"), "rows", ValueError),
    (
        "softmax_jacobian",
        lambda: ab.softmax_jacobian([1.0, 2.0], temperature=0.0),
        "temperature",
        ValueError,
    ),
    ("softmax_jacobian", lambda: ab.softmax_jacobian(1.0), "'x'", ValueError),
    ("numerical_jacobian", lambda: ab.numerical_jacobian(np.tanh, X, step=0.0), "step", ValueError),
    ("numerical_jacobian", lambda: ab.numerical_jacobian(np.tanh, X, step=INF), "step", ValueError),
    ("numerical_jacobian", lambda: ab.numerical_jacobian("tanh", X), "function", ValueError),
    ("as_float_array", lambda: ab.as_float_array("abc"), "x", TypeError),
    ("as_float_array", lambda: ab.as_float_array([1 + 2j]), "x", TypeError),
    # -- data --------------------------------------------------------------------------------
    ("moons", lambda: ab.moons(1), "n_samples", ValueError),
    ("moons", lambda: ab.moons(np.float64(10)), "n_samples", ValueError),
    ("moons", lambda: ab.moons(10, noise=INF), "noise", ValueError),
    ("moons", lambda: ab.moons(10, seed=-1), "seed", ValueError),
    ("circles", lambda: ab.circles(10, factor=1.5), "factor", ValueError),
    ("spiral", lambda: ab.spiral(10, n_classes=1), "n_classes", ValueError),
    ("spiral", lambda: ab.spiral(10, turns=NAN), "turns", ValueError),
    ("xor", lambda: ab.xor(3), "n_samples", ValueError),
    ("make_dataset", lambda: ab.make_dataset("moonz"), "name", ValueError),
    (
        "make_dataset",
        lambda: ab.make_dataset("moons", test_fraction=1.5),
        "test_fraction",
        ValueError,
    ),
    ("train_test_split", lambda: ab.train_test_split(POINTS, LABELS[:3]), "y", ValueError),
    (
        "train_test_split",
        lambda: ab.train_test_split(POINTS, LABELS, test_fraction=-0.1),
        "test_fraction",
        ValueError,
    ),
    ("digits", lambda: ab.digits(test_fraction=2.0), "test_fraction", ValueError),
    ("decision_grid", lambda: ab.decision_grid(POINTS, margin=INF), "margin", ValueError),
    ("decision_grid", lambda: ab.decision_grid(POINTS, resolution=1), "resolution", ValueError),
    ("decision_grid", lambda: ab.decision_grid(np.zeros((0, 2))), "x", ValueError),
    ("decision_grid", lambda: ab.decision_grid([[NAN, 0.0], [1.0, 1.0]]), "x", ValueError),
    ("separable_points", lambda: ab.separable_points(1), "n_samples", ValueError),
    ("separable_points", lambda: ab.separable_points(10, margin=INF), "margin", ValueError),
    ("diabetes_feature", lambda: ab.diabetes_feature("height"), "feature", ValueError),
    # -- training ----------------------------------------------------------------------------
    ("MLP", lambda: ab.MLP((2,)), "sizes", ValueError),
    ("MLP", lambda: ab.MLP((2, 0, 2)), "sizes", ValueError),
    ("MLP", lambda: ab.MLP((2, 4.0, 2)), "sizes", ValueError),
    ("MLP", lambda: ab.MLP((2, 4, 2), activation="relux"), "relux", ValueError),
    (
        "MLP",
        lambda: ab.MLP((2, 4, 2), activation="elu", activation_params={"alpha": INF}),
        "alpha",
        ValueError,
    ),
    ("MLP", lambda: ab.MLP((2, 4, 2), loss="hinge"), "loss", ValueError),
    ("MLP", lambda: ab.MLP((2, 4, 2), init="glorot"), "init", ValueError),
    ("MLP", lambda: ab.MLP((2, 4, 2), seed=1.5), "seed", ValueError),
    ("MLP.fit", lambda: model().copy().fit(POINTS, LABELS, epochs=-1), "epochs", ValueError),
    ("MLP.fit", lambda: model().copy().fit(POINTS, LABELS, batch_size=0), "batch_size", ValueError),
    (
        "MLP.fit",
        lambda: model().copy().fit(POINTS, LABELS, optimizer="adam"),
        "optimizer",
        ValueError,
    ),
    (
        "MLP.fit",
        lambda: model().copy().fit(POINTS, LABELS, on_divergence="ignore"),
        "on_divergence",
        ValueError,
    ),
    (
        "MLP.fit",
        lambda: model().copy().fit(POINTS, LABELS, track_gradient_norms="yes"),
        "track_gradient_norms",
        ValueError,
    ),
    ("MLP.fit", lambda: model().copy().fit(POINTS, LABELS, x_test=POINTS), "y_test", ValueError),
    (
        "MLP.fit",
        lambda: model().copy().fit(POINTS, LABELS, epochs=2, snapshot_epochs=[3]),
        "snapshot_epochs",
        ValueError,
    ),
    (
        "MLP.fit",
        lambda: model().copy().fit(data().x_train, data().y_train, epochs=5, optimizer=ab.SGD(1e3)),
        "learning_rate",
        FloatingPointError,
    ),
    ("MLP.fit", lambda: model().copy().fit(np.zeros((0, 2)), np.zeros(0, int)), "'x'", ValueError),
    ("MLP.fit", lambda: model().copy().fit([[NAN, 0.0]], [0]), "'x'", ValueError),
    ("MLP.fit", lambda: model().copy().fit(POINTS, [0, 1, 2, 0]), "'y'", ValueError),
    (
        "MLP.fit",
        lambda: ab.MLP((1, 2, 1), loss="mse").fit([[0.0], [1.0]], [[0.0], [NAN]]),
        "'y'",
        ValueError,
    ),
    ("MLP.loss", lambda: model().loss(np.zeros((0, 2)), np.zeros(0, int)), "'x'", ValueError),
    (
        "MLP.evaluate",
        lambda: model().evaluate(np.zeros((0, 2)), np.zeros(0, int)),
        "'x'",
        ValueError,
    ),
    ("MLP.predict", lambda: model().predict(np.ones((3, 5))), "'x'", ValueError),
    ("MLP.gradients", lambda: model().gradients(POINTS, LABELS[:2]), "'y'", ValueError),
    ("MLP.set_parameters", lambda: model().copy().set_parameters(np.zeros(3)), "flat", ValueError),
    (
        "MLP.train_step",
        lambda: model().copy().train_step(POINTS, LABELS, optimizer=ab.Adam(), state={}),
        "state",
        ValueError,
    ),
    (
        "MLP.train_epoch",
        lambda: (
            model()
            .copy()
            .train_epoch(
                np.zeros((0, 2)), np.zeros(0, int), optimizer=ab.SGD(), state={}, batch_size=2
            )
        ),
        "'x'",
        ValueError,
    ),
    (
        "MLP.train_epoch",
        lambda: (
            model()
            .copy()
            .train_epoch(
                POINTS, LABELS, optimizer=ab.SGD(0.1, momentum=0.5), state={}, batch_size=2
            )
        ),
        "state",
        ValueError,
    ),
    ("SGD", lambda: ab.SGD("0.1"), "learning_rate", ValueError),
    ("SGD", lambda: ab.SGD(INF), "learning_rate", ValueError),
    ("SGD", lambda: ab.SGD(0.1, momentum=1.0), "momentum", ValueError),
    ("SGD", lambda: ab.SGD(0.1, momentum=0.9, nesterov="yes"), "nesterov", ValueError),
    ("Adam", lambda: ab.Adam("0.1"), "learning_rate", ValueError),
    ("Adam", lambda: ab.Adam(True), "learning_rate", ValueError),
    ("Adam", lambda: ab.Adam(beta1=1.0), "beta1", ValueError),
    ("Adam", lambda: ab.Adam(epsilon=0.0), "epsilon", ValueError),
    (
        "initial_weights",
        lambda: ab.initial_weights(0, 3, rng=np.random.default_rng(0)),
        "fan_in",
        ValueError,
    ),
    (
        "initial_weights",
        lambda: ab.initial_weights(2, 3, init="glorot", rng=np.random.default_rng(0)),
        "init",
        ValueError,
    ),
    ("initial_weights", lambda: ab.initial_weights(2, 3, rng=0), "rng", ValueError),
    ("perceptron", lambda: ab.perceptron([[NAN, 1.0], [1.0, 2.0]], [0, 1]), "'x'", ValueError),
    ("perceptron", lambda: ab.perceptron(POINTS, [0, 1, 2, 0]), "'y'", ValueError),
    (
        "perceptron",
        lambda: ab.perceptron(POINTS, LABELS, learning_rate=INF),
        "learning_rate",
        ValueError,
    ),
    ("perceptron", lambda: ab.perceptron(POINTS, LABELS, epochs=1.5), "epochs", ValueError),
    ("adaline", lambda: ab.adaline([[INF, 1.0], [1.0, 2.0]], [0, 1]), "'x'", ValueError),
    ("adaline", lambda: ab.adaline(POINTS, LABELS, learning_rate=0.0), "learning_rate", ValueError),
    ("hand_predict", lambda: ab.hand_predict([1.0, 0.0], X, "tanh"), "params", ValueError),
    ("hand_loss", lambda: ab.hand_loss([1.0, 0.0, 1.0, 0.0], X, X[:3], "tanh"), "'y'", ValueError),
    (
        "hand_gradient",
        lambda: ab.hand_gradient([1.0, 0.0, 1.0, NAN], X, X, "tanh"),
        "params",
        ValueError,
    ),
    (
        "fit_by_hand",
        lambda: ab.fit_by_hand(X, X, "tanh", initial=[0.0] * 4, update="random"),
        "update",
        ValueError,
    ),
    (
        "fit_by_hand",
        lambda: ab.fit_by_hand(X, X, "tanh", initial=[0.0] * 4, learning_rate=INF),
        "learning_rate",
        ValueError,
    ),
    (
        "fit_by_hand",
        lambda: ab.fit_by_hand(X, [NAN] * 5, "tanh", initial=[0.0] * 4),
        "'y'",
        ValueError,
    ),
    ("gradient_flow", lambda: ab.gradient_flow("tanh", "glorot"), "init", ValueError),
    ("gradient_flow", lambda: ab.gradient_flow("tanh", "he", depth=0), "depth", ValueError),
    (
        "gradient_flow",
        lambda: ab.gradient_flow("tanh", "he", output_error="zero"),
        "output_error",
        ValueError,
    ),
    (
        "GradientFlow.error_ratio",
        lambda: ab.gradient_flow("step", "he", depth=3, width=4).error_ratio,
        "ratio",
        ValueError,
    ),
    (
        "train_per_activation",
        lambda: ab.train_per_activation(data(), "relu", epochs=1),
        "activations",
        ValueError,
    ),
    (
        "train_per_activation",
        lambda: ab.train_per_activation(data(), ["relu"], epochs=-1),
        "epochs",
        ValueError,
    ),
    ("seed_sweep", lambda: ab.seed_sweep(data(), ["relu"], "0", epochs=1), "seeds", ValueError),
    ("seed_sweep", lambda: ab.seed_sweep(data(), ["relu"], [], epochs=1), "seeds", ValueError),
    # -- training/_sparsity
    ("hidden_activations", lambda: ab.hidden_activations("mlp", POINTS), "model", ValueError),
    ("hidden_activations", lambda: ab.hidden_activations(model(), POINTS[:, :1]), "x", ValueError),
    ("zero_fraction", lambda: ab.zero_fraction(model(), [[NAN, 0.0]]), "x", ValueError),
    (
        "zero_fraction",
        lambda: ab.zero_fraction(model(), POINTS, tolerance=-1),
        "tolerance",
        ValueError,
    ),
    ("sparsity_sweep", lambda: ab.sparsity_sweep(POINTS, ["relu"], [0]), "data", ValueError),
    ("sparsity_sweep", lambda: ab.sparsity_sweep(data(), "relu", [0]), "activations", ValueError),
    ("sparsity_sweep", lambda: ab.sparsity_sweep(data(), ["relu"], [0, 0]), "seeds", ValueError),
    (
        "sparsity_sweep",
        lambda: ab.sparsity_sweep(data(), ["relu"], [0], tolerance=INF),
        "tolerance",
        ValueError,
    ),
    ("SparsitySweep.of", lambda: sweep().of("gelu"), "label", ValueError),
    ("epochs_to_reach", lambda: ab.epochs_to_reach([0.5, 0.9], NAN), "target", ValueError),
    ("epochs_to_reach", lambda: ab.epochs_to_reach("0.5", 0.9), "curve", ValueError),
    ("dead_unit_run", lambda: ab.dead_unit_run(data(), "relu", 0.0), "learning_rate", ValueError),
    (
        "dead_unit_run",
        lambda: ab.dead_unit_run(data(), "relu", 0.1, epochs=-1),
        "epochs",
        ValueError,
    ),
    (
        "max_pre_activation_trace",
        lambda: ab.max_pre_activation_trace(data(), "relu", INF),
        "learning_rate",
        ValueError,
    ),
    (
        "max_pre_activation_trace",
        lambda: ab.max_pre_activation_trace(data(), "relu", 0.1, steps=-1),
        "steps",
        ValueError,
    ),
    (
        "hidden_pre_activations",
        lambda: ab.hidden_pre_activations(model(), np.zeros((0, 2))),
        "'x'",
        ValueError,
    ),
    (
        "hidden_pre_activations",
        lambda: ab.hidden_pre_activations("model", POINTS),
        "model",
        ValueError,
    ),
    ("born_dead_fraction", lambda: ab.born_dead_fraction(POINTS, 4, 2, "0"), "seeds", ValueError),
    ("born_dead_fraction", lambda: ab.born_dead_fraction(POINTS, 0, 2, [0]), "width", ValueError),
    (
        "born_dead_fraction",
        lambda: ab.born_dead_fraction(POINTS, 4, 2, [0], bias=INF),
        "bias",
        ValueError,
    ),
    # -- figures -----------------------------------------------------------------------------
    ("new_figure", lambda: ab.new_figure(figsize=(0, 0)), "figsize", ValueError),
    ("new_figure", lambda: ab.new_figure(figsize=(INF, 2)), "figsize", ValueError),
    ("new_figure", lambda: ab.new_figure(0), "nrows", ValueError),
    ("show", lambda: ab.show(ab.new_figure()[0], alt=""), "alt", ValueError),
    ("show", lambda: ab.show("figure", alt="a plot"), "fig", ValueError),
    ("png_bytes", lambda: ab.png_bytes("figure"), "fig", ValueError),
    ("activation_figure", lambda: ab.activation_figure("relu", xlim=(1, -1)), "xlim", ValueError),
    (
        "activation_figure",
        lambda: ab.activation_figure("relu", figsize=(0, 3)),
        "figsize",
        ValueError,
    ),
    ("activation_figure", lambda: ab.activation_figure("elu", {"alpha": INF}), "alpha", ValueError),
    (
        "activation_alt_text",
        lambda: ab.activation_alt_text("relu", weight=NAN),
        "weight",
        ValueError,
    ),
    ("plot_activation", lambda: ab.plot_activation(axes(), "relu", points=1), "points", ValueError),
    ("plot_activation", lambda: ab.plot_activation(axes(), "relu", bias=INF), "bias", ValueError),
    ("plot_activation", lambda: ab.plot_activation("ax", "relu"), "ax", ValueError),
    (
        "activation_explorer",
        lambda: ab.activation_explorer("relu", derivative_toggle=False),
        "derivative_toggle",
        ValueError,
    ),
    (
        "activation_explorer",
        lambda: ab.activation_explorer("relu", weights=2.0),
        "weights",
        ValueError,
    ),
    (
        "activation_explorer",
        lambda: ab.activation_explorer("relu", biases=[0.0, NAN]),
        "biases",
        ValueError,
    ),
    (
        "activation_explorer",
        lambda: ab.activation_explorer("elu", parameter_values=100),
        "controls",
        ValueError,
    ),
    (
        "activation_explorer",
        lambda: ab.activation_explorer("relu", derivative_toggle="yes"),
        "derivative_toggle",
        ValueError,
    ),
    ("explorer", lambda: ab.explorer(lambda ax, v: None, [], alt=str), "controls", ValueError),
    (
        "explorer",
        lambda: ab.explorer(lambda ax, v: None, ab.Control("v", [1, 2]), alt=str),
        "controls",
        ValueError,
    ),
    (
        "explorer",
        lambda: ab.explorer("draw", [ab.Control("v", [1, 2])], alt=str),
        "draw",
        ValueError,
    ),
    (
        "explorer",
        lambda: ab.explorer(lambda ax, v: None, [ab.Control("v", [1, 2])], alt="text"),
        "alt",
        ValueError,
    ),
    (
        "explorer",
        lambda: ab.explorer(lambda ax, v: None, [ab.Control("v", [1, 2])], alt=str, figsize=(0, 0)),
        "figsize",
        ValueError,
    ),
    ("Control", lambda: ab.Control("v", []), "v", ValueError),
    ("Control", lambda: ab.Control("v", "abc"), "values", ValueError),
    ("Control", lambda: ab.Control("v", [1, 2], default=3), "default", ValueError),
    ("Control", lambda: ab.Control("", [1, 2]), "name", ValueError),
    ("activation_grid", lambda: ab.activation_grid("relu"), "activations", ValueError),
    ("activation_grid", lambda: ab.activation_grid(["relu"], ncols=0), "ncols", ValueError),
    (
        "activation_grid",
        lambda: ab.activation_grid(["relu"], panel_size=(0, 1)),
        "panel_size",
        ValueError,
    ),
    ("plot_overlay", lambda: ab.plot_overlay(axes(), "relu"), "activations", ValueError),
    ("plot_overlay", lambda: ab.plot_overlay(axes(), ["relu"], xlim=(0, 0)), "xlim", ValueError),
    ("overlay_alt_text", lambda: ab.overlay_alt_text("relu"), "activations", ValueError),
    ("overlay_explorer", lambda: ab.overlay_explorer("relu"), "choices", ValueError),
    (
        "overlay_explorer",
        lambda: ab.overlay_explorer(["relu", "tanh"], first="elu"),
        "first",
        ValueError,
    ),
    (
        "plot_probabilities",
        lambda: ab.plot_probabilities(axes(), [0.5, NAN]),
        "probabilities",
        ValueError,
    ),
    (
        "plot_probabilities",
        lambda: ab.plot_probabilities(axes(), [0.5, 0.5], labels="ab"),
        "labels",
        ValueError,
    ),
    ("probabilities_alt_text", lambda: ab.probabilities_alt_text([]), "probabilities", ValueError),
    ("markdown_table", lambda: ab.markdown_table(["a", "b"], [[1]]), "rows", ValueError),
    ("markdown_table", lambda: ab.markdown_table("ab", [[1, 2]]), "headers", ValueError),
    ("formula", lambda: ab.formula(3), "activation", ValueError),
    ("benchmark_markdown", lambda: ab.benchmark_markdown("table"), "table", ValueError),
    ("read_benchmark", lambda: ab.read_benchmark("/nonexistent/benchmark.md"), "path", ValueError),
    ("plot_benchmark", lambda: ab.plot_benchmark(axes(), "table"), "table", ValueError),
    (
        "plot_band",
        lambda: ab.plot_band(axes(), np.ones((2, 3)), label="a", color="k", spread="iqr"),
        "spread",
        ValueError,
    ),
    (
        "plot_band",
        lambda: ab.plot_band(axes(), np.ones(3), label="a", color="k"),
        "curves",
        ValueError,
    ),
    (
        "plot_curves",
        lambda: ab.plot_curves(axes(), {"a": [1.0, 0.5]}, highlight="b"),
        "highlight",
        ValueError,
    ),
    ("plot_curves", lambda: ab.plot_curves(axes(), {"a": [1.0, 0.5]}, upto=-1), "upto", ValueError),
    ("plot_curves", lambda: ab.plot_curves(axes(), [1.0, 0.5]), "curves", ValueError),
    ("series_colors", lambda: ab.series_colors("relu"), "labels", ValueError),
    ("split_axes", lambda: ab.split_axes(axes(), 0), "ncols", ValueError),
    (
        "plot_decision_regions",
        lambda: ab.plot_decision_regions(axes(), model(), data(), points="all"),
        "points",
        ValueError,
    ),
    (
        "plot_decision_regions",
        lambda: ab.plot_decision_regions(axes(), model(), data(), resolution=1),
        "resolution",
        ValueError,
    ),
    (
        "plot_decision_regions",
        lambda: ab.plot_decision_regions(axes(), model(), data(), marker_size=-1.0),
        "marker_size",
        ValueError,
    ),
    ("boundary_explorer", lambda: ab.boundary_explorer(data(), runs(), [5]), "epochs", ValueError),
    ("boundary_explorer", lambda: ab.boundary_explorer(data(), {}, [1]), "runs", ValueError),
    ("dead_unit_explorer", lambda: ab.dead_unit_explorer(dead_runs(), [7]), "epochs", ValueError),
    ("dead_unit_explorer", lambda: ab.dead_unit_explorer({}, [0]), "runs", ValueError),
    ("gradient_flow_explorer", lambda: ab.gradient_flow_explorer([]), "flows", ValueError),
    ("gradient_flow_explorer", lambda: ab.gradient_flow_explorer("tanh"), "flows", ValueError),
    (
        "hand_fit_explorer",
        lambda: ab.hand_fit_explorer(hand_fits(), *ab.diabetes_feature(), [0, 9]),
        "iterations",
        ValueError,
    ),
    (
        "hand_fit_explorer",
        lambda: ab.hand_fit_explorer([], *ab.diabetes_feature(), [0]),
        "fits",
        ValueError,
    ),
    (
        "plot_loss_curves",
        lambda: ab.plot_loss_curves(axes(), hand_fits(), reference_loss=NAN),
        "reference_loss",
        ValueError,
    ),
    ("plot_loss_curves", lambda: ab.plot_loss_curves(axes(), []), "fits", ValueError),
]

# Helpers of Part III tables and figures, the distances and quantisation of Part IV.
CASES += [
    ("AffineQuantiser", lambda: ab.AffineQuantiser(0.0, 0), "scale", ValueError),
    ("AffineQuantiser", lambda: ab.AffineQuantiser(0.1, 1.5), "zero_point", ValueError),
    ("AffineQuantiser", lambda: ab.AffineQuantiser(0.1, 0, qmin=5, qmax=-5), "qmin", ValueError),
    ("sigmoid_quantisers", lambda: ab.sigmoid_quantisers(1), "bits", ValueError),
    ("sigmoid_quantisers", lambda: ab.sigmoid_quantisers(8, limit=INF), "limit", ValueError),
    ("integer_hard_sigmoid", lambda: ab.integer_hard_sigmoid("q", "q"), "input", ValueError),
    ("lookup_activation", lambda: ab.lookup_activation("sigmoid", "q", "q"), "input", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", "softplus", points=1), "points", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", "softplus", interval=(1, -1)), "interval", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", 3), "g", ValueError),
    ("gap_alt_text", lambda: ab.gap_alt_text("relu", "softplus", "gap"), "gap", ValueError),
    ("plot_gap", lambda: ab.plot_gap(axes(), "relu", "softplus", xlim=(2, 1)), "xlim", ValueError),
    ("gap_explorer", lambda: ab.gap_explorer("relu"), "pairs", ValueError),
    (
        "gap_explorer",
        lambda: ab.gap_explorer([("relu", "softplus")], derivative_toggle="no"),
        "derivative_toggle",
        ValueError,
    ),
    ("plot_quantised", lambda: ab.plot_quantised(axes(), "q"), "integer", ValueError),
    (
        "plot_quantisation_error",
        lambda: ab.plot_quantisation_error(axes(), []),
        "integers",
        ValueError,
    ),
    ("quantised_alt_text", lambda: ab.quantised_alt_text("q"), "integer", ValueError),
    ("quantisation_explorer", lambda: ab.quantisation_explorer("8"), "bits", ValueError),
    (
        "quantisation_explorer",
        lambda: ab.quantisation_explorer((8,), choices="sigmoid"),
        "choices",
        ValueError,
    ),
    ("seed_spread", lambda: ab.seed_spread([]), "values", ValueError),
    ("seed_spread", lambda: ab.seed_spread("abc"), "values", ValueError),
    ("unit_deaths", lambda: ab.unit_deaths([1.0, 2.0]), "trace", ValueError),
    ("least_squares_loss", lambda: ab.least_squares_loss([1.0, 2.0], [1.0]), "'y'", ValueError),
    (
        "least_squares_loss",
        lambda: ab.least_squares_loss([1.0, NAN], [1.0, 2.0]),
        "'x'",
        ValueError,
    ),
    (
        "benchmark_context_markdown",
        lambda: ab.benchmark_context_markdown("table"),
        "table",
        ValueError,
    ),
    ("benchmark_figure", lambda: ab.benchmark_figure("table"), "table", ValueError),
    (
        "slower_than_torch_markdown",
        lambda: ab.slower_than_torch_markdown(ab.read_benchmark(BENCH), factor=-1.0),
        "factor",
        ValueError,
    ),
    (
        "born_dead_figure",
        lambda: ab.born_dead_figure([2, 4], {2: [0.5]}, networks=0),
        "networks",
        ValueError,
    ),
    ("born_dead_figure", lambda: ab.born_dead_figure("24", {}, networks=10), "depths", ValueError),
    (
        "plot_born_dead",
        lambda: ab.plot_born_dead(axes(), [2, 4], {2: [0.5]}),
        "born_dead",
        ValueError,
    ),
    ("dead_unit_markdown", lambda: ab.dead_unit_markdown({}, {}), "runs", ValueError),
    ("learning_curves_figure", lambda: ab.learning_curves_figure({}), "runs", ValueError),
    (
        "learning_curves_figure",
        lambda: ab.learning_curves_figure(runs(), early_epoch=-1),
        "early_epoch",
        ValueError,
    ),
    ("plot_learning_curves", lambda: ab.plot_learning_curves(axes(), runs()), "axes", ValueError),
    ("loss_curves_figure", lambda: ab.loss_curves_figure([]), "fits", ValueError),
    (
        "max_pre_activations_figure",
        lambda: ab.max_pre_activations_figure([1.0], data(), learning_rate=0.1),
        "trace",
        ValueError,
    ),
    (
        "max_pre_activations_figure",
        lambda: ab.max_pre_activations_figure(np.ones((3, 2)), data(), learning_rate=-1.0),
        "learning_rate",
        ValueError,
    ),
    (
        "plot_max_pre_activations",
        lambda: ab.plot_max_pre_activations(axes(), np.ones((3, 2)), steps_per_epoch=0),
        "steps_per_epoch",
        ValueError,
    ),
    ("plot_seed_bands", lambda: ab.plot_seed_bands(axes(), {}), "axes", ValueError),
    ("seed_bands_figure", lambda: ab.seed_bands_figure({}), "sweep", ValueError),
    ("seed_sweep_markdown", lambda: ab.seed_sweep_markdown({}, target=-0.5), "target", ValueError),
    (
        "training_runs_markdown",
        lambda: ab.training_runs_markdown(runs(), reached_on="val"),
        "reached_on",
        ValueError,
    ),
    (
        "training_runs_markdown",
        lambda: ab.training_runs_markdown(runs(), decimals=-1),
        "decimals",
        ValueError,
    ),
]

# The Parts I-II picture helpers (curves, losses, trained networks, neuron, perceptron).
CASES += [
    ("Curve", lambda: ab.Curve("relux"), "relux", ValueError),
    ("Curve", lambda: ab.Curve("relu", weight=NAN), "weight", ValueError),
    (
        "plot_activation_curves",
        lambda: ab.plot_activation_curves(axes(), "relu"),
        "curves",
        ValueError,
    ),
    (
        "plot_activation_curves",
        lambda: ab.plot_activation_curves(axes(), [ab.Curve("relu")], xlim=(1, 0)),
        "xlim",
        ValueError,
    ),
    ("activation_curves_alt_text", lambda: ab.activation_curves_alt_text([]), "curves", ValueError),
    (
        "activation_curves_figure",
        lambda: ab.activation_curves_figure([ab.Curve("relu")], levels="0.5"),
        "levels",
        ValueError,
    ),
    (
        "plot_training_losses",
        lambda: ab.plot_training_losses(axes(), [1.0, 0.5]),
        "losses",
        ValueError,
    ),
    (
        "plot_training_losses",
        lambda: ab.plot_training_losses(axes(), {"a": [1.0, 0.5]}, start=-1),
        "start",
        ValueError,
    ),
    ("training_loss_figure", lambda: ab.training_loss_figure({}), "losses", ValueError),
    ("decision_regions_figure", lambda: ab.decision_regions_figure([]), "panels", ValueError),
    (
        "decision_regions_figure",
        lambda: ab.decision_regions_figure([("relu", model(), data())], points="all"),
        "points",
        ValueError,
    ),
    ("regression_fit_figure", lambda: ab.regression_fit_figure("model", X, X), "model", ValueError),
    (
        "regression_fit_figure",
        lambda: ab.regression_fit_figure(ab.MLP((1, 2, 1), loss="mse"), X, X[:3]),
        "'y'",
        ValueError,
    ),
    (
        "neuron_explorer",
        lambda: ab.neuron_explorer("relu", weights=[1.0], biases=[0.0]),
        "activations",
        ValueError,
    ),
    (
        "neuron_explorer",
        lambda: ab.neuron_explorer(["relu"], weights=[NAN], biases=[0.0]),
        "weights",
        ValueError,
    ),
    (
        "two_input_neuron_figure",
        lambda: ab.two_input_neuron_figure(["relu"], [1.0], 0.0),
        "weights",
        ValueError,
    ),
    (
        "two_input_neuron_figure",
        lambda: ab.two_input_neuron_figure(["relu"], [1.0, 1.0], INF),
        "bias",
        ValueError,
    ),
    (
        "plot_linear_unit",
        lambda: ab.plot_linear_unit(axes(), "trace", POINTS, LABELS),
        "trace",
        ValueError,
    ),
    (
        "perceptron_explorer",
        lambda: ab.perceptron_explorer(
            ab.perceptron(POINTS, LABELS, epochs=2), POINTS, LABELS, epochs=[9]
        ),
        "epochs",
        ValueError,
    ),
    (
        "linear_unit_figure",
        lambda: ab.linear_unit_figure("trace", POINTS, LABELS),
        "trace",
        ValueError,
    ),
    (
        "loss_along_weight",
        lambda: ab.loss_along_weight(POINTS, LABELS, [1.0, 1.0], 0.0, [0.0], index=5),
        "index",
        ValueError,
    ),
    (
        "loss_along_weight",
        lambda: ab.loss_along_weight(POINTS, LABELS, [1.0, 1.0], NAN, [0.0]),
        "bias",
        ValueError,
    ),
    (
        "loss_along_weight_figure",
        lambda: ab.loss_along_weight_figure(POINTS, LABELS, [1.0, 1.0], 0.0, activations="step"),
        "activations",
        ValueError,
    ),
    (
        "temperature_explorer",
        lambda: ab.temperature_explorer([1.0, 2.0], ["a", "b"], [0.0]),
        "temperatures",
        ValueError,
    ),
    (
        "temperature_explorer",
        lambda: ab.temperature_explorer([1.0, 2.0], "ab", [1.0]),
        "labels",
        ValueError,
    ),
    (
        "temperature_explorer",
        lambda: ab.temperature_explorer([1.0, 2.0], ["a", "b"], [1.0], activations=["tanh"]),
        "activations",
        ValueError,
    ),
    (
        "activation_explorer",
        lambda: ab.activation_explorer(["softshrink", "elu"]),
        "activation",
        ValueError,
    ),
    # -- figures/_sparsity
    ("plot_zero_fractions", lambda: ab.plot_zero_fractions(axes(), {}), "sweep", ValueError),
    (
        "plot_zero_fractions",
        lambda: ab.plot_zero_fractions(axes(), sweep(), measure="dead"),
        "measure",
        ValueError,
    ),
    ("zero_fraction_alt_text", lambda: ab.zero_fraction_alt_text(runs()), "sweep", ValueError),
    (
        "zero_fraction_explorer",
        lambda: ab.zero_fraction_explorer(sweep(), figsize=(0, 4)),
        "figsize",
        ValueError,
    ),
    ("zero_fraction_markdown", lambda: ab.zero_fraction_markdown(None), "sweep", ValueError),
    (
        "plot_denoising",
        lambda: ab.plot_denoising(axes(), X, X, "softshrink", -0.5),
        "threshold",
        ValueError,
    ),
    (
        "plot_denoising",
        lambda: ab.plot_denoising(axes(), X, [NAN] * 5, "softshrink", 0.5),
        "noisy",
        ValueError,
    ),
    ("plot_denoising", lambda: ab.plot_denoising(axes(), X, X, "relu", 0.5), "shrink", ValueError),
    ("denoising_explorer", lambda: ab.denoising_explorer(X, X[:4], [0.5]), "clean", ValueError),
    ("denoising_explorer", lambda: ab.denoising_explorer(X, X, [NAN]), "thresholds", ValueError),
    (
        "denoising_explorer",
        lambda: ab.denoising_explorer(X, X, [0.5], reference=-1.0),
        "reference",
        ValueError,
    ),
    (
        "softmax_vs_sigmoids_figure",
        lambda: ab.softmax_vs_sigmoids_figure([1.0, NAN], ["a", "b"]),
        "scores",
        ValueError,
    ),
    ("slope_table", lambda: ab.slope_table("relu", [0.0]), "activations", ValueError),
    ("slope_table", lambda: ab.slope_table(["relu"], [NAN]), "points", ValueError),
    ("seed_results_table", lambda: ab.seed_results_table([]), "runs_by_seed", ValueError),
    (
        "seed_results_table",
        lambda: ab.seed_results_table([runs()], test_accuracy_at=[9]),
        "test_accuracy_at",
        ValueError,
    ),
]

#: Public names that take no argument a reader could get wrong, and why.
NOT_CALLED_WITH_BAD_INPUT = {
    "COLORS": "a constant",
    "RC_PARAMS": "a constant",
    "DATASETS": "a constant",
    "GRADIENT_FLOW_INITS": "a constant",
    "names": "takes no argument",
    "registry": "takes no argument",
    "style": "takes no argument",
    "conventions_table": "takes no argument",
    "Markdown": "a text holder for display",
    "Picture": "made by show()",
    "Explorer": "made by explorer()",
    "BenchmarkTable": "made by read_benchmark()",
    "Dataset": "made by make_dataset()",
    "TrainingRun": "made by train_per_activation()",
    "DeadUnitRun": "made by dead_unit_run()",
    "GradientFlow": "made by gradient_flow(); its ratios are checked above",
    "Gradients": "made by MLP.gradients()",
    "History": "made by MLP.fit()",
    "HandFit": "made by fit_by_hand()",
    "LinearUnitTrace": "made by perceptron() and adaline()",
    "DROPOUT_KINDS": "a constant",
    "GATED_UNITS": "a constant",
    "SELU_ALPHA": "a constant",
    "SELU_SCALE": "a constant",
    "SELU_SATURATION": "a constant",
    "WEIGHT_TAU": "a constant",
    "GatedComparison": "made by gated_comparison()",
    "GatedVariant": "made by gated_comparison()",
    "LayerStatistics": "made by layer_statistics()",
    "MomentField": "made by moment_field()",
    "Extremum": "made by curve_minimum()",
    "IntegerActivation": "made by lookup_activation() and integer_hard_sigmoid()",
    "Gap": "made by max_gap()",
    "SeedSpread": "made by seed_spread()",
    "UnitDeaths": "made by unit_deaths()",
}


@pytest.mark.parametrize(
    ("name", "call", "argument", "error"),
    CASES,
    ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)],
)
def test_bad_input_is_refused_with_its_name(name, call, argument, error):
    with pytest.raises(error) as caught:
        call()
    assert argument.strip("'") in str(caught.value), str(caught.value)


def test_every_public_name_meets_bad_input():
    covered = {case[0].split(".")[0] for case in CASES}
    missing = sorted(set(ab.__all__) - covered - set(NOT_CALLED_WITH_BAD_INPUT))
    assert missing == []


@pytest.mark.parametrize("activation", ab.names())
def test_every_explorer_works_on_its_defaults(activation):
    box = ab.activation_explorer(activation)
    assert isinstance(box, ab.Explorer) and box.links
