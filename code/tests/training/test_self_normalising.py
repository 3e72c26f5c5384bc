"""The moment map of the SELU chapter: Gaussian integrals, fixed points, networks, dropout."""

import math

import numpy as np
import pytest
from actbook import (
    SELU_ALPHA,
    SELU_SATURATION,
    SELU_SCALE,
    MomentField,
    alpha_dropout_affine,
    apply_dropout,
    dropout_moments,
    elu_gaussian_moments,
    gaussian_moments,
    get,
    initial_weights,
    iterate_moment_map,
    layer_statistics,
    moment_field,
    moment_fixed_point,
    moment_map,
)
from actbook.training import _self_normalising as self_normalising
from scipy import optimize, special

MEANS = np.array([-3.0, -1.0, -0.2, 0.0, 0.4, 1.0, 2.5])[:, None]
VARIANCES = np.array([0.01, 0.3, 1.0, 2.0, 9.0, 100.0])[None, :]


def _sample_moments(activation, mean, variance, n=2_000_000, seed=0, **params):
    z = mean + math.sqrt(variance) * np.random.default_rng(seed).standard_normal(n)
    y = get(activation)(z, **params)
    return y.mean(), y.var(), y.std() / math.sqrt(n)


# -- Gaussian integrals ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "alpha", "scale"), [("selu", SELU_ALPHA, SELU_SCALE), ("elu", 1.0, 1.0)]
)
def test_quadrature_matches_the_closed_form(name, alpha, scale):
    closed = np.array(elu_gaussian_moments(MEANS, VARIANCES, alpha=alpha, scale=scale))
    numeric = np.array(gaussian_moments(name, MEANS, VARIANCES))
    assert closed.shape == numeric.shape == (2, 7, 6)
    np.testing.assert_allclose(numeric, closed, rtol=1e-11, atol=1e-13)


