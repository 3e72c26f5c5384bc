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
def gated() -> ab.GatedComparison:
    return ab.gated_comparison(data(), ["relu"], hidden=4, seeds=[0, 1], epochs=1)


@cache
def sweep() -> ab.SparsitySweep:
    return ab.sparsity_sweep(data(), ["relu"], [0], hidden=(4,), epochs=1)


def axes():
    return ab.new_figure()[1]


@cache
def spectral_fits() -> dict:
    return ab.spectral_bias(hidden=(4,), steps=4, record_every=2)


@cache
def maxout_fits() -> dict:
    return ab.maxout_fits(["relu"], pieces=(2,), steps=2)


def flows() -> list:
    return [ab.gradient_flow("tanh", "he", depth=2, width=4, batch=8)]


BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "README.md"
X = np.linspace(-2.0, 2.0, 5)
QUANTISER = ab.AffineQuantiser.for_range(0.0, 1.0)


@cache
def hard_sigmoid_int8() -> ab.IntegerActivation:
    return ab.integer_hard_sigmoid(*ab.sigmoid_quantisers(8))


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
    ("atlas_rows", lambda: ab.atlas_rows("relu"), "names", ValueError),
    ("atlas_rows", lambda: ab.atlas_rows(["relu", "nope"]), "nope", ValueError),
    ("home_chapter", lambda: ab.home_chapter("nope"), "nope", ValueError),
    ("library_names", lambda: ab.library_names("nope"), "nope", ValueError),
    ("atlas_formulas_markdown", lambda: ab.atlas_formulas_markdown("relu"), "rows", ValueError),
    ("atlas_formulas_markdown", lambda: ab.atlas_formulas_markdown([]), "rows", ValueError),
    ("library_names_markdown", lambda: ab.library_names_markdown([1]), "rows", ValueError),
    ("atlas_markdown", lambda: ab.atlas_markdown([{"name": "relu"}]), "rows", ValueError),
    ("atlas_thumbnail", lambda: ab.atlas_thumbnail("nope"), "nope", ValueError),
    ("broken_at_jumps", lambda: ab.broken_at_jumps(X, X[:3]), "'y'", ValueError),
    ("broken_at_jumps", lambda: ab.broken_at_jumps(np.eye(2), np.eye(2)), "'x'", ValueError),
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
    ("best_line_accuracy", lambda: ab.best_line_accuracy([[0, 1, 2]], [0]), "x", ValueError),
    ("best_line_accuracy", lambda: ab.best_line_accuracy([[0, NAN]], [0]), "x", ValueError),
    ("best_line_accuracy", lambda: ab.best_line_accuracy([[0, 1]], [2]), "y", ValueError),
    ("best_line_accuracy", lambda: ab.best_line_accuracy([[0, 1]], [0, 1]), "y", ValueError),
    (
        "best_line_accuracy",
        lambda: ab.best_line_accuracy([[0, 1]], [1], chunk=0),
        "chunk",
        ValueError,
    ),
    ("validation_split", lambda: ab.validation_split("moons"), "data", ValueError),
    ("validation_split", lambda: ab.validation_split(data(), 1.0), "fraction", ValueError),
    ("validation_split", lambda: ab.validation_split(data(), NAN), "fraction", ValueError),
    (
        "learning_curves_figure",
        lambda: ab.learning_curves_figure(runs(), labels=["gelu"]),
        "labels",
        ValueError,
    ),
    (
        "seed_sweep_markdown",
        lambda: ab.seed_sweep_markdown({"relu": {"test_accuracy": [[0.5]]}}, reached_on="val"),
        "reached_on",
        ValueError,
    ),
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
        "gradient_flow",
        lambda: ab.gradient_flow("tanh", "he", independent_backward=1),
        "independent_backward",
        ValueError,
    ),
    (
        "GradientFlow.predicted_error_norm",
        lambda: ab.gradient_flow("tanh", "he", depth=2, width=4).predicted_error_norm("x"),
        "slope",
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
    # -- largest gaps and int8 quantisation (the Part IV chapters) ---------------------------
    ("max_gap", lambda: ab.max_gap("relu", "elu", interval=(0, 1, 2)), "interval", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", "elu", interval=(NAN, 1.0)), "interval", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", "elu", points=True), "points", ValueError),
    ("max_gap", lambda: ab.max_gap(lambda x: 1.0, "relu"), "'f'", ValueError),
    ("max_gap", lambda: ab.max_gap("relu", lambda x: np.full_like(x, INF)), "'g'", ValueError),
    ("max_gap", lambda: ab.max_gap("softplus", "relu", f_params={"beta": INF}), "beta", ValueError),
    ("AffineQuantiser", lambda: ab.AffineQuantiser("1", 0), "scale", ValueError),
    ("AffineQuantiser", lambda: ab.AffineQuantiser(1.0, NAN), "zero_point", ValueError),
    ("AffineQuantiser", lambda: ab.AffineQuantiser(1.0, 0, qmin=0.5), "qmin", ValueError),
    ("AffineQuantiser.for_range", lambda: ab.AffineQuantiser.for_range(0, INF), "high", ValueError),
    (
        "AffineQuantiser.for_range",
        lambda: ab.AffineQuantiser.for_range(0, 1, signed=1),
        "signed",
        ValueError,
    ),
    ("AffineQuantiser.quantise", lambda: QUANTISER.quantise(["a"]), "'x'", ValueError),
    ("AffineQuantiser.quantise", lambda: QUANTISER.quantise([NAN]), "'x'", ValueError),
    ("AffineQuantiser.dequantise", lambda: QUANTISER.dequantise([0.5]), "'q'", ValueError),
    ("sigmoid_quantisers", lambda: ab.sigmoid_quantisers(8.0), "bits", ValueError),
    ("sigmoid_quantisers", lambda: ab.sigmoid_quantisers(8, limit=-1), "limit", ValueError),
    (
        "lookup_activation",
        lambda: ab.lookup_activation("softmax", QUANTISER, QUANTISER),
        "activation",
        ValueError,
    ),
    (
        "lookup_activation",
        lambda: ab.lookup_activation("sigmoid", 1, QUANTISER),
        "input",
        ValueError,
    ),
    (
        "integer_hard_sigmoid",
        lambda: ab.integer_hard_sigmoid(QUANTISER, None),
        "output",
        ValueError,
    ),
    (
        "integer_hard_sigmoid",
        lambda: ab.integer_hard_sigmoid(ab.AffineQuantiser.for_range(-8, 8), QUANTISER),
        "input",
        ValueError,
    ),
    ("IntegerActivation.codes", lambda: hard_sigmoid_int8().codes(np.ones(2)), "'q'", ValueError),
    (
        "IntegerActivation.max_error",
        lambda: hard_sigmoid_int8().max_error(inner=-1),
        "inner",
        ValueError,
    ),
    ("plot_gap", lambda: ab.plot_gap(None, "hard_tanh", "tanh"), "ax", ValueError),
    ("plot_gap", lambda: ab.plot_gap(axes(), "hard_tanh", "tanh", xlim=(1, 0)), "xlim", ValueError),
    ("plot_gap", lambda: ab.plot_gap(axes(), "hard_tanh", "tanh", gap=0.2), "gap", ValueError),
    ("gap_alt_text", lambda: ab.gap_alt_text("hard_tanh", "tanh", None), "gap", ValueError),
    ("gap_explorer", lambda: ab.gap_explorer("relu"), "pairs", ValueError),
    ("gap_explorer", lambda: ab.gap_explorer(["relu"]), "pairs", ValueError),
    (
        "gap_explorer",
        lambda: ab.gap_explorer([("softplus", "relu")], parameter="beta", values=[NAN]),
        "values",
        ValueError,
    ),
    ("plot_quantised", lambda: ab.plot_quantised(axes(), 5), "integer", ValueError),
    ("plot_quantised", lambda: ab.plot_quantised(None, hard_sigmoid_int8()), "ax", ValueError),
    (
        "plot_quantisation_error",
        lambda: ab.plot_quantisation_error(axes(), hard_sigmoid_int8()),
        "integers",
        ValueError,
    ),
    ("quantised_alt_text", lambda: ab.quantised_alt_text("sigmoid"), "integer", ValueError),
    ("quantisation_explorer", lambda: ab.quantisation_explorer(bits=[3]), "bits", ValueError),
    ("quantisation_explorer", lambda: ab.quantisation_explorer(bits="8"), "bits", ValueError),
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


