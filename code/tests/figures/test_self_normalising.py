"""The pictures of the SELU chapter: the moment field and the per-layer statistics."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from matplotlib.quiver import Quiver

from .test_experiments import _frames


@pytest.fixture(scope="module")
def selu_field():
    return ab.moment_field(
        "selu",
        means=np.linspace(-1, 1, 5),
        variances=np.linspace(0.5, 2.5, 4),
        starts=[(1.0, 2.5), (0.0, 0.1)],
        depth=6,
    )


def test_field_arrows_point_to_the_image_of_each_grid_point(selu_field):
    fig, ax = ab.new_figure()
    ab.plot_moment_field(ax, selu_field)
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    mu, nu = np.meshgrid(selu_field.means, selu_field.variances)
    np.testing.assert_allclose(quiver.X, mu.ravel())
    np.testing.assert_allclose(quiver.Y, nu.ravel())
    # Drawn at a fixed fraction of the step: the direction is the map's.
    fraction = ab.figures._self_normalising.ARROW_FRACTION
    np.testing.assert_allclose(quiver.U, fraction * (selu_field.mapped_mean - mu).ravel())
    np.testing.assert_allclose(quiver.V, fraction * (selu_field.mapped_variance - nu).ravel())


def test_field_draws_trajectories_and_the_fixed_point(selu_field):
    fig, ax = ab.new_figure()
    ab.plot_moment_field(ax, selu_field)
    paths = [line for line in ax.lines if len(line.get_xdata()) > 1]
    assert len(paths) == 2
    for line, path in zip(paths, selu_field.trajectories, strict=True):
        np.testing.assert_allclose(line.get_xdata(), path[:, 0])
        np.testing.assert_allclose(line.get_ydata(), path[:, 1])
    (star,) = [line for line in ax.lines if line.get_marker() == "*"]
    np.testing.assert_allclose(
        [star.get_xdata()[0], star.get_ydata()[0]], selu_field.fixed_point, atol=1e-12
    )
    assert "SELU" in ax.get_title() and "τ = 1" in ax.get_title()
    assert ax.get_xlabel().startswith("mean") and ax.get_ylabel().startswith("variance")


def test_field_without_fixed_point_has_no_star_and_says_so():
    field = ab.moment_field("relu", means=[0.0, 1.0], variances=[0.5, 1.0])
    fig, ax = ab.new_figure()
    ab.plot_moment_field(ax, field)
    assert not [line for line in ax.lines if line.get_marker() == "*"]
    assert "no fixed point" in ab.moment_field_alt_text(field)


def test_field_alt_text_gives_the_numbers(selu_field):
    text = ab.moment_field_alt_text(selu_field)
    assert "Scaled exponential linear unit (SELU)" in text
    assert "fixed point reached from (0, 1), at mean" in text and "variance 1;" in text
    assert "(attracting)" in text
    end = selu_field.trajectories[0][-1]
    assert f"reaches ({end[0]:.2g}, {end[1]:.2g}) after 6 layers" in text


def test_field_explorer_has_one_frame_per_pair():
    fields = [
        ab.moment_field(a, tau=t, means=[-0.5, 0.5], variances=[0.5, 1.5])
        for a in ("selu", "tanh")
        for t in (1.0, 2.0)
    ]
    box = ab.moment_field_explorer(fields)
    activation_buttons, weight_buttons, _ = box.children
    assert [o[0] for o in activation_buttons.options] == ["selu", "tanh"]
    assert [o[0] for o in weight_buttons.options] == ["τ = 1", "τ = 2"]
    frames = _frames(box)
    assert len(frames) == 4
    assert ab.get("tanh").title in frames[3]
    assert "equal to 2" in frames[3]
    with pytest.raises(ValueError, match="lacks"):
        ab.moment_field_explorer(fields[:3])


@pytest.fixture(scope="module")
def layer_runs():
    return [ab.layer_statistics(a, depth=8, width=32, batch=16) for a in ("selu", "relu")]


def test_layer_statistics_draw_measured_and_predicted_per_run(layer_runs):
    fig, ax = ab.new_figure()
    mean_ax, std_ax = ab.plot_layer_statistics(ax, layer_runs)
    assert std_ax.get_yscale() == "log" and mean_ax.get_yscale() == "linear"
    for panel, measured, predicted in (
        (mean_ax, "mean", "predicted_mean"),
        (std_ax, "std", "predicted_std"),
    ):
        solid = [line for line in panel.lines if line.get_linestyle() == "-"]
        dashed = [line for line in panel.lines if line.get_linestyle() == "--"]
        assert len(solid) == len(dashed) == 2
        for run, line, guess in zip(layer_runs, solid, dashed, strict=True):
            np.testing.assert_allclose(line.get_ydata(), getattr(run, measured))
            np.testing.assert_allclose(guess.get_ydata(), getattr(run, predicted))
            assert line.get_color() == guess.get_color()
    assert [t.get_text() for t in mean_ax.get_legend().get_texts()] == ["selu", "relu"]


def test_layer_statistics_figure_alt_text(layer_runs):
    picture = ab.layer_statistics_figure(layer_runs)
    assert picture.png.startswith(b"\x89PNG")
    assert "layers 0 to 8" in picture.alt and "lecun" in picture.alt
    assert f"deviation {layer_runs[1].std[-1]:.2g}" in picture.alt


def test_layer_statistics_explorer_switches_init_and_inputs():
    runs = [
        ab.layer_statistics(a, init=i, input_std=s, depth=4, width=16, batch=8)
        for i in ("lecun", "he")
        for s in (1.0, 2.0)
        for a in ("selu", "tanh")
    ]
    box = ab.layer_statistics_explorer(runs)
    init_buttons, input_buttons, _ = box.children
    assert [o[0] for o in init_buttons.options] == ["lecun", "he"]
    assert [o[0] for o in input_buttons.options] == ["mean 0, std 1", "mean 0, std 2"]
    frames = _frames(box)
    assert len(frames) == 4
    assert "he initialisation" in frames[3] and "standard deviation 2" in frames[3]
    with pytest.raises(ValueError, match="same series"):
        ab.layer_statistics_explorer([*runs[:-1], runs[0]])
    with pytest.raises(ValueError, match="lacks"):
        ab.layer_statistics_explorer(runs[:6])


def test_field_alt_text_calls_a_neutral_fixed_point_neutral():
    field = ab.moment_field("relu", tau=2.0, means=[0.0, 1.0], variances=[0.5, 1.0])
    assert "neutral, one of a curve of fixed points" in ab.moment_field_alt_text(field)


def test_standard_deviation_axis_is_logarithmic_only_over_a_wide_range():
    narrow = [
        ab.layer_statistics("selu", depth=4, width=32, batch=16, dropout=kind)
        for kind in ("none", "alpha")
    ]
    fig, ax = ab.new_figure()
    _, std_ax = ab.plot_layer_statistics(ax, narrow)
    assert std_ax.get_yscale() == "linear" and "log" not in std_ax.get_title()
    assert "logarithmic" not in ab.layer_statistics_alt_text(narrow)
    fig, ax = ab.new_figure()
    _, std_ax = ab.plot_layer_statistics(ax, narrow, log_std=True)
    assert std_ax.get_yscale() == "log"