def test_closed_form_with_another_alpha_matches_the_elu_quadrature():
    closed = np.array(elu_gaussian_moments(MEANS, VARIANCES, alpha=0.4, scale=1.0))
    numeric = np.array(gaussian_moments("elu", MEANS, VARIANCES, params={"alpha": 0.4}))
    np.testing.assert_allclose(numeric, closed, rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize(
    ("name", "mean", "variance"),
    [("selu", 0.5, 2.0), ("selu", -1.0, 0.3), ("elu", 0.0, 4.0), ("tanh", 0.7, 1.5)],
)
def test_moments_match_sampling(name, mean, variance):
    m, v = gaussian_moments(name, mean, variance)
    sample_mean, sample_var, standard_error = _sample_moments(name, mean, variance)
    assert abs(m - sample_mean) < 5 * standard_error
    assert v == pytest.approx(sample_var, rel=5e-3)


def test_relu_moments_match_their_textbook_formulas():
    m, v = 0.7, 2.0
    s, t = math.sqrt(v), m / math.sqrt(v)
    density = math.exp(-t * t / 2) / math.sqrt(2 * math.pi)
    mean = m * special.ndtr(t) + s * density
    second = (m * m + v) * special.ndtr(t) + m * s * density
    got_mean, got_var = gaussian_moments("relu", m, v)
    assert got_mean == pytest.approx(mean, rel=1e-13)
    assert got_var == pytest.approx(second - mean**2, rel=1e-12)


def test_symmetry_gives_exact_means():
    # tanh is odd and the sigmoid is 1/2 plus an odd function: exact at mean 0.
    assert abs(gaussian_moments("tanh", 0.0, 3.0)[0]) < 1e-15
    assert gaussian_moments("sigmoid", 0.0, 3.0)[0] == pytest.approx(0.5, abs=1e-15)


def test_a_kink_away_from_zero_needs_its_breakpoint():
    # hard_tanh bends at -1 and 1: listing them keeps the quadrature exact.
    mean, var = 0.3, 0.8
    exact = gaussian_moments("hard_tanh", mean, var, breakpoints=(-1.0, 1.0))
    sample_mean, sample_var, standard_error = _sample_moments("hard_tanh", mean, var)
    assert abs(exact[0] - sample_mean) < 5 * standard_error
    assert exact[1] == pytest.approx(sample_var, rel=5e-3)
    unsplit = gaussian_moments("hard_tanh", mean, var)
    assert abs(unsplit[0] - exact[0]) > 1e-8  # without the split the rule loses digits
    # The map passes the breakpoints on: z ~ N(0, tau (nu + mu^2)) = N(0, 0.89).
    np.testing.assert_allclose(
        moment_map("hard_tanh", mean, var, breakpoints=(-1.0, 1.0)),
        gaussian_moments("hard_tanh", 0.0, var + mean**2, breakpoints=(-1.0, 1.0)),
        rtol=1e-14,
    )


def test_closed_form_survives_huge_variances_where_a_product_overflows():
    m, v = elu_gaussian_moments(0.0, 1e6)
    assert np.isfinite(m) and np.isfinite(v)
    # Half of z is positive and passes through scaled by lambda: E f ~ lambda sqrt(v/2pi).
    assert m == pytest.approx(SELU_SCALE * math.sqrt(1e6 / (2 * math.pi)), rel=1e-2)
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.exp(np.float64(2e6)) * special.ndtr(-2e3)
    assert np.isnan(naive)  # inf * 0: what the formula written as a product gives


def test_saturated_inputs_give_the_saturation_value():
    m, v = elu_gaussian_moments(-40.0, 1.0)
    assert m == pytest.approx(SELU_SATURATION, rel=1e-12)
    assert 0 <= v < 1e-14  # E f^2 - (E f)^2 of two numbers near 3.09: rounding only


def test_inputs_are_not_modified_and_shapes_broadcast():
    means, variances = np.array([0.0, 1.0]), np.array([[1.0], [2.0], [3.0]])
    before = (means.copy(), variances.copy())
    m, v = gaussian_moments("selu", means, variances)
    assert m.shape == v.shape == (3, 2)
    np.testing.assert_array_equal(means, before[0])
    np.testing.assert_array_equal(variances, before[1])
    assert np.shape(gaussian_moments("selu", 0.0, 1.0)[0]) == ()


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: gaussian_moments("selu", 0.0, 0.0), "variance"),
        (lambda: gaussian_moments("selu", 0.0, -1.0), "variance"),
        (lambda: gaussian_moments("selu", np.nan, 1.0), "mean"),
        (lambda: gaussian_moments("selu", 0.0, np.inf), "variance"),
        (lambda: gaussian_moments("softmax", 0.0, 1.0), "activation"),
        (lambda: gaussian_moments("elu", 0.0, 1.0, params={"alpha": -1.0}), "alpha"),
        (lambda: gaussian_moments("selu", 0.0, 1.0, breakpoints=(np.nan,)), "breakpoints"),
        (lambda: elu_gaussian_moments(0.0, 1.0, alpha=0.0), "alpha"),
        (lambda: elu_gaussian_moments(0.0, 1.0, scale=-1.0), "scale"),
        (lambda: moment_map("selu", 0.0, 1.0, tau=0.0), "tau"),
        (lambda: moment_map("selu", 0.0, 1.0, omega=np.inf), "omega"),
        (lambda: moment_fixed_point("selu", start=(0.0, -1.0)), "start"),
        (lambda: moment_fixed_point("selu", start=(0.0,)), "start"),
        (lambda: moment_field("selu", starts=[(1.0, 0.0)]), "starts"),
    ],
)
def test_bad_arguments_name_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# -- the fixed point ------------------------------------------------------------------------
def test_selu_maps_zero_mean_and_unit_variance_to_itself():
    for moments in (
        elu_gaussian_moments(0.0, 1.0),
        moment_map("selu", 0.0, 1.0),
        moment_map("selu", 0.0, 1.0, omega=0.0),
    ):
        assert abs(moments[0]) < 1e-13
        assert moments[1] == pytest.approx(1.0, abs=1e-13)


