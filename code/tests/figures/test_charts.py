"""Multi-activation plots are tested on what they draw: line data, labels, bar heights."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest


def test_overlay_draws_each_activation_and_its_derivative_in_one_colour():
    fig, ax = ab.new_figure()
    lines = ab.plot_overlay(ax, ["relu", "tanh"], xlim=(-2, 2))
    assert len(lines) == 4
    x, y = lines[0].get_data()
    np.testing.assert_array_equal(y, ab.get("relu")(x))
    _, slope = lines[3].get_data()
    np.testing.assert_array_equal(slope, ab.get("tanh").grad(x))
    assert lines[0].get_color() == lines[1].get_color() != lines[2].get_color()
    assert [line.get_linestyle() for line in lines] == ["-", "--", "-", "--"]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "Rectified linear unit (ReLU)",
        "Rectified linear unit (ReLU)′",
        "Hyperbolic tangent",
        "Hyperbolic tangent′",
    ]
    assert ax.get_xlim() == (-2.0, 2.0)


def test_overlay_applies_parameters_and_draws_a_repeated_choice_once():
    fig, ax = ab.new_figure()
    lines = ab.plot_overlay(
        ax,
        ["leaky_relu", "leaky_relu"],
        {"leaky_relu": {"negative_slope": 0.2}},
        derivative=False,
    )
    assert len(lines) == 1
    x, y = lines[0].get_data()
    np.testing.assert_allclose(y, np.where(x >= 0, x, 0.2 * x))


def test_overlay_refuses_more_activations_than_colours():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="activations"):
        ab.plot_overlay(ax, ["identity", "step", "sigmoid", "tanh", "relu", "leaky_relu"])


def test_overlay_alt_text_names_both_and_the_slice():
    text = ab.overlay_alt_text(["sigmoid", "softmax"], xlim=(-3, 3))
    assert "Logistic sigmoid" in text and "softmax([x, 0])" in text
    assert "dashed" in text and "from -3 to 3" in text
    single = ab.overlay_alt_text(["relu", "relu"], derivative=False)
    assert single.startswith("Plot of the Rectified linear unit") and "dashed" not in single


def test_grid_has_a_panel_per_activation_and_describes_them():
    picture = ab.activation_grid(["identity", "relu", "softmax"], ncols=2)
    assert picture.png.startswith(b"\x89PNG")
    assert "Grid of 3 small plots" in picture.alt
    assert "Identity (linear)" in picture.alt and "softmax([x, 0])" in picture.alt
    assert ab.activation_grid(["relu"], alt="custom words").alt == "custom words"


def test_grid_rejects_empty_input_and_bad_columns():
    with pytest.raises(ValueError, match="activations"):
        ab.activation_grid([])
    with pytest.raises(ValueError, match="ncols"):
        ab.activation_grid(["relu"], ncols=0)


def test_probability_bars_have_the_values_and_highlight_the_largest():
    fig, ax = ab.new_figure()
    bars = ab.plot_probabilities(ax, [0.2, 0.7, 0.1], ["a", "b", "c"])
    heights = [patch.get_height() for patch in bars.patches]
    np.testing.assert_allclose(heights, [0.2, 0.7, 0.1])
    colors = {tuple(patch.get_facecolor()) for patch in bars.patches}
    assert len(colors) == 2
    assert bars.patches[1].get_facecolor() != bars.patches[0].get_facecolor()
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["0.20", "0.70", "0.10"]
    assert ax.get_ylim() == (0.0, 1.05)


def test_probability_bars_check_their_input():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="probabilities"):
        ab.plot_probabilities(ax, [[0.5, 0.5]])
    with pytest.raises(ValueError, match="labels"):
        ab.plot_probabilities(ax, [0.5, 0.5], ["only one"])


def test_probabilities_alt_text_lists_every_bar():
    text = ab.probabilities_alt_text([0.25, 0.75], ["cat", "dog"], what="softmax outputs")
    assert text == "Bar chart of softmax outputs: cat 0.25, dog 0.75."
