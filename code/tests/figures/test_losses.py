"""Training-loss curves: positions, colours by series, line styles by variant, alt text."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _losses
from matplotlib.colors import to_rgba


def test_losses_are_drawn_from_their_first_step_on_a_log_axis():
    fig, ax = ab.new_figure()
    lines = ab.plot_training_losses(ax, {"a": [1.0, 0.5, 0.25], "b": [2.0, 1.0]})
    assert ax.get_yscale() == "log"
    np.testing.assert_array_equal(lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(lines[0].get_ydata(), [1.0, 0.5, 0.25])
    np.testing.assert_array_equal(lines[1].get_xdata(), [1, 2])
    colours = [to_rgba(line.get_color()) for line in lines]
    assert colours == [to_rgba(ab.COLORS["function"]), to_rgba(ab.COLORS["derivative"])]
    assert [line.get_linestyle() for line in lines] == ["-", "-"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("epoch", "training loss (log scale)")


def test_series_share_a_colour_and_variants_a_line_style():
    fig, ax = ab.new_figure()
    losses = {("tanh", "deep"): [1.0], ("x²", "deep"): [1.0], ("tanh", "flat"): [1.0]}
    lines = ab.plot_training_losses(ax, losses, start=0, xlabel="step")
    assert lines[0].get_color() == lines[2].get_color() != lines[1].get_color()
    assert [line.get_linestyle() for line in lines] == ["-", "-", ":"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "tanh, deep",
        "x², deep",
        "tanh, flat",
    ]
    assert lines[0].get_xdata()[0] == 0 and ax.get_xlabel() == "step"
    styled = ab.plot_training_losses(ax, losses, linestyles={"deep": "--", "flat": "-"})
    assert [line.get_linestyle() for line in styled] == ["--", "--", "-"]


def test_losses_are_checked():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="'losses'"):
        ab.plot_training_losses(ax, {})
    with pytest.raises(ValueError, match="'losses'"):
        ab.plot_training_losses(ax, {str(i): [1.0] for i in range(6)})
    with pytest.raises(ValueError, match="'losses'"):
        ab.plot_training_losses(ax, {("a", "b", "c"): [1.0]})
    with pytest.raises(ValueError, match="'losses'"):
        ab.plot_training_losses(ax, {("a", i): [1.0] for i in range(5)})
    with pytest.raises(ValueError, match="'linestyles'"):
        ab.plot_training_losses(ax, {("a", 1): [1.0], ("a", 2): [1.0]}, linestyles={1: "-"})


def test_figure_alt_text_gives_first_and_last_losses_and_where_a_run_breaks(drawn):
    figures = drawn(_losses)
    nan = float("nan")
    losses = {("ok", "1"): [0.5, 0.25, 0.125], ("broken", "1"): [0.7, 9.0, nan], "dead": [nan]}
    picture = ab.training_loss_figure(losses, xlabel="gradient-descent step", description="End.")
    (ax,) = figures[0].axes
    assert len(ax.get_lines()) == 3
    assert picture.alt.startswith("Training loss against gradient-descent step, log scale,")
    assert "ok, 1, solid blue, from 0.5 at step 1 to 0.125 at step 3" in picture.alt
    assert (
        "broken, 1, solid vermillion, from 0.7 at step 1 to 9 at step 2, where the line "
        "ends: the loss is not finite from step 3 on" in picture.alt
    )
    assert "dead, not drawn: its loss is not finite from the start." in picture.alt
    assert picture.alt.endswith(" End.")