def test_the_two_conditions_determine_selus_constants():
    # E f(z) = 0 and E f(z)^2 = 1 for z ~ N(0, 1): two equations for lambda and alpha.
    def conditions(p):
        mean, var = elu_gaussian_moments(0.0, 1.0, alpha=p[1], scale=p[0])
        return [float(mean), float(var + mean**2 - 1.0)]

    scale, alpha = optimize.fsolve(conditions, [1.0, 1.5], xtol=1e-14)
    assert scale == pytest.approx(SELU_SCALE, rel=1e-12)
    assert alpha == pytest.approx(SELU_ALPHA, rel=1e-12)
    # The values Klambauer et al. print, to their four decimals.
    assert round(scale, 4) == 1.0507 and round(alpha, 4) == 1.6733


def test_fixed_points():
    assert moment_fixed_point("selu") == pytest.approx((0.0, 1.0), abs=1e-12)
    assert moment_fixed_point("selu", omega=0.0) == pytest.approx((0.0, 1.0), abs=1e-12)
    assert moment_fixed_point("selu", tau=2.0) is None  # He's weights: the variance explodes
    assert moment_fixed_point("relu") is None  # LeCun's weights: it collapses
    assert moment_fixed_point("tanh") is None  # slowly, like 1/layer
    # ReLU with He's weights keeps the second moment: from (0, 1) to (1/sqrt(pi), 1 - 1/pi).
    assert moment_fixed_point("relu", tau=2.0) == pytest.approx(
        (1 / math.sqrt(math.pi), 1 - 1 / math.pi), rel=1e-12
    )
    point = moment_fixed_point("tanh", tau=2.0)
    assert point is not None and abs(point[0]) < 1e-12
    assert moment_map("tanh", *point, tau=2.0) == pytest.approx(point, rel=1e-10)


def test_slowly_attracting_fixed_points_are_found_by_the_root_finder():
    # Near tau = 1.1 the pull of tanh's fixed point is weak: iterations alone do not get
    # there in 5 steps; the root finder does, and the point is a fixed point.
    point = moment_fixed_point("tanh", tau=1.1, iterations=5)
    assert point is not None
    assert moment_map("tanh", *point, tau=1.1) == pytest.approx(point, rel=1e-9)


def test_jacobian_at_the_fixed_point():
    field = moment_field("selu", means=[-0.5, 0.5], variances=[0.5, 1.5])
    small, large = sorted(np.abs(field.eigenvalues))
    assert small < 1e-6  # the mean enters only through nu + mu^2, flat at mu = 0
    # The other eigenvalue is d(variance out)/d(variance in) at (0, 1); the closed form
    # differentiated by a central difference is an independent check.
    h = 1e-5
    slope = (elu_gaussian_moments(0.0, 1 + h)[1] - elu_gaussian_moments(0.0, 1 - h)[1]) / (2 * h)
    assert large == pytest.approx(float(slope), rel=1e-6)
    assert 0 < large < 1  # a contraction: the fixed point attracts


def test_random_weights_map_predicts_a_wide_random_layer():
    # Inputs of mean 1 and variance 4 through one layer of LeCun-normal weights: the mean
    # enters the pre-activations' variance (nu + mu^2 = 5), as the map says, and the
    # fixed-weight map with omega = 0 (variance 4) is measurably wrong here.
    rng = np.random.default_rng(0)
    n, batch = 2048, 512
    x = 1.0 + 2.0 * rng.standard_normal((batch, n))
    y = get("selu")(x @ initial_weights(n, n, init="lecun", distribution="normal", rng=rng))
    predicted = moment_map("selu", 1.0, 4.0)
    fixed = moment_map("selu", 1.0, 4.0, omega=0.0)
    assert y.mean() == pytest.approx(predicted[0], rel=0.05)
    assert y.var() == pytest.approx(predicted[1], rel=0.05)
    assert abs(y.mean() - fixed[0]) > 0.05


