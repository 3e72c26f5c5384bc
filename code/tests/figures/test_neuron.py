"""The pictures of a single neuron: the one-input explorer and the two-input colour maps."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _neuron, _widgets
from matplotlib.collections import QuadMesh


def test_neuron_explorer_offers_the_activations_and_the_sliders(frames):
    box = ab.neuron_explorer(
        ["step", "relu"], weights=[-1.0, 1.0], biases=[-1.0, 0.0], default="relu"
    )
    buttons, weight, bias, _ = box.children
    assert [value for _, value in buttons.options] == ["step", "relu"] and buttons.index == 1
    assert weight.index == 1 and bias.index == 1  # weight 1 and bias 0 come first
    assert len(frames(box)) == 2 * 2 * 2


def test_neuron_explorer_frame_draws_the_weighted_sum_and_the_output(frames, drawn):
    figures = drawn(_widgets)
    box = ab.neuron_explorer(["tanh"], weights=[2.0], biases=[1.0], xlim=(-3, 3), ylim=(-2, 2))
    ((alt, _),) = frames(box)
    (ax,) = figures[0].axes
    weighted, output = (line for line in ax.get_lines() if len(line.get_xdata()) > 2)
    x = weighted.get_xdata()
    np.testing.assert_allclose(weighted.get_ydata(), 2 * x + 1)
    assert weighted.get_linestyle() == "--"
    x_out, y_out = output.get_data()
    np.testing.assert_allclose(y_out, np.tanh(2 * x_out + 1))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["z = wx + b", "output f(z), tanh"]
    assert ax.get_title() == "w = 2, b = 1"
    assert (ax.get_xlim(), ax.get_ylim()) == ((-3.0, 3.0), (-2.0, 2.0))
    assert "Hyperbolic tangent activation, weight 2 and bias 1" in alt
    assert "for x from -3 to 3" in alt and "z = 2 x + 1" in alt
    assert alt.endswith("where z = 0, at x = -0.5.")


def test_neuron_explorer_refuses_a_zero_weight_and_no_activation():
    with pytest.raises(ValueError, match="'weights'"):
        ab.neuron_explorer(["relu"], weights=[0.0, 1.0], biases=[0.0])
    with pytest.raises(ValueError, match="'activations'"):
        ab.neuron_explorer([], weights=[1.0], biases=[0.0])


def test_two_input_figure_colours_each_panel_by_the_output(drawn):
    figures = drawn(_neuron)
    picture = ab.two_input_neuron_figure(
        ["sigmoid", "relu", "step"], [-1.0, 0.5], 2.0, lim=2.0, resolution=21
    )
    fig = figures[0]
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.collections]
    panels = [ax for ax in panels if any(isinstance(c, QuadMesh) for c in ax.collections)]
    assert len(panels) == 3 + 3  # three maps and their three colour bars
    maps = [ax for ax in panels if ax.get_title()]
    assert [ax.get_title() for ax in maps] == [ab.get(n).title for n in ["sigmoid", "relu", "step"]]
    grid = np.linspace(-2.0, 2.0, 21)
    x1, x2 = np.meshgrid(grid, grid)
    for ax, name in zip(maps, ["sigmoid", "relu", "step"], strict=True):
        (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
        expected = ab.get(name)(-x1 + 0.5 * x2 + 2.0)
        np.testing.assert_allclose(np.asarray(mesh.get_array()).reshape(expected.shape), expected)
        (line,) = ax.get_lines()
        u, v = line.get_data()
        np.testing.assert_allclose(-np.asarray(u) + 0.5 * np.asarray(v) + 2.0, 0.0, atol=1e-12)
    assert sum(not ax.get_visible() for ax in fig.axes) == 1  # the fourth slot is empty
    assert "weights -1 and 0.5 and bias 2" in picture.alt
    assert "dashed line -x1 + 0.5 x2 = -2" in picture.alt
    assert "Rectified linear unit (ReLU) from 0 to 5" in picture.alt  # 2 + 2 + 1 at (-2, 2)
    assert "Binary step (Heaviside) from 0 to 1" in picture.alt
    assert "Logistic sigmoid from about" in picture.alt


def test_two_input_figure_appends_the_description_and_checks_its_arguments():
    picture = ab.two_input_neuron_figure(["relu"], [1.0, 0.0], 0.0, resolution=5, description="A.")
    assert picture.alt.endswith("The outputs range: Rectified linear unit (ReLU) from 0 to 3. A.")
    assert "dashed line x1 = 0" in picture.alt
    with pytest.raises(ValueError, match="'weights'"):
        ab.two_input_neuron_figure(["relu"], [1.0, 2.0, 3.0], 0.0)
    with pytest.raises(ValueError, match="'activations'"):
        ab.two_input_neuron_figure([], [1.0, 2.0], 0.0)


def test_zero_line_is_vertical_when_the_second_weight_is_zero():
    fig, ax = ab.new_figure()
    (line,) = _neuron._zero_line(ax, [2.0, 0.0], -1.0, (-3, 3), (-1, 1))
    np.testing.assert_array_equal(line.get_xdata(), [0.5, 0.5])
    np.testing.assert_array_equal(line.get_ydata(), [-1, 1])
    assert _neuron._zero_line(ax, [0.0, 0.0], 1.0, (-3, 3), (-1, 1)) == []
