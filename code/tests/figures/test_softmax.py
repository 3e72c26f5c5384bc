"""Softmax pictures: the temperature explorer and softmax against independent sigmoids."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.figures import _softmax, _widgets
from matplotlib.patches import Rectangle


def _heights(ax):
    return [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]


def test_temperature_explorer_draws_softmax_at_each_temperature(frames, drawn):
    figures = drawn(_widgets)
    scores = np.array([2.0, 0.0, -1.0])
    box = ab.temperature_explorer(scores, ["a", "b", "c"], [0.5, 1.0, 4.0])
    slider, _ = box.children
    assert slider.index == 1 and slider.description == "temperature T"
    shown = frames(box)
    assert len(shown) == len(figures) == 3
    softmax = ab.get("softmax")
    for t, (alt, _), fig in zip([0.5, 1.0, 4.0], shown, figures, strict=True):
        (ax,) = fig.axes
        probabilities = softmax(scores, temperature=t)
        np.testing.assert_allclose(_heights(ax), probabilities)
        assert ax.get_title() == f"softmax(scores / T), T = {t:g}"
        assert alt == ab.probabilities_alt_text(
            probabilities, ["a", "b", "c"], what=f"softmax probabilities at temperature {t:g}"
        )


def test_temperature_explorer_puts_several_activations_side_by_side(frames, drawn):
    figures = drawn(_widgets)
    scores = np.array([3.0, 1.5, 1.0, -0.5])
    labels = ["a", "b", "c", "d"]
    box = ab.temperature_explorer(
        scores, labels, [0.5, 2.0], default=2.0, activations=["softmax", "sparsemax"]
    )
    slider, _ = box.children
    assert slider.value == 2.0
    shown = frames(box)
    assert len(shown) == len(figures) == 2
    softmax, sparsemax = ab.get("softmax"), ab.get("sparsemax")
    for t, (alt, _), fig in zip([0.5, 2.0], shown, figures, strict=True):
        left, right = fig.axes
        np.testing.assert_allclose(_heights(left), softmax(scores, temperature=t))
        # sparsemax has no temperature parameter: it sees scores / T.
        np.testing.assert_array_equal(_heights(right), sparsemax(scores / t))
        assert left.get_title() == f"softmax(scores / T), T = {t:g}"
        assert right.get_title() == f"sparsemax(scores / T), T = {t:g}"
        assert right.get_ylabel() == ""  # the shared axis is named once, on the left
        words = ab.probabilities_alt_text(
            sparsemax(scores / t), labels, what=f"sparsemax probabilities at temperature {t:g}"
        )
        assert alt.startswith("2 bar charts side by side, left to right. Bar chart of softmax")
        assert alt.endswith(words)
    # At T = 0.5 sparsemax is one-hot: three exact zeros, where softmax has none.
    assert np.count_nonzero(_heights(figures[0].axes[1])) == 1
    with pytest.raises(ValueError, match=r"'activations'.*relu is elementwise"):
        ab.temperature_explorer(scores, labels, [1.0], activations=["softmax", "relu"])


def test_softmax_and_sigmoids_side_by_side(drawn):
    figures = drawn(_softmax)
    scores = [2.0, -1.0, 0.5]
    picture = ab.softmax_vs_sigmoids_figure(scores, ["cat", "dog", "sky"])
    left, right = figures[0].axes
    exclusive, independent = ab.get("softmax")(np.array(scores)), ab.get("sigmoid")(scores)
    np.testing.assert_allclose(_heights(left), exclusive)
    np.testing.assert_allclose(_heights(right), independent)
    assert left.get_title() == "softmax: one label (sum 1.00)"
    assert right.get_title() == f"sigmoids: several labels (sum {independent.sum():.2f})"
    assert "the same scores, 2, -1 and 0.5, for cat, dog and sky." in picture.alt
    assert f"cat {exclusive[0]:.2f}, dog {exclusive[1]:.2f}, sky {exclusive[2]:.2f}" in picture.alt
    assert picture.alt.endswith(f"summing to {independent.sum():.2f}.")


def test_scores_and_labels_must_match():
    with pytest.raises(ValueError, match="'scores' and 'labels'"):
        ab.softmax_vs_sigmoids_figure([1.0, 2.0], ["one"])
    with pytest.raises(ValueError, match="'scores' and 'labels'"):
        ab.temperature_explorer([[1.0]], ["one"], [1.0])
