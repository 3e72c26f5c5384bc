"""GELU's gate and SiLU's beta, tested on what they draw and on their explorers' frames."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest
from scipy import special


def test_gate_draws_both_outcomes_and_their_mean_on_the_curve():
    fig, ax = ab.new_figure()
    drawn = ab.plot_gelu_gate(ax, 1.0)
    assert drawn["probability"] == pytest.approx(special.ndtr(1.0), rel=1e-15)
    x, y = drawn["curve"].get_data()
    np.testing.assert_allclose(y, ab.get("gelu")(x), rtol=1e-15)
    assert (drawn["open"].get_xdata()[0], drawn["open"].get_ydata()[0]) == (1.0, 1.0)
    assert (drawn["closed"].get_xdata()[0], drawn["closed"].get_ydata()[0]) == (1.0, 0.0)
    mean = drawn["mean"].get_ydata()[0]
    assert mean == pytest.approx(float(ab.get("gelu")(1.0)), rel=1e-15)
    # The likelier outcome has the bigger marker.
    assert drawn["open"].get_markersize() > drawn["closed"].get_markersize()
    texts = {t.get_text() for t in ax.texts}
    assert {"open, p = 0.84", "closed, 1 − p = 0.16", "mean 0.84"} <= texts
    assert "Φ(x / s) = 0.84" in ax.get_title()


def test_gate_noise_scale_rescales_the_curve_and_the_inset_shades_below_x():
    fig, ax = ab.new_figure()
    drawn = ab.plot_gelu_gate(ax, -1.0, scale=2.0)
    x, y = drawn["curve"].get_data()
    np.testing.assert_allclose(y, x * special.ndtr(x / 2), rtol=1e-12, atol=1e-300)
    assert drawn["probability"] == pytest.approx(special.ndtr(-0.5), rel=1e-15)
    inset = drawn["inset"]
    (shaded,) = inset.collections
    vertices = shaded.get_paths()[0].vertices
    assert vertices[:, 0].max() <= -1.0 + 1e-12
    assert ab.plot_gelu_gate(ab.new_figure()[1], 0.0, density=False)["inset"] is None


def test_gate_mean_near_zero_is_not_printed_as_minus_zero():
    fig, ax = ab.new_figure()
    ab.plot_gelu_gate(ax, -2.0, scale=0.5)
    texts = {t.get_text() for t in ax.texts}
    assert "mean ≈ 0" in texts and not any("-0.00" in t for t in texts)


def test_gate_alt_text_and_bad_scale():
    text = ab.gelu_gate_alt_text(1.0)
    assert "probability 0.84" in text and "x Φ(x)" in text and "0.841" in text
    assert "x Φ(x / 2)" in ab.gelu_gate_alt_text(1.0, scale=2.0)
    for bad in (0.0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="'scale'"):
            ab.gelu_gate_alt_text(1.0, scale=bad)
    with pytest.raises(ValueError, match=r"'scales\[1\]'"):
        ab.gelu_gate_explorer(scales=(1.0, 0.0))


def test_gate_explorer_has_two_sliders_and_a_frame_per_pair():
    box = ab.gelu_gate_explorer(inputs=(-1.0, 1.0), scales=(0.5, 1.0, 2.0))
    sliders = [w for w in box.children if isinstance(w, widgets.SelectionSlider)]
    assert [s.description for s in sliders] == ["input x", "noise scale s"]
    assert [s.index for s in sliders] == [1, 1]
    outer = box.children[-1]
    assert len(outer.children) == 2 and all(len(s.children) == 3 for s in outer.children)
    frame = outer.children[0].children[2].value
    assert 'alt="The gate at input x = -1 with noise scale s = 2' in frame


def test_silu_beta_draws_the_curve_references_and_the_dip():
    fig, ax = ab.new_figure()
    drawn = ab.plot_silu_beta(ax, 2.0)
    x, y = drawn["lines"][0].get_data()
    np.testing.assert_array_equal(y, ab.get("silu")(x, beta=2.0))
    np.testing.assert_array_equal(drawn["lines"][1].get_ydata(), ab.get("silu").grad(x, beta=2.0))
    relu, half = drawn["references"]
    np.testing.assert_array_equal(relu.get_ydata(), np.maximum(relu.get_xdata(), 0))
    np.testing.assert_array_equal(half.get_ydata(), half.get_xdata() / 2)
    minimum = drawn["minimum"]
    assert minimum == ab.curve_minimum("silu", {"beta": 2.0}, bracket=(-1.5, 0.0))
    assert (drawn["marker"].get_xdata()[0], drawn["marker"].get_ydata()[0]) == (
        minimum.x,
        minimum.value,
    )
    assert f"minimum ({minimum.x:.2f}, {minimum.value:.2f})" in {t.get_text() for t in ax.texts}
    assert ax.get_title() == "β = 2"


def test_silu_beta_zero_is_the_line_without_a_dip():
    fig, ax = ab.new_figure()
    drawn = ab.plot_silu_beta(ax, 0.0, derivative=False)
    assert len(drawn["lines"]) == 1 and drawn["minimum"] is None and drawn["marker"] is None
    x, y = drawn["lines"][0].get_data()
    np.testing.assert_array_equal(y, x / 2)
    assert "line x / 2" in ab.silu_beta_alt_text(0.0)


def test_silu_alt_text_gives_the_dip():
    text = ab.silu_beta_alt_text(1.0, derivative=False)
    assert "minimum -0.278 at x = -1.278" in text and "dashed" not in text


def test_silu_explorer_offers_beta_and_the_derivative_toggle():
    box = ab.silu_beta_explorer(betas=(0.0, 1.0, 10.0))
    slider = next(w for w in box.children if isinstance(w, widgets.SelectionSlider))
    toggle = next(w for w in box.children if isinstance(w, widgets.ToggleButtons))
    assert slider.description == "β" and slider.index == 1 and toggle.index == 1
    outer = box.children[-1]
    assert len(outer.children) == 3 and all(len(s.children) == 2 for s in outer.children)
    assert "β = 10" in outer.children[2].children[0].value
    with pytest.raises(ValueError, match="'beta'"):
        ab.silu_beta_explorer(betas=(-1.0, 1.0))