@cache
def moment_field() -> ab.MomentField:
    return ab.moment_field("selu", means=[-0.5, 0.5], variances=[0.5, 1.5], starts=[(0.0, 2.0)])


@cache
def layer_run() -> ab.LayerStatistics:
    return ab.layer_statistics("selu", depth=2, width=4, batch=4)


RNG = np.random.default_rng(0)

# The self-normalising moment map and its pictures (the ELU/SELU chapter).
CASES += [
    ("gaussian_moments", lambda: ab.gaussian_moments("selu", "a", 1.0), "mean", ValueError),
    ("gaussian_moments", lambda: ab.gaussian_moments("selu", 0.0, -1.0), "variance", ValueError),
    (
        "gaussian_moments",
        lambda: ab.gaussian_moments("selu", [0.0, 1.0], [1.0, 2.0, 3.0]),
        "mean",
        ValueError,
    ),
    (
        "gaussian_moments",
        lambda: ab.gaussian_moments("softmax", 0.0, 1.0),
        "activation",
        ValueError,
    ),
    (
        "gaussian_moments",
        lambda: ab.gaussian_moments("elu", 0.0, 1.0, params="alpha"),
        "params",
        ValueError,
    ),
    (
        "gaussian_moments",
        lambda: ab.gaussian_moments("selu", 0.0, 1.0, breakpoints="0"),
        "breakpoints",
        ValueError,
    ),
    (
        "elu_gaussian_moments",
        lambda: ab.elu_gaussian_moments(0.0, 1.0, alpha=INF),
        "alpha",
        ValueError,
    ),
    (
        "elu_gaussian_moments",
        lambda: ab.elu_gaussian_moments(0.0, [1.0, NAN]),
        "variance",
        ValueError,
    ),
    ("moment_map", lambda: ab.moment_map("selu", 0.0, 1.0, tau=-1.0), "tau", ValueError),
    ("moment_map", lambda: ab.moment_map("selu", 0.0, 1.0, omega="0"), "omega", ValueError),
    ("moment_map", lambda: ab.moment_map("selu", 1e200, 1.0), "mean", ValueError),
    ("alpha_dropout_affine", lambda: ab.alpha_dropout_affine(1.0), "rate", ValueError),
    ("alpha_dropout_affine", lambda: ab.alpha_dropout_affine("0.1"), "rate", ValueError),
    (
        "dropout_moments",
        lambda: ab.dropout_moments(0.0, 1.0, kind=["alpha"], rate=0.1),
        "kind",
        ValueError,
    ),
    (
        "dropout_moments",
        lambda: ab.dropout_moments(0.0, 1.0, kind="alpha", rate=NAN),
        "rate",
        ValueError,
    ),
    (
        "apply_dropout",
        lambda: ab.apply_dropout(X, kind="alpha", rate=0.1, rng=None),
        "rng",
        ValueError,
    ),
    (
        "apply_dropout",
        lambda: ab.apply_dropout([1.0, NAN], kind="alpha", rate=0.1, rng=RNG),
        "'x'",
        ValueError,
    ),
    (
        "apply_dropout",
        lambda: ab.apply_dropout("abc", kind="standard", rate=0.1, rng=RNG),
        "'x'",
        ValueError,
    ),
    (
        "iterate_moment_map",
        lambda: ab.iterate_moment_map("selu", 0.0, 1.0, depth=-1),
        "depth",
        ValueError,
    ),
    (
        "iterate_moment_map",
        lambda: ab.iterate_moment_map("selu", 0.0, 0.0, depth=2),
        "variance",
        ValueError,
    ),
    (
        "iterate_moment_map",
        lambda: ab.iterate_moment_map("selu", 0.0, 1.0, depth=0, dropout="gaussian"),
        "dropout",
        ValueError,
    ),
    (
        "iterate_moment_map",
        lambda: ab.iterate_moment_map("selu", 0.0, 1.0, depth=0, tau=0.0),
        "tau",
        ValueError,
    ),
    (
        "moment_fixed_point",
        lambda: ab.moment_fixed_point("selu", iterations=0),
        "iterations",
        ValueError,
    ),
    ("moment_fixed_point", lambda: ab.moment_fixed_point("selu", tau=INF), "tau", ValueError),
    (
        "moment_fixed_point",
        lambda: ab.moment_fixed_point("selu", start=(0.0, -1.0)),
        "start",
        ValueError,
    ),
    ("moment_field", lambda: ab.moment_field("selu", means=[0.0]), "means", ValueError),
    ("moment_field", lambda: ab.moment_field("selu", means=[0.0, NAN]), "means", ValueError),
    (
        "moment_field",
        lambda: ab.moment_field("selu", variances=[0.0, 1.0]),
        "variances",
        ValueError,
    ),
    ("moment_field", lambda: ab.moment_field("selu", starts=5), "starts", ValueError),
    ("moment_field", lambda: ab.moment_field("selu", depth=0), "depth", ValueError),
    (
        "layer_statistics",
        lambda: ab.layer_statistics("selu", init="orthogonal"),
        "init",
        ValueError,
    ),
    ("layer_statistics", lambda: ab.layer_statistics("selu", width=0), "width", ValueError),
    (
        "layer_statistics",
        lambda: ab.layer_statistics("selu", input_std=1e200),
        "input_std",
        ValueError,
    ),
    (
        "layer_statistics",
        lambda: ab.layer_statistics("selu", params=["alpha"]),
        "params",
        ValueError,
    ),
    ("layer_statistics", lambda: ab.layer_statistics("selu", seed=-1), "seed", ValueError),
    ("plot_moment_field", lambda: ab.plot_moment_field(axes(), "field"), "field", ValueError),
    ("plot_moment_field", lambda: ab.plot_moment_field("ax", moment_field()), "ax", ValueError),
    ("moment_field_alt_text", lambda: ab.moment_field_alt_text(None), "field", ValueError),
    ("moment_field_explorer", lambda: ab.moment_field_explorer([]), "fields", ValueError),
    ("moment_field_explorer", lambda: ab.moment_field_explorer("selu"), "fields", ValueError),
    (
        "moment_field_explorer",
        lambda: ab.moment_field_explorer([moment_field(), layer_run()]),
        "fields[1]",
        ValueError,
    ),
    ("plot_layer_statistics", lambda: ab.plot_layer_statistics(axes(), []), "runs", ValueError),
    (
        "plot_layer_statistics",
        lambda: ab.plot_layer_statistics(axes(), [layer_run()], std_limits=(0, 1), log_std=True),
        "std_limits",
        ValueError,
    ),
    (
        "plot_layer_statistics",
        lambda: ab.plot_layer_statistics(axes(), [layer_run()], mean_limits=(1, 0)),
        "mean_limits",
        ValueError,
    ),
    (
        "plot_layer_statistics",
        lambda: ab.plot_layer_statistics(axes(), [layer_run()], log_std="yes"),
        "log_std",
        ValueError,
    ),
    ("layer_statistics_alt_text", lambda: ab.layer_statistics_alt_text([]), "runs", ValueError),
    (
        "layer_statistics_alt_text",
        lambda: ab.layer_statistics_alt_text([layer_run()], log_std=1),
        "log_std",
        ValueError,
    ),
    ("layer_statistics_figure", lambda: ab.layer_statistics_figure("runs"), "runs", ValueError),
    (
        "layer_statistics_explorer",
        lambda: ab.layer_statistics_explorer([moment_field()]),
        "runs[0]",
        ValueError,
    ),
]

