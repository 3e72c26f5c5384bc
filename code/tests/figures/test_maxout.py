"""The maxout picture draws the target, every learnt line and their maximum."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest


@pytest.fixture(scope="module")
def fits():
    return ab.maxout_fits(["softplus", "gaussian"], pieces=(1, 3), steps=200)


def test_plot_maxout_fit_draws_target_lines_and_envelope(fits):
    fig, ax = ab.new_figure()
    fit = fits[("softplus", 3)]
    ab.plot_maxout_fit(ax, fit)
    target, *pieces, envelope = ax.get_lines()[2:]  # after the two axis lines
    np.testing.assert_array_equal(target.get_ydata(), fit.target)
    assert len(pieces) == 3
    x = envelope.get_xdata()
    for j, line in enumerate(pieces):
        np.testing.assert_allclose(line.get_ydata(), fit.slopes[j] * x + fit.intercepts[j])
        assert line.get_linestyle() == "--"
    np.testing.assert_allclose(envelope.get_ydata(), fit.predict(x))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "Softplus"
    assert labels[-1] == f"maxout of 3, largest error {fit.max_error:.2g}"


def test_dead_lines_are_dotted_and_counted_in_the_alt_text(fits):
    fit = fits[("gaussian", 3)]
    assert np.count_nonzero(fit.wins) == 1
    fig, ax = ab.new_figure()
    ab.plot_maxout_fit(ax, fit)
    styles = [line.get_linestyle() for line in ax.get_lines()[3:6]]
    assert sorted(styles) == ["--", ":", ":"]
    text = ab.maxout_alt_text(fit)
    assert text.startswith("Plot of the Gaussian in grey for x from -4 to 4")
    assert "the maximum of 3 learnt lines" in text
    assert "only 1 of the lines is ever the maximum" in text
    assert "1 learnt line," in ab.maxout_alt_text(fits[("gaussian", 1)])


def test_maxout_explorer_offers_targets_and_pieces(fits):
    box = ab.maxout_explorer(fits)
    target, pieces, pictures = box.children
    assert isinstance(target, widgets.ToggleButtons)
    assert [label for label, _ in target.options] == ["softplus", "gaussian"]
    assert isinstance(pieces, widgets.SelectionSlider) and pieces.value == 3
    frames = [frame for stack in pictures.children for frame in stack.children]
    assert len(frames) == 4
    assert "maximum of 1 learnt line" in frames[0].value


def test_bad_arguments_are_refused(fits):
    with pytest.raises(ValueError, match="ax"):
        ab.plot_maxout_fit("ax", fits[("softplus", 1)])
    with pytest.raises(ValueError, match="fit"):
        ab.maxout_alt_text(3)
    with pytest.raises(ValueError, match="lacks"):
        ab.maxout_explorer({key: fit for key, fit in fits.items() if key != ("gaussian", 3)})
    with pytest.raises(ValueError, match="fits"):
        ab.maxout_explorer([])
    with pytest.raises(ValueError, match="ylim"):
        ab.plot_maxout_fit(ab.new_figure()[1], fits[("softplus", 1)], ylim=(1, 1))
