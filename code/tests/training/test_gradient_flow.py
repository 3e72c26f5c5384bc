"""The gradient-flow measurements of the vanishing-gradients chapter."""

import numpy as np
import pytest
from actbook import GRADIENT_FLOW_INITS, MLP, gradient_flow


def test_shapes_and_identity_of_the_record():
    flow = gradient_flow("tanh", "xavier", depth=6, width=16, batch=32)
    assert (flow.activation, flow.init, flow.depth, flow.width) == ("tanh", "xavier", 6, 16)
    assert flow.activation_std.shape == flow.error_norm.shape == (7,)
    assert flow.weight_gradient_norm.shape == flow.weight_gain.shape == (7,)
    assert flow.rms_slope.shape == flow.mean_abs_slope.shape == (6,)
    assert flow.activation_std[0] == pytest.approx(1.0, abs=0.1)  # standard-normal input


def test_weight_gradients_match_the_training_engine():
    # With output_error="mse" the loss is the MLP's own: its gradient norms must agree.
    depth, width, batch, seed = 5, 12, 20, 3
    flow = gradient_flow(
        "sigmoid", "he", depth=depth, width=width, batch=batch, seed=seed, output_error="mse"
    )
    scheme, distribution = GRADIENT_FLOW_INITS["he"]
    model = MLP(
        (width,) * (depth + 2),
        "sigmoid",
        loss="mse",
        init=scheme,
        distribution=distribution,
        seed=seed,
    )
    rng = np.random.default_rng([seed, 1])
    x = rng.standard_normal((batch, width))
    targets = rng.standard_normal((batch, width))
    np.testing.assert_allclose(flow.weight_gradient_norm, model.gradient_norms(x, targets))


def test_error_norms_follow_backpropagation():
    # The bias gradient of layer l is the column sum of delta_l; for a batch of one sample
    # it is delta_l itself, so its norm is the error norm.
    depth, width = 4, 10
    flow = gradient_flow("relu", "he", depth=depth, width=width, batch=1, output_error="mse")
    scheme, distribution = GRADIENT_FLOW_INITS["he"]
    model = MLP((width,) * (depth + 2), "relu", loss="mse", init=scheme, distribution=distribution)
    rng = np.random.default_rng([0, 1])
    x = rng.standard_normal((1, width))
    targets = rng.standard_normal((1, width))
    biases = model.gradients(x, targets).biases
    np.testing.assert_allclose(flow.error_norm, [np.linalg.norm(b) for b in biases])


def test_identity_network_keeps_slopes_at_one():
    flow = gradient_flow("identity", "lecun", depth=8, width=64)
    np.testing.assert_allclose(flow.rms_slope, 1.0)
    np.testing.assert_allclose(flow.mean_abs_slope, 1.0)
    # Gains near sqrt(n sigma^2) = 1 for LeCun's variance 1/n.
    np.testing.assert_allclose(flow.weight_gain, 1.0, atol=0.1)


def test_product_of_factors_predicts_the_error_norms():
    for activation, init in [("sigmoid", "xavier"), ("relu", "he"), ("tanh", "lecun")]:
        flow = gradient_flow(activation, init, depth=12, width=128)
        assert flow.predicted_error_norm()[-1] == flow.error_norm[-1]
        ratio = flow.error_ratio / flow.predicted_ratio()
        assert 0.7 < ratio < 1.4, (activation, init, ratio)


def test_vanishing_and_preserved_regimes():
    sigmoid = gradient_flow("sigmoid", "xavier", depth=15)
    relu_he = gradient_flow("relu", "he", depth=15)
    relu_xavier = gradient_flow("relu", "xavier", depth=15)
    selu = gradient_flow("selu", "lecun", depth=15)
    assert sigmoid.error_ratio < 1e-7
    assert 0.3 < relu_he.error_ratio < 3
    assert relu_xavier.activation_std[-1] < 0.02  # variance halves in every layer
    assert 0.8 < selu.activation_std[-1] < 1.2  # self-normalising


def test_mean_absolute_slope_is_the_wrong_average_for_relu():
    flow = gradient_flow("relu", "he", depth=10)
    # ReLU's slope is 0 or 1: the mean is the fraction of active units, about a half,
    # and the root mean square is its square root.
    np.testing.assert_allclose(flow.mean_abs_slope, flow.rms_slope**2)
    assert 0.4 < flow.mean_abs_slope.mean() < 0.6
    assert flow.predicted_ratio("mean_abs") < 0.05 < flow.predicted_ratio()


def test_deterministic():
    a = gradient_flow("gelu", "he", depth=5, width=20, seed=7)
    b = gradient_flow("gelu", "he", depth=5, width=20, seed=7)
    np.testing.assert_array_equal(a.error_norm, b.error_norm)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"init": "glorot"}, "'init'"),
        ({"depth": 1}, "'depth'"),
        ({"output_error": "cross_entropy"}, "'output_error'"),
    ],
)
def test_bad_arguments(kwargs, match):
    arguments = {"activation": "tanh", "init": "he", **kwargs}
    with pytest.raises(ValueError, match=match):
        gradient_flow(**arguments)


def test_predicted_rejects_unknown_slope():
    with pytest.raises(ValueError, match="'slope'"):
        gradient_flow("tanh", "he", depth=3, width=8).predicted_error_norm("median")


def test_per_sample_product_equals_the_batch_product_when_slopes_are_the_same():
    # The identity's slope is 1 for every sample: the two predictions coincide.
    flow = gradient_flow("identity", "lecun", depth=6, width=32)
    np.testing.assert_allclose(flow.sample_square_slope, 1.0)
    np.testing.assert_allclose(
        flow.predicted_error_norm("per_sample"), flow.predicted_error_norm("rms"), rtol=1e-12
    )
    assert flow.output_error_square.shape == (256,)
    assert flow.output_error_square.sum() == pytest.approx(flow.error_norm[-1] ** 2)


def test_independent_backward_changes_only_the_backward_pass():
    same = gradient_flow("gelu", "he", depth=6, width=32)
    shuffled = gradient_flow("gelu", "he", depth=6, width=32, independent_backward=True)
    assert shuffled.independent_backward and not same.independent_backward
    np.testing.assert_array_equal(same.activation_std, shuffled.activation_std)
    np.testing.assert_array_equal(same.sample_square_slope, shuffled.sample_square_slope)
    assert same.error_norm[-1] == shuffled.error_norm[-1]  # the output error is the same
    assert not np.array_equal(same.error_norm, shuffled.error_norm)


def test_gelu_needs_the_per_sample_product():
    # GELU's slope depends on the size of its input, and samples keep their size from
    # layer to layer: the batch-wide product is several times too small, the per-sample
    # one matches once the backward weights are independent of the forward pass.
    flow = gradient_flow("gelu", "he")
    assert flow.error_ratio / flow.predicted_ratio() > 3
    independent = gradient_flow("gelu", "he", independent_backward=True)
    assert independent.error_ratio / independent.predicted_ratio("per_sample") == pytest.approx(
        1.0, abs=0.1
    )
    # ReLU's slope is scale-free: both products agree.
    relu = gradient_flow("relu", "he")
    assert relu.predicted_ratio("per_sample") == pytest.approx(relu.predicted_ratio(), rel=0.05)


def test_bad_slope_names_the_choices():
    flow = gradient_flow("tanh", "he", depth=2, width=4, batch=8)
    with pytest.raises(ValueError, match="'per_sample'"):
        flow.predicted_error_norm("median")