# The GELU and SiLU chapters: derivative gaps, minima, approximation panels, gate pictures.
CASES += [
    (
        "max_gap",
        lambda: ab.max_gap("gelu_tanh", "gelu", derivative="yes"),
        "derivative",
        ValueError,
    ),
    ("max_gap", lambda: ab.max_gap(np.tanh, "tanh", derivative=True), "'f'", ValueError),
    ("curve_minimum", lambda: ab.curve_minimum("gelu", bracket=(0, -1)), "bracket", ValueError),
    ("curve_minimum", lambda: ab.curve_minimum("gelu", points=2.5), "points", ValueError),
    ("curve_minimum", lambda: ab.curve_minimum("silu", {"beta": NAN}), "beta", ValueError),
    (
        "saturation_onset",
        lambda: ab.saturation_onset("sigmoid", 1.0, start=NAN, end=40.0),
        "start",
        ValueError,
    ),
    (
        "saturation_onset",
        lambda: ab.saturation_onset("sigmoid", 1.0, start=0.0, end=1.0),
        "end",
        ValueError,
    ),
    (
        "saturation_onset",
        lambda: ab.saturation_onset("tanh", 1.0, start=0.0, end=25.0, params={"beta": 1.0}),
        "beta",
        ValueError,
    ),
    (
        "plot_approximations",
        lambda: ab.plot_approximations(axes(), "gelu", ["gelu_tanh"]),
        "axes",
        ValueError,
    ),
    (
        "plot_approximations",
        lambda: ab.plot_approximations(ab.new_figure(2, 1)[1], "gelu", "gelu_tanh"),
        "approximations",
        ValueError,
    ),
    (
        "approximation_figure",
        lambda: ab.approximation_figure("gelu", ["gelu_tanh"], xlim=(0, INF)),
        "xlim",
        ValueError,
    ),
    (
        "approximation_figure",
        lambda: ab.approximation_figure("gelu", ["gelu_tanh"], error_scale="symlog"),
        "error_scale",
        ValueError,
    ),
    (
        "approximation_alt_text",
        lambda: ab.approximation_alt_text("gelu", ["gelu_tanh"], [0.1]),
        "peaks",
        ValueError,
    ),
    ("plot_gelu_gate", lambda: ab.plot_gelu_gate(axes(), NAN), "x0", ValueError),
    ("plot_gelu_gate", lambda: ab.plot_gelu_gate(axes(), 1.0, scale=0.0), "scale", ValueError),
    ("plot_gelu_gate", lambda: ab.plot_gelu_gate(None, 1.0), "ax", ValueError),
    ("gelu_gate_alt_text", lambda: ab.gelu_gate_alt_text("1"), "x0", ValueError),
    ("gelu_gate_alt_text", lambda: ab.gelu_gate_alt_text(1.0, scale=-1), "scale", ValueError),
    ("gelu_gate_explorer", lambda: ab.gelu_gate_explorer(inputs=1.0), "inputs", ValueError),
    ("gelu_gate_explorer", lambda: ab.gelu_gate_explorer(scales=[1.0, 0.0]), "scales", ValueError),
    ("plot_silu_beta", lambda: ab.plot_silu_beta(axes(), -1.0), "beta", ValueError),
    (
        "plot_silu_beta",
        lambda: ab.plot_silu_beta(axes(), 1.0, derivative="no"),
        "derivative",
        ValueError,
    ),
    ("silu_beta_alt_text", lambda: ab.silu_beta_alt_text(INF), "beta", ValueError),
    ("silu_beta_explorer", lambda: ab.silu_beta_explorer("1"), "betas", ValueError),
    (
        "silu_beta_explorer",
        lambda: ab.silu_beta_explorer(derivative_toggle=1),
        "derivative_toggle",
        ValueError,
    ),
    # -- beyond monotone ridges: sine, spectral bias, maxout fits, one unit's map -----------
    ("Activation.__call__", lambda: ab.get("sine")(X, omega_0=0.0), "omega_0", ValueError),
    ("periodic_signal", lambda: ab.periodic_signal((0, 2)), "frequencies[0]", ValueError),
    ("frequency_errors", lambda: ab.frequency_errors(X, X, (1,)), "target", ValueError),
    ("siren_mlp", lambda: ab.siren_mlp((1, 4, 1), omega_0=INF), "omega_0", ValueError),
    (
        "spectral_bias",
        lambda: ab.spectral_bias(steps=10, record_every=3),
        "record_every",
        ValueError,
    ),
    ("SpectralFit.at_step", lambda: spectral_fits()["relu"].at_step(1), "step", ValueError),
    ("fit_maxout", lambda: ab.fit_maxout(X, X, 0), "pieces", ValueError),
    ("MaxoutFit.predict", lambda: maxout_fits()[("relu", 2)].predict([NAN]), "x", ValueError),
    ("maxout_fits", lambda: ab.maxout_fits(["glu"]), "targets", ValueError),
    ("plot_spectral_errors", lambda: ab.plot_spectral_errors(axes(), {}), "fit", ValueError),
    (
        "plot_spectral_fit",
        lambda: ab.plot_spectral_fit(axes(), spectral_fits()["sine"], 3),
        "step",
        ValueError,
    ),
    (
        "plot_spectral_bars",
        lambda: ab.plot_spectral_bars(None, spectral_fits()["sine"], 2),
        "ax",
        ValueError,
    ),
    (
        "spectral_errors_figure",
        lambda: ab.spectral_errors_figure(spectral_fits(), level=NAN),
        "level",
        ValueError,
    ),
    (
        "spectral_explorer",
        lambda: ab.spectral_explorer(spectral_fits(), steps=[5]),
        "step",
        ValueError,
    ),
    ("spectral_markdown", lambda: ab.spectral_markdown({}), "fits", ValueError),
    ("plot_maxout_fit", lambda: ab.plot_maxout_fit(axes(), None), "fit", ValueError),
    ("maxout_alt_text", lambda: ab.maxout_alt_text("relu"), "fit", ValueError),
    ("maxout_explorer", lambda: ab.maxout_explorer({}), "fits", ValueError),
    ("plot_unit_map", lambda: ab.plot_unit_map(axes(), "gaussian", bias=INF), "bias", ValueError),
    (
        "unit_map_alt_text",
        lambda: ab.unit_map_alt_text("gaussian", threshold=NAN),
        "threshold",
        ValueError,
    ),
    (
        "unit_map_explorer",
        lambda: ab.unit_map_explorer(["gaussian"], biases=[NAN]),
        "biases[0]",
        ValueError,
    ),
]

