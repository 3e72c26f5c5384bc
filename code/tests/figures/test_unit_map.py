"""The unit map colours the plane by one unit's output and marks the XOR corners."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest


def test_plot_unit_map_draws_the_units_output_and_the_points():
    fig, ax = ab.new_figure()
    outputs = ab.plot_unit_map(ax, "gaussian", weights=(1, 1), bias=-1, resolution=21)
    np.testing.assert_allclose(outputs, np.exp(-np.array([1.0, 0.0, 0.0, 1.0])))
    mesh = ax.collections[0]
    grid = np.linspace(-0.5, 1.5, 21)
    x1, x2 = np.meshgrid(grid, grid)
    np.testing.assert_allclose(mesh.get_array().reshape(21, 21), np.exp(-((x1 + x2 - 1) ** 2)))
    points = [tuple(c.get_offsets()[0]) for c in ax.collections[2:]]
    assert points == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [t.get_text() for t in ax.texts] == ["0.37", "1.00", "1.00", "0.37"]
    assert ax.get_title() == "Gaussian of x1 + x2 − 1"


def test_no_contour_when_the_threshold_is_never_crossed():
    fig, ax = ab.new_figure()
    ab.plot_unit_map(ax, "sigmoid", bias=-1, threshold=2.0, resolution=11)
    assert len(ax.collections) == 1 + 4  # the map and the four points


def test_alt_text_says_whether_thresholding_gives_the_labels():
    gaussian = ab.unit_map_alt_text("gaussian")
    assert "it is 0.37, 1.00, 1.00, 0.37" in gaussian
    assert "gives 0, 1, 1, 0 against the labels 0, 1, 1, 0: all of them right" in gaussian
    sigmoid = ab.unit_map_alt_text("sigmoid", bias=-1.5)
    assert "Logistic sigmoid of x1 + x2 − 1.5" in sigmoid
    assert "gives 0, 0, 0, 1" in sigmoid and "1 of 4 right" in sigmoid


def test_unit_map_explorer_offers_activations_and_biases():
    box = ab.unit_map_explorer(["sigmoid", "gaussian"], [-1.0, 0.0])
    activation, bias, pictures = box.children
    assert isinstance(activation, widgets.ToggleButtons) and activation.value == "gaussian"
    assert isinstance(bias, widgets.SelectionSlider) and bias.value == -1.0
    frames = [frame for stack in pictures.children for frame in stack.children]
    assert len(frames) == 4
    assert "Gaussian of x1 + x2 − 1 " in frames[2].value


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ab.plot_unit_map(None, "gaussian"), "ax"),
        (lambda: ab.unit_map_alt_text("softmax"), "elementwise"),
        (lambda: ab.unit_map_alt_text("gaussian", weights=(1, 2, 3)), "weights"),
        (lambda: ab.unit_map_alt_text("gaussian", bias=np.nan), "bias"),
        (lambda: ab.unit_map_alt_text("gaussian", labels=(0, 1)), "labels"),
        (lambda: ab.unit_map_alt_text("gaussian", labels=(0, 1, 2, 0)), r"labels\[2\]"),
        (lambda: ab.unit_map_alt_text("gaussian", points=[[0, 0, 0]], labels=[0]), "points"),
        (lambda: ab.unit_map_explorer("gaussian"), "activations"),
        (lambda: ab.unit_map_explorer(["gaussian"], biases=[]), "biases"),
    ],
)
def test_bad_arguments_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