def test_fixed_weight_map_predicts_a_unit_with_those_weights():
    rng = np.random.default_rng(1)
    n, samples, omega, tau = 400, 200_000, 0.5, 1.2
    # Weights with exactly the sum omega and the sum of squares tau.
    w = rng.standard_normal(n)
    w -= w.mean()
    w *= math.sqrt((tau - omega**2 / n) / np.sum(w * w))
    w += omega / n
    assert (w.sum(), (w * w).sum()) == pytest.approx((omega, tau))
    x = 0.3 + 1.5 * (rng.random((samples, n)) - 0.5) * math.sqrt(12)  # uniform, var 2.25
    y = get("selu")(x @ w)
    m, v = moment_map("selu", 0.3, 2.25, omega=omega, tau=tau)
    assert y.mean() == pytest.approx(m, abs=5 * y.std() / math.sqrt(samples))
    assert y.var() == pytest.approx(v, rel=0.01)


def test_moment_field_holds_the_grid_and_the_trajectories():
    field = moment_field(
        "selu", means=[-1.0, 0.0, 1.0], variances=[0.5, 1.0], starts=[(1.0, 3.0)], depth=4
    )
    assert isinstance(field, MomentField)
    assert field.mapped_mean.shape == field.mapped_variance.shape == (2, 3)
    assert field.mapped_mean[1, 1] == pytest.approx(0.0, abs=1e-14)  # (0, 1) is fixed
    (path,) = field.trajectories
    assert path.shape == (5, 2)
    np.testing.assert_allclose(path[0], (1.0, 3.0))
    np.testing.assert_allclose(path[1], moment_map("selu", 1.0, 3.0), rtol=1e-14)
    assert field.omega is None and field.tau == 1.0
    none = moment_field("relu", means=[0.0, 1.0], variances=[1.0, 2.0])
    assert none.fixed_point is None and none.eigenvalues is None
    with pytest.raises(ValueError, match="means"):
        moment_field("selu", means=[0.0])


# -- dropout --------------------------------------------------------------------------------
def test_alpha_dropout_coefficients_match_pytorch():
    # torch.nn.functional.alpha_dropout(x, p=0.1, training=True), PyTorch 2.13: kept
    # values become 0.9212845 x + 0.1619710, dropped ones -1.4577387.
    a, b = alpha_dropout_affine(0.1)
    assert (a, b) == pytest.approx((0.9212845161497115, 0.16197097005757022), rel=1e-12)
    assert a * SELU_SATURATION + b == pytest.approx(-1.457738730518132, rel=1e-12)
    assert alpha_dropout_affine(0.0) == (1.0, 0.0)
    assert float(get("selu")(-np.inf)) == pytest.approx(SELU_SATURATION, rel=1e-15)


@pytest.mark.parametrize("kind", ["standard", "alpha"])
def test_dropout_moments_match_sampling(kind):
    rng = np.random.default_rng(2)
    x = 0.3 + math.sqrt(1.5) * rng.standard_normal(2_000_000)
    y = apply_dropout(x, kind=kind, rate=0.2, rng=rng)
    m, v = dropout_moments(0.3, 1.5, kind=kind, rate=0.2)
    assert y.mean() == pytest.approx(m, abs=5 * y.std() / math.sqrt(x.size))
    assert y.var() == pytest.approx(v, rel=5e-3)


def test_dropout_at_the_fixed_point():
    assert dropout_moments(0.0, 1.0, kind="alpha", rate=0.1) == pytest.approx((0.0, 1.0))
    assert dropout_moments(0.0, 1.0, kind="standard", rate=0.1) == pytest.approx((0.0, 1 / 0.9))
    assert dropout_moments(0.2, 1.0, kind="none", rate=0.5) == (0.2, 1.0)


