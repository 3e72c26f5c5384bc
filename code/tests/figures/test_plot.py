"""The plot helper is tested on what it draws, not on pixels."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine


def test_plot_activation_draws_function_and_derivative():
    fig, ax = ab.new_figure()
    lines = ab.plot_activation(ax, "sigmoid")
    assert len(lines) == 2
    x, y = lines[0].get_data()
    np.testing.assert_allclose(y, ab.get("sigmoid")(x), rtol=0, atol=0)
    _, slope = lines[1].get_data()
    np.testing.assert_allclose(slope, ab.get("sigmoid").grad(x), rtol=0, atol=0)
    assert lines[1].get_linestyle() == "--"
    assert ax.get_xlim() == (-6.0, 6.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Logistic sigmoid", "derivative"]


def test_plot_activation_applies_weight_bias_and_parameters():
    fig, ax = ab.new_figure()
    lines = ab.plot_activation(
        ax, "leaky_relu", {"negative_slope": 0.2}, weight=2.0, bias=1.0, xlim=(-3, 3)
    )
    x, y = lines[0].get_data()
    np.testing.assert_allclose(y, np.where(2 * x + 1 >= 0, 2 * x + 1, 0.2 * (2 * x + 1)))
    x, slope = lines[1].get_data()
    drawn = ~np.isnan(slope)  # the slope's jump at the kink is left as a gap
    assert drawn.sum() == len(slope) - 1
    # Chain rule: d/dx f(2x + 1) = 2 f'(2x + 1).
    np.testing.assert_allclose(slope[drawn], np.where(2 * x[drawn] + 1 > 0, 2.0, 0.4))


def test_plot_activation_without_derivative_draws_one_curve():
    fig, ax = ab.new_figure()
    assert len(ab.plot_activation(ax, "tanh", derivative=False)) == 1


def test_vector_activation_is_drawn_through_its_slice():
    fig, ax = ab.new_figure()
    lines = ab.plot_activation(ax, "softmax", {"temperature": 2.0})
    x, y = lines[0].get_data()
    pair = np.stack([x, np.zeros_like(x)], axis=-1)
    np.testing.assert_allclose(y, ab.get("softmax")(pair, temperature=2.0)[:, 0], rtol=1e-12)


def test_bad_parameter_is_reported_by_name():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="negative_slope"):
        ab.plot_activation(ax, "leaky_relu", {"negative_slope": -1})


def test_new_figure_is_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig, _ = ab.new_figure()
    assert isinstance(fig, Figure)
    assert plt.get_fignums() == before


def test_png_is_small_deterministic_and_has_no_timestamp():
    first = ab.activation_figure("sigmoid").png
    second = ab.activation_figure("sigmoid").png
    assert first == second
    assert first.startswith(b"\x89PNG")
    assert len(first) < 40_000
    assert b"tIME" not in first and b"Software" not in first


def test_picture_html_carries_escaped_alt_text():
    fig, ax = ab.new_figure()
    picture = ab.show(fig, alt='a "quoted" <plot>')
    html = picture._repr_html_()
    assert 'alt="a &quot;quoted&quot; &lt;plot&gt;"' in html
    assert html.startswith('<img src="data:image/png;base64,')
    assert picture._repr_png_() == picture.png


def test_show_requires_alt_text():
    fig, _ = ab.new_figure()
    with pytest.raises(ValueError, match="alt"):
        ab.show(fig, alt="  ")


def test_alt_text_names_activation_parameters_and_neuron():
    text = ab.activation_alt_text("leaky_relu", {"negative_slope": 0.1}, weight=2, bias=-1)
    assert text.startswith("Plot of the Leaky ReLU with negative_slope = 0.1")
    assert "weight = 2, bias = -1" in text
    assert "dashed" in text
    assert "dashed" not in ab.activation_alt_text("relu", derivative=False)


def test_fixed_layout_places_the_axes_and_later_panels_by_the_margins():
    from actbook.figures._plot import fixed_layout

    fig, ax = ab.new_figure(figsize=(6.0, 3.0))
    fixed_layout(ax, left=0.1, right=0.9, bottom=0.2, top=0.8, wspace=0.5)
    assert not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
    assert ax.get_position().bounds == pytest.approx((0.1, 0.2, 0.8, 0.6))
    left, right = ab.split_axes(ax, 2)
    # Two panels of width w with a gap of 0.5 w between them fill 0.1 .. 0.9.
    width = 0.8 / 2.5
    assert left.get_position().x0 == pytest.approx(0.1)
    assert right.get_position().x1 == pytest.approx(0.9)
    assert right.get_position().width == pytest.approx(width)
    fig.canvas.draw()  # no layout engine moves them when the frame is rendered
    assert left.get_position().x0 == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("margins", "named"),
    [
        ({"left": 1.5}, "left"),
        ({"top": np.nan}, "top"),
        ({"wspace": -0.1}, "wspace"),
        ({"left": 0.6, "right": 0.4}, "left"),
        ({"middle": 0.5}, "middle"),
    ],
)
def test_fixed_layout_refuses_bad_margins(margins, named):
    from actbook.figures._plot import fixed_layout

    with pytest.raises(ValueError, match=named):
        fixed_layout(ab.new_figure()[1], **margins)
    with pytest.raises(ValueError, match="'ax'"):
        fixed_layout("axes", left=0.1)


def test_jumps_get_a_gap_and_smooth_curves_none():
    x = np.linspace(-1.0, 1.0, 201)
    step = np.where(x >= 0, 1.0, 0.0)
    bx, by = ab.broken_at_jumps(x, step)
    (gap,) = np.flatnonzero(np.isnan(by))
    assert bx[gap - 1] < 0 <= bx[gap + 1] and by[gap - 1] == 0 and by[gap + 1] == 1
    assert len(bx) == len(x) + 1 and np.array_equal(bx[~np.isnan(by)], x)
    # Smooth curves, even steep or fast ones, and kinks are drawn unbroken.
    for curve in (np.tanh(20 * x), np.abs(x), np.sin(30 * x), 30 * np.cos(30 * x)):
        assert not np.isnan(ab.broken_at_jumps(x, curve)[1]).any()


def test_plot_activation_does_not_join_a_jump():
    fig, ax = ab.new_figure()
    function, slope = ab.plot_activation(ax, "step", xlim=(-1.0, 1.0))
    x, y = function.get_data()
    assert np.isnan(y).sum() == 1
    finite = ~np.isnan(y)
    assert set(np.unique(y[finite])) == {0.0, 1.0}  # no point between the two levels
    # ReLU's slope jumps from 0 to 1 at the kink; the function itself is unbroken.
    fig, ax = ab.new_figure()
    function, slope = ab.plot_activation(ax, "relu", xlim=(-1.0, 1.0))
    assert not np.isnan(function.get_ydata()).any()
    assert np.isnan(slope.get_ydata()).sum() == 1
