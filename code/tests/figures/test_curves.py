"""Several labelled curves on one axes: what is drawn, in which colour, and its alt text."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _curves
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba


def _curve_lines(ax):
    """The drawn curves, without plot_activation's axis lines and the guide lines."""
    return [line for line in ax.get_lines() if len(line.get_xdata()) > 2]


def test_curves_draw_each_variant_in_the_palette_order():
    fig, ax = ab.new_figure()
    curves = [ab.Curve("sigmoid", weight=k, label=f"k = {k}") for k in (1, 3, 10)]
    lines = ab.plot_activation_curves(ax, curves, xlim=(-2, 2), ylim=(-0.1, 1.1), points=101)
    assert lines == _curve_lines(ax) and len(lines) == 3
    for line, k in zip(lines, (1, 3, 10), strict=True):
        x, y = line.get_data()
        np.testing.assert_allclose(y, ab.get("sigmoid")(k * x))
        assert line.get_linestyle() == "-"
    colours = [to_rgba(line.get_color()) for line in lines]
    expected = [ab.COLORS[key] for key in ("function", "derivative", "reference")]
    assert colours == [to_rgba(c) for c in expected]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["k = 1", "k = 3", "k = 10"]
    assert (ax.get_xlim(), ax.get_ylim()) == ((-2.0, 2.0), (-0.1, 1.1))


def test_reference_is_grey_and_first_and_parameters_reach_the_curve():
    fig, ax = ab.new_figure()
    softmax = ab.get("softmax")
    lines = ab.plot_activation_curves(
        ax,
        [ab.Curve(softmax, {"temperature": 4.0}, label="T = 4")],
        reference=ab.Curve("step"),
        levels=[-1.0, 1.0],
    )
    reference, curve = lines
    assert to_rgba(reference.get_color()) == to_rgba(ab.COLORS["muted"])
    x, y = curve.get_data()
    np.testing.assert_allclose(y, ab.get("sigmoid")(x / 4.0))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [ab.get("step").title, "T = 4"]
    guides = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert sorted(float(line.get_ydata()[0]) for line in guides) == [-1.0, 1.0]


def test_shade_fills_the_gap_between_two_curves():
    fig, ax = ab.new_figure()
    curves = [ab.Curve("hard_sigmoid"), ab.Curve("hard_sigmoid_legacy")]
    ab.plot_activation_curves(ax, curves, shade=(0, 1), xlim=(-4, 4), points=81)
    (fill,) = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert to_rgba(fill.get_facecolor()[0])[:3] == to_rgba(ab.COLORS["highlight"])[:3]
    vertices = fill.get_paths()[0].vertices
    assert vertices[:, 0].min() == -4 and vertices[:, 0].max() == 4
    # The polygon runs along both curves: every point of each is one of its vertices.
    x = np.linspace(-4, 4, 81)
    corners = {(round(a, 9), round(b, 9)) for a, b in vertices}
    for name in ("hard_sigmoid", "hard_sigmoid_legacy"):
        on_curve = zip(x, ab.get(name)(x), strict=True)
        assert {(round(a, 9), round(b, 9)) for a, b in on_curve} <= corners, name


def test_alt_text_lists_curves_with_their_colours_and_the_widest_gap():
    curves = [
        ab.Curve("hard_sigmoid", label="relu6 form"),
        ab.Curve("hard_sigmoid_legacy", label="Keras 2 form"),
    ]
    text = ab.activation_curves_alt_text(
        curves, reference=ab.Curve("sigmoid"), shade=(0, 1), levels=[0.5], xlim=(-4, 4)
    )
    assert text.startswith("Plot of 2 curves for x from -4 to 4: ")
    assert "relu6 form (Hard sigmoid), in blue" in text
    assert "Keras 2 form (Hard sigmoid (legacy Keras)), in vermillion" in text
    assert "and, for reference, Logistic sigmoid, in grey." in text
    assert "Dotted horizontal lines mark y = 0.5." in text
    # The ramps differ most where the steeper one reaches 0 and 1: 1/12 at x = ±2.5.
    assert f"widest, {1 / 12:.3g}, at x = -2.5 and 2.5." in text


def test_alt_text_of_one_activation_at_several_settings_names_it_once():
    curves = [ab.Curve("softmax", {"temperature": t}) for t in (0.5, 2.0)]
    text = ab.activation_curves_alt_text(curves, xlim=(-3, 3))
    assert text.count("Softmax") == 1 and "sigmoid(x / T)" in text
    assert text.endswith("temperature = 0.5, in blue; temperature = 2, in vermillion.")
    single = ab.activation_curves_alt_text([ab.Curve("relu", weight=2.0)])
    assert single == (
        "Plot of the Rectified linear unit (ReLU) for x from -6 to 6: weight 2, in blue."
    )


def test_figure_draws_the_curves_and_appends_the_description(drawn):
    figures = drawn(_curves)
    curves = [ab.Curve("tanh", label="tanh(x)"), ab.Curve("lecun_tanh", label="LeCun")]
    picture = ab.activation_curves_figure(
        curves, levels=[-1.0, 1.0], ylim=(-2, 2), description="Two bounds."
    )
    (ax,) = figures[0].axes
    assert len(_curve_lines(ax)) == 2 and ax.get_ylim() == (-2.0, 2.0)
    assert picture.alt == ab.activation_curves_alt_text(curves, levels=[-1.0, 1.0]) + " Two bounds."


def test_curves_are_checked():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="'curves'"):
        ab.plot_activation_curves(ax, [])
    with pytest.raises(ValueError, match="'curves'"):
        ab.plot_activation_curves(ax, [ab.Curve("relu")] * 6)
    with pytest.raises(ValueError, match="'shade'"):
        ab.plot_activation_curves(ax, [ab.Curve("relu"), ab.Curve("tanh")], shade=(0, 0))
    with pytest.raises(ValueError, match="'shade'"):
        ab.activation_curves_alt_text([ab.Curve("relu")], shade=(0, 1))
