"""The pictures of gated units: what the unit plot, its explorer and the seed bands draw."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest

from .test_experiments import _frames


@pytest.mark.parametrize(("unit", "gate"), sorted(ab.GATED_UNITS.items()))
def test_unit_plot_draws_output_gate_and_value(unit, gate):
    fig, ax = ab.new_figure()
    output, gated, value = ab.plot_gated_unit(ax, unit, weight=2.0, bias=-1.0)
    x = output.get_xdata()
    expected_gate = ab.get(gate)(2.0 * x - 1.0)
    np.testing.assert_allclose(gated.get_ydata(), expected_gate)
    np.testing.assert_allclose(value.get_ydata(), x)
    np.testing.assert_allclose(output.get_ydata(), x * expected_gate)
    assert gated.get_linestyle() == "--"
    assert ax.get_xlim() == (-4.0, 4.0) and ax.get_ylim() == (-2.0, 4.0)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[1] == f"gate {gate}(2x − 1)"
    assert labels[0].startswith(ab.unit_name(unit))


def test_unit_names_are_short():
    names = [ab.unit_name(u) for u in ("glu", "bilinear", "reglu", "geglu", "swiglu")]
    assert names == ["GLU", "Bilinear", "ReGLU", "GEGLU", "SwiGLU"]


def test_unit_alt_text_gives_the_numbers_drawn():
    text = ab.gated_unit_alt_text("reglu", weight=1.0, bias=-1.0)
    assert "ReGLU" in text and "relu(x − 1)" in text
    assert "12 at x = 4" in text and "2 at x = 2" in text  # 4 * relu(3), 2 * relu(1)
    assert "0 at x = -4" in text and "-0" not in text
    assert "shut" in text  # the ReLU gate is exactly 0 for x <= 1
    assert "shut" not in ab.gated_unit_alt_text("bilinear", weight=0.5, bias=1.0)


def test_unit_plot_refuses_an_unknown_unit():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="'unit'"):
        ab.plot_gated_unit(ax, "softmax")
    with pytest.raises(ValueError, match="'units'"):
        ab.gated_unit_explorer(units=("glu", "relu"))


def test_unit_explorer_has_a_frame_per_combination():
    box = ab.gated_unit_explorer(units=("glu", "reglu"), weights=(1.0, 4.0), biases=(0.0,))
    unit, weight, bias = box.children[:3]
    assert isinstance(unit, widgets.ToggleButtons) and unit.options[0][0] == "GLU"
    assert isinstance(weight, widgets.SelectionSlider) and weight.value == 1.0
    frames = _frames(box)
    assert len(frames) == 4
    assert "sigmoid(4x)" in frames[1] and "ReGLU" in frames[2]


@pytest.fixture(scope="module")
def comparison(moons):
    return ab.gated_comparison(
        moons, ["relu", "silu"], hidden=6, seeds=[0, 1, 2], epochs=3, optimizer=ab.Adam(0.05)
    )


def test_pairs_draw_one_band_per_network_in_each_panel(comparison):
    fig, axes = ab.new_figure(1, 2)
    ab.plot_gated_pairs(axes, comparison, "train_loss")
    for ax, (dense, gated) in zip(axes, [("relu", "reglu"), ("silu", "swiglu")], strict=True):
        lines = ax.get_lines()
        assert len(lines) == 2 and len(ax.collections) == 2  # a mean line and a band each
        np.testing.assert_allclose(
            lines[0].get_ydata(), comparison.curves[dense]["train_loss"].mean(axis=0)
        )
        np.testing.assert_allclose(
            lines[1].get_ydata(), comparison.curves[gated]["train_loss"].mean(axis=0)
        )
        assert ax.get_yscale() == "log"
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        width = comparison.variant(gated).width
        assert labels[1].startswith(f"{gated} ({width} units")
        assert ax.get_ylabel() == "training loss"
    fig, axes = ab.new_figure(1, 2)
    ab.plot_gated_pairs(axes, comparison, "test_accuracy", legend=False)
    assert axes[0].get_yscale() == "linear" and axes[0].get_legend() is None
    with pytest.raises(ValueError, match="'axes'"):
        ab.plot_gated_pairs(axes[:1], comparison)
    with pytest.raises(ValueError, match="'curve'"):
        ab.plot_gated_pairs(axes, comparison, "accuracy")


def test_pairs_alt_text_gives_the_final_ranges(comparison):
    text = ab.gated_comparison_alt_text(comparison, ["train_loss", "test_accuracy"])
    final = comparison.final("swiglu")
    assert f"swiglu {final.min():.3g} to {final.max():.3g}" in text
    assert "3 seeds" in text and "(relu, silu)" in text
    assert "one row per curve (training loss, test accuracy)" in text
    assert "Training loss after the last epoch" in text
    # min to max: for a loss the lowest value is the best seed, for an accuracy the worst.
    assert "lowest to highest over the seeds" in text and "worst to best" not in text


def test_pictures_check_their_arguments(comparison):
    fig, ax = ab.new_figure()
    for call, parameter in [
        (lambda: ab.plot_gated_unit("ax", "glu"), "'ax'"),
        (lambda: ab.plot_gated_unit(ax, "glu", bias=np.nan), "'bias'"),
        (lambda: ab.plot_gated_unit(ax, "glu", ylim=(1, 1)), "'ylim'"),
        (lambda: ab.gated_unit_explorer(weights=[]), "'weights'"),
        (lambda: ab.plot_gated_pairs([ax, ax], comparison, log="yes"), "'log'"),
        (lambda: ab.gated_comparison_alt_text(comparison, ["loss"]), "'curves'"),
        (lambda: ab.unit_name("tanh"), "'unit'"),
    ]:
        with pytest.raises(ValueError, match=parameter):
            call()