def test_apply_dropout_leaves_its_input_alone():
    x = np.linspace(-2, 2, 101)
    before = x.copy()
    rng = np.random.default_rng(0)
    for kind in ("none", "standard", "alpha"):
        apply_dropout(x, kind=kind, rate=0.5, rng=rng)
    np.testing.assert_array_equal(x, before)
    np.testing.assert_array_equal(apply_dropout(x, kind="alpha", rate=0.0, rng=rng), x)
    dropped = apply_dropout(x, kind="standard", rate=0.5, rng=rng)
    assert set(np.unique(dropped[dropped != 2 * x])) == {0.0}
    for kind, rate in (("none", 0.5), ("alpha", 0.0)):  # no dropout: still a new array
        out = apply_dropout(x, kind=kind, rate=rate, rng=rng)
        assert out is not x and not np.shares_memory(out, x)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: dropout_moments(0.0, 1.0, kind="gaussian", rate=0.1), "kind"),
        (lambda: dropout_moments(0.0, 1.0, kind="alpha", rate=1.0), "rate"),
        (lambda: alpha_dropout_affine(-0.1), "rate"),
        (lambda: apply_dropout([1.0], kind="bad", rate=0.1, rng=None), "kind"),
    ],
)
def test_bad_dropout_arguments_name_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# -- iterated map and deep networks ---------------------------------------------------------
def test_iterated_map_composes_the_layers():
    means, variances = iterate_moment_map("selu", 1.0, 3.0, depth=3, dropout="alpha", rate=0.1)
    m, v = 1.0, 3.0
    for layer in range(1, 4):
        m, v = dropout_moments(*moment_map("selu", m, v), kind="alpha", rate=0.1)
        assert (means[layer], variances[layer]) == pytest.approx((m, v), rel=1e-14)
    np.testing.assert_array_equal(iterate_moment_map("selu", 0.5, 2.0, depth=0), [[0.5], [2.0]])


def test_relu_with_lecun_weights_halves_the_second_moment_until_it_underflows():
    means, variances = iterate_moment_map("relu", 0.0, 1.0, depth=1100)
    second = variances + means**2
    # Each layer's quadrature adds a relative error of about 1e-14.
    np.testing.assert_allclose(second[:200], 0.5 ** np.arange(200), rtol=1e-11)
    assert np.isnan(variances[-1]) and np.isnan(means[-1])


def test_layer_statistics_is_seeded_and_shaped():
    a = layer_statistics("selu", depth=6, width=32, batch=16, seed=3)
    b = layer_statistics("selu", depth=6, width=32, batch=16, seed=3)
    c = layer_statistics("selu", depth=6, width=32, batch=16, seed=4)
    np.testing.assert_array_equal(a.std, b.std)
    assert not np.array_equal(a.std, c.std)
    assert a.mean.shape == a.std.shape == a.predicted_std.shape == (7,)
    assert (a.label, a.init, a.dropout) == ("selu", "lecun", "none")
    assert layer_statistics("selu", depth=1, width=4, dropout="alpha").label == (
        "selu + alpha dropout 0.1"
    )


def test_same_seed_same_weights_up_to_the_initialisations_scale():
    # For the identity the network is linear: He's weights are sqrt(2) times LeCun's.
    lecun = layer_statistics("identity", depth=5, width=16, batch=8, init="lecun")
    he = layer_statistics("identity", depth=5, width=16, batch=8, init="he")
    np.testing.assert_allclose(he.std / lecun.std, math.sqrt(2) ** np.arange(6), rtol=1e-12)


