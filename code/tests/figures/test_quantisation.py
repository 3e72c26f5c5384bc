"""Integer-code pictures are tested on what they draw: staircase heights and edges, errors."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest


@pytest.fixture(scope="module")
def eight_bit():
    inputs, outputs = ab.sigmoid_quantisers(8)
    table = ab.lookup_activation("sigmoid", inputs, outputs)
    return table, ab.integer_hard_sigmoid(inputs, outputs)


def test_plot_quantised_draws_the_table_as_a_staircase_over_the_rounding_cells(eight_bit):
    table, _ = eight_bit
    fig, ax = ab.new_figure()
    steps, line = ab.plot_quantised(ax, table)
    values, edges = steps.get_data().values, steps.get_data().edges
    np.testing.assert_array_equal(values, table.output.dequantise(table.table))
    assert edges.size == values.size + 1
    assert (edges[0], edges[-1]) == (table.input.low, table.input.high)
    np.testing.assert_allclose(np.diff(edges)[1:-1], table.input.scale)
    x, y = line.get_data()
    np.testing.assert_array_equal(y, ab.get("sigmoid")(x))
    title = ax.get_title()
    assert "256-entry lookup table" in title and f"{table.levels} output levels" in title
    assert f"{table.max_error():.3g}" in title
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Logistic sigmoid", "Logistic sigmoid, 8-bit codes"]


def test_quantised_alt_text_gives_the_numbers(eight_bit):
    _, integer = eight_bit
    text = ab.quantised_alt_text(integer)
    assert text.startswith("Staircase plot of the Hard sigmoid, 8-bit codes")
    assert "integer multiply" in text and f"{integer.levels} distinct output levels" in text
    assert f"{integer.max_error('sigmoid'):.3g}" in text


def test_plot_quantisation_error_draws_one_error_curve_each(eight_bit):
    fig, ax = ab.new_figure()
    lines = ab.plot_quantisation_error(ax, list(eight_bit))
    assert len(lines) == 2
    for line, integer in zip(lines, eight_bit, strict=True):
        x, y = line.get_data()
        np.testing.assert_allclose(y, np.abs(integer(x) - ab.get("sigmoid")(x)))
        assert y.max() <= integer.max_error("sigmoid") * (1 + 1e-12)
    assert lines[0].get_color() != lines[1].get_color()
    assert ax.get_ylim()[0] == 0
    with pytest.raises(ValueError, match="integers"):
        ab.plot_quantisation_error(ax, [])


def test_quantisation_explorer_has_a_bits_slider_and_activation_buttons():
    box = ab.quantisation_explorer(bits=[4, 8])
    slider, buttons, pictures = box.children
    assert isinstance(slider, widgets.SelectionSlider) and slider.value == 8
    assert [label for label, _ in buttons.options] == ["sigmoid", "hard_sigmoid"]
    frames = [f.value for s in pictures.children for f in s.children]
    assert len(frames) == 4
    assert "4-bit codes" in frames[0] and "lookup table" in frames[0]
    assert "8-bit codes" in frames[3] and "integer multiply" in frames[3]
