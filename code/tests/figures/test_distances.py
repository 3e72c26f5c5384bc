"""The gap plot draws both activations and a bar of the gap's length where it is largest."""

from __future__ import annotations

import math

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest


def _bar(ax):
    (bars,) = ax.collections
    return [np.asarray(segment) for segment in bars.get_segments()]


def test_plot_gap_draws_both_curves_and_the_bar_at_the_largest_gap():
    fig, ax = ab.new_figure()
    gap = ab.plot_gap(ax, "softplus", "relu", {"beta": 2.0}, xlim=(-3, 3))
    assert gap.value == pytest.approx(math.log(2) / 2)
    first, second = ax.get_lines()[2:]  # after the two axis lines
    x, y = first.get_data()
    np.testing.assert_allclose(y, ab.get("softplus")(x, beta=2.0))
    np.testing.assert_array_equal(second.get_ydata(), ab.get("relu")(second.get_xdata()))
    (segment,) = _bar(ax)
    np.testing.assert_allclose(segment, [[0.0, 0.0], [0.0, math.log(2) / 2]], atol=1e-12)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "Softplus (beta = 2)",
        "Rectified linear unit (ReLU)",
        "largest gap 0.347 at x = 0",
    ]
    assert ax.get_xlim() == (-3.0, 3.0)


def test_plot_gap_marks_both_locations_of_a_symmetric_pair_and_draws_derivatives():
    fig, ax = ab.new_figure()
    gap = ab.plot_gap(ax, "hard_tanh", "tanh", derivative=True)
    assert len(_bar(ax)) == 2
    for segment, where in zip(_bar(ax), gap.locations, strict=True):
        assert segment[:, 0].tolist() == pytest.approx([where, where])
        assert abs(segment[1, 1] - segment[0, 1]) == pytest.approx(gap.value)
    styles = [line.get_linestyle() for line in ax.get_lines()[2:]]
    assert styles == ["-", "--", "-", "--"]
    assert "x = ±1" in ax.get_legend().get_texts()[-1].get_text()


def test_plot_gap_leaves_out_a_bar_outside_the_view():
    fig, ax = ab.new_figure()
    ab.plot_gap(ax, "hard_sigmoid_legacy", "sigmoid", xlim=(-2, 2))
    assert len(ax.collections) == 0


def test_gap_alt_text_says_what_is_drawn():
    gap = ab.max_gap("hard_sigmoid", "sigmoid")
    text = ab.gap_alt_text("hard_sigmoid", "sigmoid", gap, derivative=True, xlim=(-5, 5))
    assert text.startswith("Plot of the Hard sigmoid and the Logistic sigmoid")
    assert "derivative dashed" in text and "from -5 to 5" in text
    assert "0.0692, at x = ±1.32" in text


def test_gap_explorer_over_a_parameter_and_references():
    box = ab.gap_explorer(
        [("squareplus", "relu"), ("squareplus", "softplus")], parameter="b", values=[1.0, 4.0]
    )
    slider, pair, derivative, pictures = box.children
    assert isinstance(slider, widgets.SelectionSlider) and slider.value == 4.0
    assert isinstance(pair, widgets.ToggleButtons) and pair.description == "compare with"
    assert [label for label, _ in pair.options] == ["relu", "softplus"]
    assert derivative.value is False
    frames = [f for s in pictures.children for t in s.children for f in t.children]
    assert len(frames) == 2 * 2 * 2
    alts = [f.value.split('alt="')[1].split('"')[0] for f in frames]
    assert len(set(alts)) == len(alts)
    assert "Squareplus (b = 1)" in alts[0] and "0.5, at x = 0" in alts[0]


def test_gap_explorer_names_pairs_by_activation_when_they_differ():
    box = ab.gap_explorer(
        [("hard_sigmoid", "sigmoid"), ("hard_tanh", "tanh")], labels={"hard_tanh": "hardtanh"}
    )
    pair, _, _ = box.children
    assert pair.description == "activation"
    assert [label for label, _ in pair.options] == ["hard_sigmoid", "hardtanh"]
    with pytest.raises(ValueError, match="labels"):
        ab.gap_explorer([("relu6", "relu"), ("hard_tanh", "tanh")], labels={"relu": "r"})


def test_gap_explorer_rejects_bad_arguments():
    with pytest.raises(ValueError, match="pairs"):
        ab.gap_explorer([])
    with pytest.raises(ValueError, match="go together"):
        ab.gap_explorer([("softplus", "relu")], parameter="beta")
    with pytest.raises(ValueError, match="has no 'b'"):
        ab.gap_explorer([("softplus", "relu")], parameter="b", values=[1.0])
    with pytest.raises(ValueError, match="repeated"):
        ab.gap_explorer([("softplus", "relu"), ("softplus", "relu")])
