"""The picture of the zero counts: what the bars, dots and ticks show, and the words."""

from __future__ import annotations

import html

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle


@pytest.fixture(scope="module")
def sweep(moons):
    return ab.sparsity_sweep(
        moons,
        ["relu", "hardshrink", "gelu"],
        [0, 1, 2],
        hidden=(8, 8),
        epochs=3,
        batch_size=16,
        optimizer=ab.Adam(0.02),
    )


def _bars(ax, color):
    return [
        p
        for p in ax.patches
        if isinstance(p, Rectangle) and to_rgba(p.get_facecolor()) == to_rgba(color)
    ]


@pytest.mark.parametrize("measure", ["zero_fraction", "small_fraction"])
def test_bars_show_the_mean_and_its_silent_part(sweep, measure):
    fig, ax = ab.new_figure()
    ab.plot_zero_fractions(ax, sweep, measure=measure)
    values = getattr(sweep, measure)
    grey = _bars(ax, ab.COLORS["muted"])
    first = _bars(ax, ab.COLORS["function"])
    second = _bars(ax, ab.COLORS["reference"])
    assert len(grey) == 6 and len(first) == len(second) == 3  # activations x layers
    for i in range(3):
        for layer, coloured in enumerate([first, second]):
            silent = grey[3 * layer + i]
            assert silent.get_width() == pytest.approx(
                sweep.always_zero_fraction[i, :, layer].mean()
            )
            # The coloured part starts where the grey one ends and ends at the mean.
            assert coloured[i].get_x() == pytest.approx(silent.get_width())
            assert coloured[i].get_x() + coloured[i].get_width() == pytest.approx(
                values[i, :, layer].mean()
            )


def test_one_dot_per_seed_and_a_tick_before_training(sweep):
    fig, ax = ab.new_figure()
    ab.plot_zero_fractions(ax, sweep)
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(dots) == 2 * 3  # layers x seeds, each across the activations
    drawn = sorted(float(v) for line in dots for v in line.get_xdata())
    np.testing.assert_allclose(drawn, np.sort(sweep.zero_fraction.ravel()))
    ticks = [line for line in ax.lines if line.get_marker() == "|"]
    np.testing.assert_allclose(
        np.concatenate([t.get_xdata() for t in ticks]),
        sweep.initial_zero_fraction.mean(axis=1).T.ravel(),
    )


def test_axes_name_the_activations_and_the_quantity(sweep):
    fig, ax = ab.new_figure()
    ab.plot_zero_fractions(ax, sweep, measure="small_fraction")
    assert [t.get_text() for t in ax.get_yticklabels()] == list(sweep.labels)
    assert "0.01" in ax.get_xlabel() and "test set" in ax.get_xlabel()
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first activation on top
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"layer 1", "layer 2", "one seed", "units 0 on every input"} <= set(labels)
    fig, ax = ab.new_figure()
    ab.plot_zero_fractions(ax, sweep)
    assert "exactly 0" in ax.get_xlabel()
    with pytest.raises(ValueError, match="measure"):
        ab.plot_zero_fractions(ax, sweep, measure="dead")


def test_alt_text_gives_every_number_drawn(sweep):
    text = ab.zero_fraction_alt_text(sweep)
    for i, label in enumerate(sweep.labels):
        assert f"{label}: layer 1 {sweep.zero_fraction[i, :, 0].mean():.0%}" in text
        assert f"layer 2 {sweep.zero_fraction[i, :, 1].mean():.0%}" in text
    assert "3 seeds" in text
    assert "|a| ≤ 0.01" in ab.zero_fraction_alt_text(sweep, measure="small_fraction")


def test_explorer_toggles_between_the_two_counts(sweep):
    box = ab.zero_fraction_explorer(sweep)
    (toggle,) = [w for w in box.children if isinstance(w, widgets.ToggleButtons)]
    assert [label for label, _ in toggle.options] == ["exactly 0", "|a| ≤ 0.01"]
    stack = box.children[-1]
    assert isinstance(stack, widgets.Stack) and len(stack.children) == 2
    frames = [child.value for child in stack.children]
    assert html.escape(ab.zero_fraction_alt_text(sweep)) in frames[0]
    assert frames[0] != frames[1]


# -- denoising ---------------------------------------------------------------------------
CLEAN = np.array([0.0, 3.0, 0.0, 0.0, -2.0, 0.0])
NOISY = CLEAN + np.array([0.2, -0.4, -0.3, 0.6, 0.1, -0.1])