# The sparse and squared chapter: zero shares of trained networks, denoising.
CASES += [
    ("hidden_activations", lambda: ab.hidden_activations("model", POINTS), "model", ValueError),
    (
        "hidden_activations",
        lambda: ab.hidden_activations(model(), np.zeros((0, 2))),
        "'x'",
        ValueError,
    ),
    (
        "zero_fraction",
        lambda: ab.zero_fraction(model(), POINTS, tolerance=-1.0),
        "tolerance",
        ValueError,
    ),
    ("zero_fraction", lambda: ab.zero_fraction("model", POINTS), "model", ValueError),
    ("sparsity_sweep", lambda: ab.sparsity_sweep(data(), "relu", [0]), "activations", ValueError),
    ("sparsity_sweep", lambda: ab.sparsity_sweep(data(), ["relu"], "0"), "seeds", ValueError),
    ("plot_zero_fractions", lambda: ab.plot_zero_fractions(axes(), "sweep"), "sweep", ValueError),
    ("zero_fraction_alt_text", lambda: ab.zero_fraction_alt_text("sweep"), "sweep", ValueError),
    ("zero_fraction_explorer", lambda: ab.zero_fraction_explorer("sweep"), "sweep", ValueError),
    ("zero_fraction_markdown", lambda: ab.zero_fraction_markdown("sweep"), "sweep", ValueError),
    (
        "plot_denoising",
        lambda: ab.plot_denoising(axes(), X, X, "softshrink", -1.0),
        "threshold",
        ValueError,
    ),
    (
        "plot_denoising",
        lambda: ab.plot_denoising(axes(), X, X, "median", 0.5),
        "shrink",
        ValueError,
    ),
    ("denoising_explorer", lambda: ab.denoising_explorer(X, X[:3], [0.5]), "noisy", ValueError),
    ("denoising_explorer", lambda: ab.denoising_explorer(X, X, "0.5"), "thresholds", ValueError),
]

