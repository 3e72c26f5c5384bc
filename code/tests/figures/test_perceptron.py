"""The pictures of single threshold units: points, lines, mistakes and the loss slice."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _perceptron, _widgets
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba


@pytest.fixture(scope="module")
def unit():
    # The step chapter's run: mistakes 46, 6, 2, ... and none from epoch 9 on.
    points, labels = ab.separable_points(80, margin=0.1, seed=2)
    return points, labels, ab.perceptron(points, labels, epochs=12, seed=0)


def _scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def test_linear_unit_draws_classes_line_and_circled_mistakes(unit):
    points, labels, trace = unit
    fig, ax = ab.new_figure()
    wrong = ab.plot_linear_unit(ax, trace, points, labels, 1)
    assert wrong == trace.mistakes[1] > 0
    classes, rings = _scatters(ax)[:2], _scatters(ax)[2]
    assert [len(c.get_offsets()) for c in classes] == [np.sum(labels == 0), np.sum(labels == 1)]
    expected = [to_rgba(ab.COLORS["function"]), to_rgba(ab.COLORS["derivative"])]
    assert [tuple(c.get_facecolors()[0]) for c in classes] == expected
    missed = points[trace.predict(points, 1) != labels]
    np.testing.assert_array_equal(np.asarray(rings.get_offsets()), missed)
    assert len(rings.get_facecolors()) == 0  # circles, not discs
    (line,) = ax.get_lines()
    x1, x2 = line.get_data()
    w, b = trace.weights[1], trace.biases[1]
    np.testing.assert_allclose(w[0] * x1 + w[1] * np.asarray(x2) + b, 0.0, atol=1e-12)
    assert ax.get_title() == f"after epoch 1: {wrong} misclassified"
    low, high = points.min(axis=0) - 0.4, points.max(axis=0) + 0.4
    np.testing.assert_allclose([*ax.get_xlim(), *ax.get_ylim()], [low[0], high[0], low[1], high[1]])


def test_linear_unit_has_no_line_before_training_and_can_drop_the_title(unit):
    points, labels, trace = unit
    fig, ax = ab.new_figure()
    wrong = ab.plot_linear_unit(ax, trace, points, labels, 0, title=False)
    assert ax.get_lines() == [] and ax.get_title() == ""
    assert wrong == np.sum(labels == 0)  # zero weights fire for every point
    with pytest.raises(IndexError):
        ab.plot_linear_unit(ax, trace, points, labels, trace.epochs + 1)
    with pytest.raises(ValueError, match="'y'"):
        ab.plot_linear_unit(ax, trace, points, labels + 2)


def test_perceptron_explorer_has_a_frame_per_epoch_until_convergence(unit, frames, drawn):
    points, labels, trace = unit
    figures = drawn(_widgets)
    box = ab.perceptron_explorer(trace, points, labels)
    (slider, stack) = box.children
    assert slider.index == 1
    assert [value for _, value in slider.options] == list(range(trace.converged_epoch + 1))
    shown = frames(box)
    assert len(shown) == len(figures) == trace.converged_epoch + 1
    for epoch, ((alt, _), fig) in enumerate(zip(shown, figures, strict=True)):
        assert f"after epoch {epoch}; {trace.mistakes[epoch]} points" in alt
        assert ("no line yet" in alt) == (epoch == 0)
        (ax,) = fig.axes
        assert ax.get_title() == f"after epoch {epoch}: {trace.mistakes[epoch]} misclassified"


def test_perceptron_explorer_takes_chosen_epochs_and_refuses_others(unit, frames):
    points, labels, trace = unit
    box = ab.perceptron_explorer(trace, points, labels, epochs=[0, 2, 4], default=2)
    assert len(frames(box)) == 3 and box.children[0].index == 1
    with pytest.raises(ValueError, match="'epochs'"):
        ab.perceptron_explorer(trace, points, labels, epochs=[0, trace.epochs + 1])


def test_linear_unit_figure_draws_the_error_and_the_final_line(drawn):
    figures = drawn(_perceptron)
    points, labels = ab.separable_points(60, margin=0.3, seed=4)
    trace = ab.adaline(points, labels, learning_rate=0.005, epochs=10, seed=0)
    picture = ab.linear_unit_figure(trace, points, labels, unit="ADALINE")
    left, right = figures[0].axes
    (curve,) = left.get_lines()
    np.testing.assert_array_equal(curve.get_ydata(), trace.squared_error)
    np.testing.assert_array_equal(curve.get_xdata(), np.arange(11))
    assert right.get_title() == "" and len(right.get_lines()) == 1
    e = trace.squared_error
    assert picture.alt.startswith("Left: ADALINE's mean squared error against the epoch")
    assert f"{e[0]:.3g} before training, {e[1]:.3g} after epoch 1" in picture.alt
    assert f"{e[-1]:.3g} after epoch 10, the last" in picture.alt
    assert f"; {trace.mistakes[-1]} points are misclassified" in picture.alt


def test_loss_along_weight_figure_draws_one_line_per_activation(unit, drawn):
    figures = drawn(_perceptron)
    points, labels, trace = unit
    w, b = trace.weights[-1], trace.biases[-1]
    shifts = np.linspace(-1.0, 1.0, 101)
    picture = ab.loss_along_weight_figure(
        points, labels, w, b, shifts=shifts, index=1, description="Words."
    )
    (ax,) = figures[0].axes
    step, smooth = ax.get_lines()
    for line, name in [(step, "step"), (smooth, "sigmoid")]:
        expected = ab.loss_along_weight(points, labels, w, b, shifts, activation=name, index=1)
        np.testing.assert_array_equal(line.get_ydata(), expected)
        np.testing.assert_array_equal(line.get_xdata(), shifts)
    assert [step.get_linestyle(), smooth.get_linestyle()] == ["-", "--"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["step output", "sigmoid output"]
    assert ax.get_xlabel() == "change of the second weight"
    losses = step.get_ydata()
    changes = np.count_nonzero(np.diff(losses))
    assert "second weight from -1 to 1" in picture.alt
    assert f"step output, solid, the error changes value between {changes} of the 100" in (
        picture.alt
    )
    assert "sigmoid output, dashed, the error changes value between 100 of the 100" in picture.alt
    assert f"lowest, {losses.min():.3f}, for changes from" in picture.alt
    assert picture.alt.endswith(" Words.")


def test_loss_along_weight_figure_refuses_too_many_activations(unit):
    points, labels, trace = unit
    with pytest.raises(ValueError, match="'activations'"):
        ab.loss_along_weight_figure(points, labels, [1.0, 1.0], 0.0, activations=["step"] * 5)