def test_the_kept_network_gives_the_same_runs_as_drawing_it_afresh(monkeypatch):
    kwargs = {"depth": 5, "width": 16, "batch": 8, "seed": 7}
    kept = [layer_statistics("tanh", init=init, **kwargs) for init in ("lecun", "he", "lecun")]
    np.testing.assert_array_equal(kept[0].std, kept[2].std)
    # The layers are LeCun-normal draws of initial_weights from the seed's first stream.
    rng = np.random.default_rng(np.random.SeedSequence(7).spawn(3)[0])
    expected = initial_weights(16, 16, init="lecun", distribution="normal", rng=rng)
    (first, *_) = self_normalising._network_weights(7, 16, 5, 1.0)
    np.testing.assert_array_equal(first, expected)
    assert not first.flags.writeable  # the kept network cannot be changed by a caller
    # Past the size limit every run draws its network layer by layer from the same stream.
    monkeypatch.setattr(self_normalising, "_CACHED_WEIGHTS", 0)
    fresh = [layer_statistics("tanh", init=init, **kwargs) for init in ("lecun", "he")]
    for a, b in zip(kept, fresh, strict=False):
        np.testing.assert_array_equal(a.std, b.std)
        np.testing.assert_array_equal(a.mean, b.mean)


def test_an_exploding_network_ends_in_nan_without_warnings():
    # A linear network with He's weights doubles the second moment at every layer; past
    # the float range the measured and predicted statistics become NaN, with no warning.
    run = layer_statistics("identity", init="he", depth=2200, width=32, batch=4, dropout="alpha")
    assert np.isnan(run.std[-1]) and np.isnan(run.predicted_std[-1])
    assert np.isfinite(run.std[:100]).all() and np.isfinite(run.predicted_std[:100]).all()
    predicted = run.predicted_std[np.isfinite(run.predicted_std)]
    assert 1e149 < predicted[-1] < 1e151  # stopped once the variance passed 1e300


def test_deep_selu_network_stays_standardised_and_relu_and_tanh_drift():
    selu = layer_statistics("selu", depth=64)
    relu = layer_statistics("relu", depth=64)
    tanh = layer_statistics("tanh", depth=64)
    assert np.all(np.abs(selu.std[1:] - 1) < 0.05)
    assert np.all(np.abs(selu.mean[1:]) < 0.05)
    np.testing.assert_allclose(selu.predicted_std, 1.0, atol=1e-12)
    assert relu.std[-1] < 1e-8 and tanh.std[-1] < 0.15
    # The map predicts the network: within a few per cent for the first layers.
    for run in (selu, relu, tanh):
        np.testing.assert_allclose(run.std[1:9], run.predicted_std[1:9], rtol=0.1)


def test_the_network_converges_to_the_fixed_point_from_other_inputs():
    run = layer_statistics("selu", depth=40, input_mean=1.0, input_std=2.0)
    assert abs(run.std[-1] - 1) < 0.05 and abs(run.mean[-1]) < 0.05
    np.testing.assert_allclose(run.std[1:6], run.predicted_std[1:6], rtol=0.05)


def test_dropout_in_a_deep_selu_network():
    plain = layer_statistics("selu", depth=32, dropout="standard", rate=0.1)
    alpha = layer_statistics("selu", depth=32, dropout="alpha", rate=0.1)
    assert np.all(np.abs(alpha.std[1:] - 1) < 0.05)
    assert plain.std[-1] > 1.15  # ordinary dropout moves the fixed point
    assert plain.std[-1] == pytest.approx(plain.predicted_std[-1], rel=0.05)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"depth": 0}, "depth"),
        ({"width": 0}, "width"),
        ({"init": "orthogonal"}, "init"),
        ({"dropout": "gaussian"}, "dropout"),
        ({"rate": 1.0}, "rate"),
        ({"input_std": 0.0}, "input_std"),
        ({"input_mean": np.nan}, "input_mean"),
        ({"seed": -1}, "seed"),
    ],
)
def test_bad_network_arguments_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        layer_statistics("selu", **{"depth": 2, "width": 4, "batch": 4, **kwargs})
