"""The spectral-bias pictures draw the recorded numbers: error curves, fits, bars, tables."""

from __future__ import annotations

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest


@pytest.fixture(scope="module")
def fits():
    return ab.spectral_bias(hidden=(8,), steps=20, record_every=5, frequencies=(1, 4))


def test_plot_spectral_errors_draws_one_log_curve_per_frequency(fits):
    fig, ax = ab.new_figure()
    ab.plot_spectral_errors(ax, fits["relu"], level=0.2)
    curves = ax.get_lines()
    assert len(curves) == 3  # two frequencies and the level
    for line, column in zip(curves[:2], fits["relu"].errors.T, strict=True):
        np.testing.assert_array_equal(line.get_xdata(), fits["relu"].steps)
        np.testing.assert_array_equal(line.get_ydata(), column)
    assert list(curves[2].get_ydata()) == [0.2, 0.2]
    assert ax.get_yscale() == "log"
    assert ax.get_title() == "ReLU network"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["k = 1", "k = 4"]


def test_spectral_errors_figure_reports_the_numbers(fits):
    picture = ab.spectral_errors_figure(fits, level=0.5)
    assert isinstance(picture, ab.Picture) and picture.png.startswith(b"\x89PNG")
    relu, siren = fits["relu"], fits["sine"]
    assert "frequencies k = 1, 4" in picture.alt and "dashed line at 0.5" in picture.alt
    for fit in (relu, siren):
        reached = fit.steps_to(0.5)
        word = f"at step {reached[0]}" if reached[0] is not None else "never"
        assert f"{fit.label}: the error falls to 0.5 for k = 1 {word}" in picture.alt
        assert f"after 20 steps the errors are {fit.errors[-1][0]:.2f}" in picture.alt


def test_plot_spectral_fit_and_bars_show_one_recorded_step(fits):
    fig, (left, right) = ab.new_figure(1, 2)
    fit = fits["sine"]
    ab.plot_spectral_fit(left, fit, 10)
    signal, network = left.get_lines()
    np.testing.assert_array_equal(signal.get_ydata(), fit.target)
    np.testing.assert_array_equal(network.get_ydata(), fit.predictions[2])
    assert left.get_title() == "SIREN, ω₀ = 30, step 10"
    ab.plot_spectral_bars(right, fit, 10)
    heights = [bar.get_height() for bar in right.patches]
    np.testing.assert_allclose(heights, np.minimum(fit.errors[2], 1.2))
    assert [t.get_text() for t in right.get_xticklabels()] == ["1", "4"]
    with pytest.raises(ValueError, match="recorded step"):
        ab.plot_spectral_bars(right, fit, 7)


def test_spectral_explorer_has_a_frame_per_network_and_step(fits):
    box = ab.spectral_explorer(fits, steps=[0, 10, 20])
    network, step, pictures = box.children
    assert isinstance(network, widgets.ToggleButtons)
    assert [label for label, _ in network.options] == ["ReLU network", "SIREN, ω₀ = 30"]
    assert isinstance(step, widgets.SelectionSlider) and step.value == 20
    frames = [frame for stack in pictures.children for frame in stack.children]
    assert len(frames) == 6
    alt = frames[1].value.split('alt="')[1].split('"')[0]
    errors = fits["relu"].errors[2]
    assert "ReLU network&#x27;s output after 10 training steps" in alt
    assert f"k = 1: {errors[0]:.2f}, k = 4: {errors[1]:.2f}" in alt
    with pytest.raises(ValueError, match="recorded step"):
        ab.spectral_explorer(fits, steps=[3])


def test_spectral_markdown_tabulates_when_each_frequency_was_learnt(fits):
    table = ab.spectral_markdown(fits, level=0.9).text.splitlines()
    assert table[0] == "| network | k = 1 | k = 4 | loss at the end |"
    for line, fit in zip(table[2:], fits.values(), strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        expected = [str(s) if s is not None else "not in 20" for s in fit.steps_to(0.9)]
        assert cells[0] == fit.label and cells[1:3] == expected
        assert cells[3] == f"{fit.losses[-1]:.2g}"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda f: ab.plot_spectral_errors(None, f["relu"]), "ax"),
        (lambda f: ab.plot_spectral_errors(ab.new_figure()[1], {"relu": 1}), "fit"),
        (lambda f: ab.spectral_errors_figure({}), "fits"),
        (lambda f: ab.spectral_errors_figure(f, level=0), "level"),
        (lambda f: ab.spectral_markdown([f["relu"]]), "fits"),
        (lambda f: ab.spectral_explorer(f, steps="10"), "steps"),
    ],
)
def test_bad_arguments_are_refused(fits, call, message):
    with pytest.raises(ValueError, match=message):
        call(fits)
