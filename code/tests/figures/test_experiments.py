"""The pictures of the Part III experiments: what the plots and explorers draw."""

from __future__ import annotations

import warnings

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.contour import ContourSet


def _frames(box):
    found = []

    def walk(widget):
        if isinstance(widget, widgets.HTML):
            found.append(widget.value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(box)
    return found


def test_split_axes_gives_panels_in_the_same_figure():
    fig, ax = ab.new_figure()
    panels = ab.split_axes(ax, 3, width_ratios=(1, 2, 1))
    assert len(panels) == 3 and panels[0] is ax
    assert all(p.figure is fig for p in panels)
    lefts = [p.get_position().x0 for p in panels]
    assert lefts == sorted(lefts)


def test_decision_regions_draw_every_class_and_report_accuracy(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["relu"].model
    accuracy = ab.plot_decision_regions(ax, model, moons, resolution=20)
    assert accuracy == pytest.approx(np.mean(model.predict(moons.x_train) == moons.y_train))
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(scatters) == moons.n_classes  # one colour and marker per class
    assert sum(len(c.get_offsets()) for c in scatters) == len(moons.x_train)


def _contours(ax):
    """The filled and the line contour sets drawn on ``ax``, in that order."""
    sets = [c for c in ax.collections if isinstance(c, ContourSet)]
    return [c for c in sets if c.filled], [c for c in sets if not c.filled]


def _scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def test_decision_regions_default_is_a_bare_panel_with_class_boundaries(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    filled, lines = _contours(ax)
    assert [list(c.levels) for c in filled] == [[-0.5, 0.5, 1.5]]  # predicted classes
    assert [list(c.levels) for c in lines] == [[0.5]]  # one indicator for two classes
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert ax.get_xlabel() == ax.get_ylabel() == ax.get_title() == ""


def test_decision_regions_draw_probability_contours(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["tanh"].model
    ab.plot_decision_regions(ax, model, moons, resolution=20, probability_levels=[0.75, 0.5])
    filled, (lines,) = _contours(ax)
    assert [list(c.levels) for c in filled] == [[0.0, 0.5, 1.0]]  # shading split at 0.5
    assert list(lines.levels) == [0.5, 0.75]
    solid, dashed = lines.get_linestyles()
    assert solid[1] is None and dashed[1] is not None  # the boundary solid, the rest dashed
    # The 0.5 contour is the decision boundary: it separates the predicted classes.
    xx, yy, points = ab.decision_grid(moons.x_train, resolution=20)
    proba = model.predict_proba(points)[:, 1]
    assert np.array_equal(proba > 0.5, model.predict(points) == 1)


@pytest.mark.parametrize(
    ("points", "n_scatters", "hollow"), [("train", 2, 0), ("test", 2, 0), ("both", 4, 2)]
)
def test_decision_regions_draw_the_chosen_points(moons, runs, points, n_scatters, hollow):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20, points=points)
    scatters = _scatters(ax)
    assert len(scatters) == n_scatters
    expected = {
        "train": len(moons.x_train),
        "test": len(moons.x_test),
        "both": len(moons.x_train) + len(moons.x_test),
    }[points]
    assert sum(len(c.get_offsets()) for c in scatters) == expected
    # With both, the test points are the hollow ones (no face colour).
    assert sum(len(c.get_facecolors()) == 0 for c in scatters) == hollow
    if points == "test":
        drawn = np.concatenate([c.get_offsets() for c in scatters])
        assert np.allclose(np.sort(drawn, axis=0), np.sort(moons.x_test, axis=0))


def test_decision_regions_marker_size(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    assert {float(s) for c in _scatters(ax) for s in c.get_sizes()} == {9.0}
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(
        ax, runs["relu"].model, moons, resolution=20, points="both", marker_size=14
    )
    assert {float(s) for c in _scatters(ax) for s in c.get_sizes()} == {14.0}


def test_decision_regions_labels_and_title(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(
        ax,
        runs["relu"].model,
        moons,
        resolution=20,
        axis_labels=("$x_1$", "$x_2$"),
        title="relu",
    )
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("$x_1$", "$x_2$", "relu")
    assert len(ax.get_xticks()) > 0 and len(ax.get_yticks()) > 0  # labelled axes keep ticks


def test_decision_regions_colour_classes_from_the_book_palette(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    expected = [to_rgba(ab.COLORS["function"]), to_rgba(ab.COLORS["derivative"])]
    assert [tuple(c.get_facecolors()[0]) for c in _scatters(ax)] == expected


def test_decision_regions_reject_bad_options(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["relu"].model
    with pytest.raises(ValueError, match="'points'"):
        ab.plot_decision_regions(ax, model, moons, resolution=20, points="validation")
    for levels in ([], [0.0], [0.5, 1.0]):
        with pytest.raises(ValueError, match="'probability_levels'"):
            ab.plot_decision_regions(ax, model, moons, resolution=20, probability_levels=levels)
    spiral = ab.make_dataset("spiral", 60, seed=0)
    three = ab.MLP((2, 4, 3), seed=0)
    with pytest.raises(ValueError, match="two classes"):
        ab.plot_decision_regions(ax, three, spiral, resolution=20, probability_levels=[0.5])


def test_plot_curves_highlights_one_up_to_an_epoch():
    fig, ax = ab.new_figure()
    curves = {"a": [1.0, 0.5, 0.25, 0.1], "b": [1.0, 0.9, 0.8, 0.7]}
    ab.plot_curves(ax, curves, highlight="a", upto=2)
    grey, line, dot = ax.get_lines()
    assert grey.get_ydata().tolist() == curves["b"]
    assert line.get_xdata().tolist() == [0, 1, 2]
    assert dot.get_ydata().tolist() == [0.25]
    assert ax.get_yscale() == "log"


def test_plot_curves_without_highlight_has_a_legend():
    fig, ax = ab.new_figure()
    ab.plot_curves(ax, {"a": [1, 2], "b": [2, 3]}, log=False, legend=True)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


@pytest.mark.parametrize(("spread", "low", "high"), [("minmax", 1.0, 3.0), ("std", 1.0, 3.0)])
def test_plot_band_draws_mean_and_spread(spread, low, high):
    fig, ax = ab.new_figure()
    curves = np.array([[1.0, 1.0], [3.0, 3.0]])
    ab.plot_band(ax, curves, label="x", color="#000000", spread=spread)
    (line,) = ax.get_lines()
    assert line.get_ydata().tolist() == [2.0, 2.0]
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(low) and band.max() == pytest.approx(high)
    with pytest.raises(ValueError, match="spread"):
        ab.plot_band(ax, curves, label="x", color="#000000", spread="iqr")


def test_boundary_explorer_has_one_frame_per_activation_and_epoch(moons, runs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        box = ab.boundary_explorer(moons, runs, [0, 3, 6], resolution=20)
    frames = _frames(box)
    assert len(frames) == 3 * 3
    assert all('alt="' in f and "<img" in f for f in frames)
    assert "after 6 epochs" in frames[-1] and "leaky_relu(0.1)" in frames[-1]


def test_dead_unit_explorer_has_one_frame_per_rate_and_epoch(moons):
    relu = {r: ab.dead_unit_run(moons, "relu", r, hidden=(4, 4), epochs=2) for r in (0.1, 1.0)}
    leaky = {
        r: ab.dead_unit_run(moons, "leaky_relu", r, hidden=(4, 4), epochs=2) for r in (0.1, 1.0)
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        box = ab.dead_unit_explorer(relu, [0, 1, 2], compare=leaky)
    frames = _frames(box)
    assert len(frames) == 2 * 3
    assert "learning rate 0.1" in frames[0] and "layer 2" in frames[0]
    assert "leaky_relu" in frames[0]


def test_series_colors_match_plot_curves():
    fig, ax = ab.new_figure()
    curves = {"a": [1, 2], "b": [2, 3], "c": [3, 4]}
    ab.plot_curves(ax, curves, log=False)
    colors = ab.series_colors(list(curves))
    assert [line.get_color() for line in ax.get_lines()] == [colors[k] for k in curves]
    assert len(set(colors.values())) == 3
