"""Pictures of trained networks: decision regions side by side, a regression curve."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _mlp
from matplotlib.collections import PathCollection
from matplotlib.contour import ContourSet


def test_panels_show_each_model_with_its_title(moons, runs, drawn):
    figures = drawn(_mlp)
    panels = [(f"{name}!", run.model, moons) for name, run in runs.items()]
    picture = ab.decision_regions_figure(panels, ncols=2, resolution=15, points="test")
    fig = figures[0]
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(fig.axes) == 4 and len(visible) == 3  # a 2 x 2 grid, the last slot empty
    assert [ax.get_title() for ax in visible] == [f"{name}!" for name in runs]
    for ax in visible:
        contours = [c for c in ax.collections if isinstance(c, ContourSet)]
        assert contours, "no decision regions"
        points = [c for c in ax.collections if isinstance(c, PathCollection)]
        assert sum(len(c.get_offsets()) for c in points) == len(moons.x_test)
        # The shading is the model's own prediction on the shared grid.
        filled = next(c for c in contours if c.filled)
        assert list(filled.levels) == [-0.5, 0.5, 1.5]
    assert picture.alt.startswith("3 panels of decision regions on the moons data")
    assert "with the test points on top (circles for class 0, squares for class 1)" in picture.alt
    assert "“tanh!”; “relu!”; “leaky_relu(0.1)!”." in picture.alt


def test_panels_share_one_grid_per_data_set(moons, runs, monkeypatch):
    calls = []
    real = _mlp.decision_grid

    def counting(x, **options):
        calls.append(len(x))
        return real(x, **options)

    monkeypatch.setattr(_mlp, "decision_grid", counting)
    other = ab.make_dataset("circles", 40, seed=0)
    model = runs["tanh"].model
    picture = ab.decision_regions_figure(
        [("a", model, moons), ("b", model, moons), ("c", model, other)],
        resolution=10,
        probability_levels=[0.5],
        description="Words.",
    )
    assert calls == [len(moons.x_train), len(other.x_train)]
    assert "on the moons and circles data" in picture.alt
    assert picture.alt.endswith("“a”; “b”; “c”. Words.")


def test_alt_text_names_the_marker_of_every_class(moons):
    spiral = ab.make_dataset("spiral", 60, seed=0)  # three classes
    model = ab.MLP((2, 4, 3), "tanh", seed=0)
    picture = ab.decision_regions_figure([("s", model, spiral)], resolution=10)
    assert "(circles for class 0, squares for class 1, triangles for class 2)" in picture.alt
    binary = ab.MLP((2, 4, 2), "tanh", seed=0)
    two = ab.decision_regions_figure([("m", binary, moons)], resolution=10)
    assert "(circles for class 0, squares for class 1)" in two.alt


def test_panel_titles_keep_the_style_size_unless_told(moons, runs, drawn):
    figures = drawn(_mlp)
    model = runs["relu"].model
    ab.decision_regions_figure([("t", model, moons)], resolution=10)
    ab.decision_regions_figure([("t", model, moons)], resolution=10, title_size=7)
    sizes = [fig.axes[0].title.get_fontsize() for fig in figures]
    assert sizes == [ab.RC_PARAMS["axes.titlesize"], 7]


def test_panels_are_checked(moons, runs):
    with pytest.raises(ValueError, match="'panels'"):
        ab.decision_regions_figure([])
    with pytest.raises(ValueError, match="'ncols'"):
        ab.decision_regions_figure([("t", runs["relu"].model, moons)], ncols=0)


@pytest.fixture(scope="module")
def regression():
    rng = np.random.default_rng(0)
    x = np.sort(rng.uniform(-2, 2, size=30))
    y = np.sin(x) + 0.1 * rng.normal(size=30)
    model = ab.MLP((1, 8, 1), activation="tanh", loss="mse", seed=0)
    model.fit(x[:, None], y, epochs=40, optimizer=ab.Adam(0.05))
    return model, x, y


def test_regression_fit_draws_points_and_the_prediction(regression, drawn):
    figures = drawn(_mlp)
    model, x, y = regression
    picture = ab.regression_fit_figure(model, x[:, None], y, label="net", xlim=(-3, 3))
    (ax,) = figures[0].axes
    (points,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    np.testing.assert_array_equal(points.get_offsets(), np.column_stack([x, y]))
    (curve,) = ax.get_lines()
    grid, values = curve.get_data()
    assert (grid[0], grid[-1]) == (-3.0, 3.0)
    np.testing.assert_allclose(values, model.logits(np.asarray(grid)[:, None])[:, 0])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["samples", "net"]
    error = np.mean((model.logits(x[:, None])[:, 0] - y) ** 2)
    assert f"Scatter plot of 30 samples, grey, with y from {y.min():.2g}" in picture.alt
    assert f"mean squared error on the samples is {error:.3g}." in picture.alt
    assert "from x = -3 to 3" in picture.alt


def test_regression_fit_is_checked(regression, runs):
    model, x, y = regression
    with pytest.raises(ValueError, match="'model'"):
        ab.regression_fit_figure(runs["relu"].model, x, y)
    with pytest.raises(ValueError, match="'x' and 'y'"):
        ab.regression_fit_figure(model, x, y[:-1])
