"""The figures of the hand-fitted regression: loss curves and the fit explorer."""

import actbook as ab
import numpy as np
import pytest
from actbook import diabetes_feature, fit_by_hand


@pytest.fixture(scope="module")
def data():
    return diabetes_feature("bmi")


def test_loss_curves_and_explorer_draw_what_they_say(data):
    x, y = data
    fits = [
        fit_by_hand(x, y, name, initial=[0.5, 0.1, 1.0, 0.0], iterations=20)
        for name in ("tanh", "relu")
    ]
    fig, ax = ab.new_figure()
    lines = ab.plot_loss_curves(ax, fits, reference_loss=0.66)
    assert [line.get_label() for line in lines] == ["tanh", "relu"]
    np.testing.assert_allclose(lines[0].get_ydata()[0], fits[0].loss[0])
    assert lines[0].get_xdata()[-1] == 21  # iteration + 1 on the log axis
    box = ab.hand_fit_explorer(fits, x, y, iterations=[0, 20])
    frame = box.children[-1].children[1].children[1].value  # relu, iteration 20
    assert "relu" in frame and "after 20 iterations" in frame
    with pytest.raises(ValueError, match="'iterations'"):
        ab.hand_fit_explorer(fits, x, y, iterations=[0, 21])


def test_loss_curves_figure_alt_text_gives_start_end_and_reference(data):
    x, y = data
    fits = [
        fit_by_hand(x, y, name, initial=[0.5, 0.1, 1.0, 0.0], iterations=20)
        for name in ("tanh", "relu")
    ]
    alt = ab.loss_curves_figure(fits, reference_loss=0.66, remark="Both curves fall.").alt
    starts = [fit.loss[0] for fit in fits]
    assert f"starting between {min(starts):.1f} and {max(starts):.1f}." in alt
    assert f"Final losses: tanh {fits[0].loss[-1]:.4f}, relu {fits[1].loss[-1]:.4f}." in alt
    assert alt.endswith("Both curves fall. A dotted line marks the least-squares loss 0.6600.")
    plain = ab.loss_curves_figure(fits).alt
    assert "dotted" not in plain and plain.endswith(f"relu {fits[1].loss[-1]:.4f}.")
    with pytest.raises(ValueError, match="'fits'"):
        ab.loss_curves_figure([])