#: Public names that take no argument a reader could get wrong, and why.
# The gated units of Part IV: the parameter rule, the gated-against-dense comparison, its
# paired test and its pictures.
CASES += [
    ("matched_width", lambda: ab.matched_width(0, 4), "d_in", ValueError),
    ("matched_width", lambda: ab.matched_width(4, 4, biases="no"), "biases", ValueError),
    (
        "parameter_count",
        lambda: ab.parameter_count((2, 3, 2), gated=[True, True]),
        "gated",
        ValueError,
    ),
    ("parameter_count", lambda: ab.parameter_count((2, 0, 2)), "sizes", ValueError),
    ("gated_label", lambda: ab.gated_label("relux"), "relux", ValueError),
    ("gated_comparison", lambda: ab.gated_comparison(data(), "relu"), "gates", ValueError),
    ("gated_comparison", lambda: ab.gated_comparison("moons", ["relu"]), "data", ValueError),
    (
        "gated_comparison",
        lambda: ab.gated_comparison(data(), ["relu"], hidden=0),
        "hidden",
        ValueError,
    ),
    (
        "gated_comparison",
        lambda: ab.gated_comparison(data(), ["relu"], seeds=[0.5], epochs=1),
        "seed",
        ValueError,
    ),
    ("GatedComparison.final", lambda: gated().final("relu", "accuracy"), "curve", ValueError),
    ("GatedComparison.variant", lambda: gated().variant("geglu"), "label", ValueError),
    (
        "GatedComparison.differences",
        lambda: gated().differences("relu", "swiglu"),
        "label",
        ValueError,
    ),
    ("sign_flip_test", lambda: ab.sign_flip_test([]), "differences", ValueError),
    ("sign_flip_test", lambda: ab.sign_flip_test([0.1, NAN]), "differences", ValueError),
    ("unit_name", lambda: ab.unit_name("relu"), "unit", ValueError),
    ("plot_gated_unit", lambda: ab.plot_gated_unit("ax", "glu"), "ax", ValueError),
    (
        "plot_gated_unit",
        lambda: ab.plot_gated_unit(axes(), "glu", weight=INF),
        "weight",
        ValueError,
    ),
    (
        "plot_gated_unit",
        lambda: ab.plot_gated_unit(axes(), "glu", xlim=(1, -1)),
        "xlim",
        ValueError,
    ),
    ("plot_gated_unit", lambda: ab.plot_gated_unit(axes(), "glu", points=1), "points", ValueError),
    ("gated_unit_alt_text", lambda: ab.gated_unit_alt_text("glu", bias=NAN), "bias", ValueError),
    ("gated_unit_alt_text", lambda: ab.gated_unit_alt_text("softmax"), "unit", ValueError),
    ("gated_unit_explorer", lambda: ab.gated_unit_explorer("glu"), "units", ValueError),
    ("gated_unit_explorer", lambda: ab.gated_unit_explorer(weights=2.0), "weights", ValueError),
    (
        "gated_unit_explorer",
        lambda: ab.gated_unit_explorer(biases=[0.0, INF]),
        "biases",
        ValueError,
    ),
    (
        "gated_unit_explorer",
        lambda: ab.gated_unit_explorer(figsize=(0, 1)),
        "figsize",
        ValueError,
    ),
    ("plot_gated_pairs", lambda: ab.plot_gated_pairs([axes()], "runs"), "comparison", ValueError),
    ("plot_gated_pairs", lambda: ab.plot_gated_pairs(["ax"], gated()), "axes", ValueError),
    (
        "plot_gated_pairs",
        lambda: ab.plot_gated_pairs([axes()], gated(), "accuracy"),
        "curve",
        ValueError,
    ),
    (
        "plot_gated_pairs",
        lambda: ab.plot_gated_pairs([axes()], gated(), legend="yes"),
        "legend",
        ValueError,
    ),
    (
        "gated_comparison_alt_text",
        lambda: ab.gated_comparison_alt_text(gated(), "train_loss"),
        "curves",
        ValueError,
    ),
    (
        "gated_comparison_alt_text",
        lambda: ab.gated_comparison_alt_text({}, ["train_loss"]),
        "comparison",
        ValueError,
    ),
]

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
    "Gap": "made by max_gap()",
    "BestLine": "made by best_line_accuracy()",
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
    "SparsitySweep": "made by sparsity_sweep()",
    "IntegerActivation": "made by lookup_activation() and integer_hard_sigmoid()",
    "SeedSpread": "made by seed_spread()",
    "UnitDeaths": "made by unit_deaths()",
    "AtlasRow": "made by atlas_rows()",
    "LibraryNames": "made by library_names()",
    "OVERLAY_STYLES": "a constant",
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
