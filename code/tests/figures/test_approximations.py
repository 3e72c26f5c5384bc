"""The approximation panels are tested on what they draw: curves, errors, marked peaks."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest


def _two_panels():
    fig, axes = ab.new_figure(2, 1)
    return axes


def test_curves_are_the_registry_functions_and_errors_their_differences():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations((top, bottom), "gelu", ["gelu_tanh", "quick_gelu"])
    reference, tanh, quick = drawn["curves"]
    x, y = reference.get_data()
    np.testing.assert_array_equal(y, ab.get("gelu")(x))
    np.testing.assert_array_equal(tanh.get_ydata(), ab.get("gelu_tanh")(x))
    np.testing.assert_array_equal(quick.get_ydata(), ab.get("quick_gelu")(x))
    assert [line.get_linestyle() for line in drawn["curves"]] == ["-", "--", "--"]
    for line, name in zip(drawn["errors"], ["gelu_tanh", "quick_gelu"], strict=True):
        np.testing.assert_allclose(line.get_ydata(), ab.get(name)(x) - ab.get("gelu")(x))
    # Each approximation keeps its colour in both panels.
    assert [e.get_color() for e in drawn["errors"]] == [tanh.get_color(), quick.get_color()]
    assert bottom.get_yscale() == "linear" and top.get_xlim() == bottom.get_xlim() == (-4, 4)


def test_peaks_are_marked_where_max_gap_puts_them():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations(
        (top, bottom), "silu", ["hard_swish"], xlim=(-6, 6), error_scale="linear"
    )
    (peak,) = drawn["peaks"]
    assert peak == ab.max_gap("hard_swish", "silu", interval=(-6, 6))
    (dots,) = [line for line in bottom.get_lines() if line.get_marker() == "o"]
    # Both peaks of the even error, each at its signed value: hard swish above at ±3.
    np.testing.assert_array_equal(dots.get_xdata(), peak.locations)
    np.testing.assert_allclose(dots.get_ydata(), [peak.signed, peak.signed], rtol=1e-12)
    texts = [t.get_text() for t in bottom.texts]
    assert texts == [f"{peak.value:#.2g} at {peak.where_text()}"] == ["0.14 at x = ±3"]


def test_derivative_peaks_are_marked_with_their_signs():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations((top, bottom), "gelu", ["quick_gelu"], derivative=True)
    (peak,) = drawn["peaks"]
    assert peak.derivative and len(peak.locations) == 2
    (dots,) = [line for line in bottom.get_lines() if line.get_marker() == "o"]
    # The derivative error is odd: the two dots lie on opposite sides of zero.
    np.testing.assert_allclose(dots.get_ydata(), [peak.signed, -peak.signed], rtol=1e-9)


def test_an_exact_stand_in_has_no_dot():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations((top, bottom), "silu", ["silu"], error_scale="log")
    assert drawn["peaks"][0].value == 0.0
    assert not [line for line in bottom.get_lines() if line.get_marker() == "o"]
    assert bottom.get_ylim()[0] > 0


def test_log_scale_draws_absolute_errors_without_zeros():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations((top, bottom), "gelu", ["gelu_tanh"], error_scale="log")
    y = drawn["errors"][0].get_ydata()
    x = drawn["curves"][0].get_xdata()
    exact = np.abs(ab.get("gelu_tanh")(x) - ab.get("gelu")(x))
    assert (y > 0).all()  # x = 0, where both are 0, is kept on the axis
    np.testing.assert_array_equal(y[exact > 0], exact[exact > 0])
    assert bottom.get_yscale() == "log" and "|" in bottom.get_ylabel()
    low, high = bottom.get_ylim()
    assert low < drawn["peaks"][0].value < high


def test_derivatives_and_labels():
    top, bottom = _two_panels()
    drawn = ab.plot_approximations(
        (top, bottom),
        "silu",
        ["silu"],
        labels=["β = 2"],
        params={"silu": {"beta": 1.0}},
        derivative=True,
    )
    x, y = drawn["curves"][0].get_data()
    np.testing.assert_array_equal(y, ab.get("silu").grad(x))
    legend = [t.get_text() for t in top.get_legend().get_texts()]
    assert legend == ["SiLU / swish′", "β = 2"]
    assert top.get_ylabel() == "derivative"


def test_figure_alt_text_states_the_largest_errors():
    picture = ab.approximation_figure(
        "gelu",
        ["gelu_tanh", "quick_gelu"],
        labels=["tanh form", "x σ(1.702x)"],
        error_scale="log",
    )
    assert picture.png.startswith(b"\x89PNG")
    tanh = ab.max_gap("gelu_tanh", "gelu", interval=(-4, 4))
    assert f"tanh form: {tanh.value:#.2g} at x = ±2.7" in picture.alt
    assert tanh.where_text() == "x = ±2.7"
    assert "logarithmic" in picture.alt and "tanh form and x σ(1.702x) dashed" in picture.alt
    assert picture.alt.startswith("Two panels for x from -4 to 4.")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"approximations": []}, "approximations"),
        ({"approximations": "gelu_tanh"}, "approximations"),
        ({"approximations": ["relu"] * 5}, "approximations"),
        ({"approximations": ["gelu_tanh"], "labels": ["a", "b"]}, "labels"),
        ({"approximations": ["gelu_tanh"], "error_scale": "symlog"}, "error_scale"),
        ({"approximations": ["gelu_tanh"], "derivative": "yes"}, "derivative"),
        ({"approximations": ["gelu_tanh"], "xlim": (4, -4)}, "xlim"),
        ({"approximations": ["gelu_tanh"], "points": 1}, "points"),
        ({"approximations": ["gelu_tanh"], "params": {"beta": 2.0}}, "params"),
        # The identity drifts away from GELU on the left: no largest error to mark.
        ({"approximations": ["identity"]}, "xlim"),
    ],
)
def test_bad_arguments_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=repr(name)):
        ab.plot_approximations(_two_panels(), "gelu", **kwargs)


def test_bad_axes_and_peaks_are_refused():
    with pytest.raises(ValueError, match="'axes'"):
        ab.plot_approximations(ab.new_figure()[1], "gelu", ["gelu_tanh"])
    with pytest.raises(ValueError, match="'peaks'"):
        ab.approximation_alt_text("gelu", ["gelu_tanh"], [0.1])
    with pytest.raises(ValueError, match="'peaks'"):
        ab.approximation_alt_text("gelu", ["gelu_tanh"], [])
    with pytest.raises(ValueError, match="'figsize"):
        ab.approximation_figure("gelu", ["gelu_tanh"], figsize=(0, 3))