@pytest.mark.parametrize("shrink", ["softshrink", "hardshrink"])
def test_denoising_draws_the_three_signals_and_the_band(shrink):
    fig, ax = ab.new_figure()
    estimate = ab.plot_denoising(ax, CLEAN, NOISY, shrink, 0.5)
    np.testing.assert_array_equal(estimate, ab.get(shrink)(NOISY, lambd=0.5))
    noisy, clean, drawn = ax.lines
    np.testing.assert_array_equal(noisy.get_ydata(), NOISY)
    np.testing.assert_array_equal(clean.get_ydata(), CLEAN)
    np.testing.assert_array_equal(drawn.get_ydata(), estimate)
    # Noise below the threshold becomes exactly 0; the two spikes and the one noise
    # value above the threshold (0.6 at index 3) survive.
    assert np.flatnonzero(estimate).tolist() == [1, 3, 4]
    (band,) = ax.patches  # the band [-0.5, 0.5] in data units
    assert band.get_y() == pytest.approx(-0.5) and band.get_height() == pytest.approx(1.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["noisy", "clean", shrink]


def test_denoising_rejects_bad_arguments():
    fig, ax = ab.new_figure()
    with pytest.raises(ValueError, match="shrink"):
        ab.plot_denoising(ax, CLEAN, NOISY, "tanhshrink", 0.5)
    with pytest.raises(ValueError, match="clean"):
        ab.plot_denoising(ax, CLEAN, NOISY[:-1], "softshrink", 0.5)
    with pytest.raises(ValueError, match="threshold"):
        ab.plot_denoising(ax, CLEAN, NOISY, "softshrink", -1.0)
    with pytest.raises(ValueError, match="noisy"):
        ab.plot_denoising(ax, CLEAN, np.where(CLEAN == 0, np.nan, NOISY), "softshrink", 0.5)
    with pytest.raises(ValueError, match="'ax'"):
        ab.plot_denoising(None, CLEAN, NOISY, "softshrink", 0.5)
    with pytest.raises(ValueError, match="thresholds"):
        ab.denoising_explorer(CLEAN, NOISY, [-0.5, 1.0])
    with pytest.raises(ValueError, match="thresholds"):
        ab.denoising_explorer(CLEAN, NOISY, 0.5)
    with pytest.raises(ValueError, match="reference"):
        ab.denoising_explorer(CLEAN, NOISY, [0.5], reference=np.inf)
    with pytest.raises(ValueError, match="figsize"):
        ab.denoising_explorer(CLEAN, NOISY, [0.5], figsize=(0.0, 3.0))


def test_sweep_pictures_refuse_what_is_not_a_sweep(sweep):
    fig, ax = ab.new_figure()
    for call in (
        lambda: ab.plot_zero_fractions(ax, {"relu": 0.5}),
        lambda: ab.zero_fraction_alt_text(None),
        lambda: ab.zero_fraction_explorer("sweep"),
        lambda: ab.zero_fraction_markdown([sweep]),
    ):
        with pytest.raises(ValueError, match="'sweep'"):
            call()
    with pytest.raises(ValueError, match="'ax'"):
        ab.plot_zero_fractions(fig, sweep)
    with pytest.raises(ValueError, match="measure"):
        ab.zero_fraction_alt_text(sweep, measure=["zero_fraction"])
    with pytest.raises(ValueError, match="figsize"):
        ab.zero_fraction_explorer(sweep, figsize=(6.4,))


def test_denoising_explorer_frames_show_the_error_of_each_choice():
    box = ab.denoising_explorer(CLEAN, NOISY, [0.25, 0.5, 1.0], reference=0.5)
    toggle, slider, stack = box.children
    assert isinstance(toggle, widgets.ToggleButtons)
    assert [label for label, _ in toggle.options] == ["softshrink", "hardshrink"]
    assert isinstance(slider, widgets.SelectionSlider)
    assert [label for label, _ in slider.options] == ["0.25", "0.50", "1.00"]
    frames = [frame.value for inner in stack.children for frame in inner.children]
    assert len(frames) == 6
    hard = ab.get("hardshrink")(NOISY, lambd=1.0)
    error = np.sqrt(np.mean((hard - CLEAN) ** 2))
    kept = np.count_nonzero(hard)
    assert f"hardshrink estimate with threshold 1.00, which keeps {kept} entries" in frames[5]
    assert f"RMS error {error:.3f}" in frames[5]
    assert "dotted line at 0.50" in frames[0]


def test_table_has_one_row_per_activation_with_the_sweep_numbers(sweep):
    text = ab.zero_fraction_markdown(sweep).text
    lines = text.splitlines()
    assert lines[0].startswith("| activation | exactly 0, layer 1 | exactly 0, layer 2 |")
    assert r"\|a\| ≤ 0.01" in lines[0]  # the pipes of |a| escaped for the table
    assert len(lines) == 2 + len(sweep.labels)
    relu = sweep.of("relu")
    z = relu["zero_fraction"][:, 0]
    expected = f"{z.mean():.0%} ({z.min() * 100:.0f}–{z.max():.0%})"
    assert lines[2].startswith(f"| relu | {expected} |")
    a = relu["test_accuracy"]
    assert lines[2].endswith(f"| {a.mean():.1%} ({a.min() * 100:.1f}–{a.max():.1%}) |")
    assert f"| {relu['initial_zero_fraction'].mean():.0%} |" in lines[2]


def test_table_of_a_hand_made_sweep():
    shares = np.array([[[0.1, 0.5], [0.4, 0.3]]])  # one activation, two seeds, two layers
    sweep = ab.SparsitySweep(
        labels=("relu",),
        seeds=(0, 1),
        tolerance=0.05,
        zero_fraction=shares,
        always_zero_fraction=np.full_like(shares, 0.25),
        small_fraction=2 * shares,
        initial_zero_fraction=np.full_like(shares, 0.5),
        test_accuracy=np.array([[0.9, 0.95]]),
    )
    row = ab.zero_fraction_markdown(sweep).text.splitlines()[2]
    assert row == "| relu | 25% (10–40%) | 40% (30–50%) | 25% | 65% | 50% | 92.5% (90.0–95.0%) |"
