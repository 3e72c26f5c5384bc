"""The pictures of the Part III experiments: what the plots and explorers draw."""

from __future__ import annotations

import math
import warnings

import actbook as ab
import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.contour import ContourSet


def _frames(box):
    found = []

    def walk(widget):
        if isinstance(widget, widgets.HTML):
            found.append(widget.value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(box)
    return found


def test_split_axes_gives_panels_in_the_same_figure():
    fig, ax = ab.new_figure()
    panels = ab.split_axes(ax, 3, width_ratios=(1, 2, 1))
    assert len(panels) == 3 and panels[0] is ax
    assert all(p.figure is fig for p in panels)
    lefts = [p.get_position().x0 for p in panels]
    assert lefts == sorted(lefts)


def test_decision_regions_draw_every_class_and_report_accuracy(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["relu"].model
    accuracy = ab.plot_decision_regions(ax, model, moons, resolution=20)
    assert accuracy == pytest.approx(np.mean(model.predict(moons.x_train) == moons.y_train))
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(scatters) == moons.n_classes  # one colour and marker per class
    assert sum(len(c.get_offsets()) for c in scatters) == len(moons.x_train)


def _contours(ax):
    """The filled and the line contour sets drawn on ``ax``, in that order."""
    sets = [c for c in ax.collections if isinstance(c, ContourSet)]
    return [c for c in sets if c.filled], [c for c in sets if not c.filled]


def _scatters(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def test_decision_regions_default_is_a_bare_panel_with_class_boundaries(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    filled, lines = _contours(ax)
    assert [list(c.levels) for c in filled] == [[-0.5, 0.5, 1.5]]  # predicted classes
    assert [list(c.levels) for c in lines] == [[0.5]]  # one indicator for two classes
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert ax.get_xlabel() == ax.get_ylabel() == ax.get_title() == ""


def test_decision_regions_draw_probability_contours(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["tanh"].model
    ab.plot_decision_regions(ax, model, moons, resolution=20, probability_levels=[0.75, 0.5])
    filled, (lines,) = _contours(ax)
    assert [list(c.levels) for c in filled] == [[0.0, 0.5, 1.0]]  # shading split at 0.5
    assert list(lines.levels) == [0.5, 0.75]
    solid, dashed = lines.get_linestyles()
    assert solid[1] is None and dashed[1] is not None  # the boundary solid, the rest dashed
    # The 0.5 contour is the decision boundary: it separates the predicted classes.
    xx, yy, points = ab.decision_grid(moons.x_train, resolution=20)
    proba = model.predict_proba(points)[:, 1]
    assert np.array_equal(proba > 0.5, model.predict(points) == 1)


@pytest.mark.parametrize(
    ("points", "n_scatters", "hollow"), [("train", 2, 0), ("test", 2, 0), ("both", 4, 2)]
)
def test_decision_regions_draw_the_chosen_points(moons, runs, points, n_scatters, hollow):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20, points=points)
    scatters = _scatters(ax)
    assert len(scatters) == n_scatters
    expected = {
        "train": len(moons.x_train),
        "test": len(moons.x_test),
        "both": len(moons.x_train) + len(moons.x_test),
    }[points]
    assert sum(len(c.get_offsets()) for c in scatters) == expected
    # With both, the test points are the hollow ones (no face colour).
    assert sum(len(c.get_facecolors()) == 0 for c in scatters) == hollow
    if points == "test":
        drawn = np.concatenate([c.get_offsets() for c in scatters])
        assert np.allclose(np.sort(drawn, axis=0), np.sort(moons.x_test, axis=0))


def test_decision_regions_marker_size(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    assert {float(s) for c in _scatters(ax) for s in c.get_sizes()} == {9.0}
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(
        ax, runs["relu"].model, moons, resolution=20, points="both", marker_size=14
    )
    assert {float(s) for c in _scatters(ax) for s in c.get_sizes()} == {14.0}


def test_decision_regions_labels_and_title(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(
        ax,
        runs["relu"].model,
        moons,
        resolution=20,
        axis_labels=("$x_1$", "$x_2$"),
        title="relu",
    )
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("$x_1$", "$x_2$", "relu")
    assert len(ax.get_xticks()) > 0 and len(ax.get_yticks()) > 0  # labelled axes keep ticks


def test_decision_regions_colour_classes_from_the_book_palette(moons, runs):
    fig, ax = ab.new_figure()
    ab.plot_decision_regions(ax, runs["relu"].model, moons, resolution=20)
    expected = [to_rgba(ab.COLORS["function"]), to_rgba(ab.COLORS["derivative"])]
    assert [tuple(c.get_facecolors()[0]) for c in _scatters(ax)] == expected


def test_decision_regions_reject_bad_options(moons, runs):
    fig, ax = ab.new_figure()
    model = runs["relu"].model
    with pytest.raises(ValueError, match="'points'"):
        ab.plot_decision_regions(ax, model, moons, resolution=20, points="validation")
    for levels in ([], [0.0], [0.5, 1.0]):
        with pytest.raises(ValueError, match="'probability_levels'"):
            ab.plot_decision_regions(ax, model, moons, resolution=20, probability_levels=levels)
    spiral = ab.make_dataset("spiral", 60, seed=0)
    three = ab.MLP((2, 4, 3), seed=0)
    with pytest.raises(ValueError, match="two classes"):
        ab.plot_decision_regions(ax, three, spiral, resolution=20, probability_levels=[0.5])


def test_plot_curves_highlights_one_up_to_an_epoch():
    fig, ax = ab.new_figure()
    curves = {"a": [1.0, 0.5, 0.25, 0.1], "b": [1.0, 0.9, 0.8, 0.7]}
    ab.plot_curves(ax, curves, highlight="a", upto=2)
    grey, line, dot = ax.get_lines()
    assert grey.get_ydata().tolist() == curves["b"]
    assert line.get_xdata().tolist() == [0, 1, 2]
    assert dot.get_ydata().tolist() == [0.25]
    assert ax.get_yscale() == "log"


def test_plot_curves_without_highlight_has_a_legend():
    fig, ax = ab.new_figure()
    ab.plot_curves(ax, {"a": [1, 2], "b": [2, 3]}, log=False, legend=True)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


@pytest.mark.parametrize(("spread", "low", "high"), [("minmax", 1.0, 3.0), ("std", 1.0, 3.0)])
def test_plot_band_draws_mean_and_spread(spread, low, high):
    fig, ax = ab.new_figure()
    curves = np.array([[1.0, 1.0], [3.0, 3.0]])
    ab.plot_band(ax, curves, label="x", color="#000000", spread=spread)
    (line,) = ax.get_lines()
    assert line.get_ydata().tolist() == [2.0, 2.0]
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(low) and band.max() == pytest.approx(high)
    with pytest.raises(ValueError, match="spread"):
        ab.plot_band(ax, curves, label="x", color="#000000", spread="iqr")


def test_boundary_explorer_has_one_frame_per_activation_and_epoch(moons, runs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        box = ab.boundary_explorer(moons, runs, [0, 3, 6], resolution=20)
    frames = _frames(box)
    assert len(frames) == 3 * 3
    assert all('alt="' in f and "<img" in f for f in frames)
    assert "after 6 epochs" in frames[-1] and "leaky_relu(0.1)" in frames[-1]


def test_dead_unit_explorer_has_one_frame_per_rate_and_epoch(moons):
    relu = {r: ab.dead_unit_run(moons, "relu", r, hidden=(4, 4), epochs=2) for r in (0.1, 1.0)}
    leaky = {
        r: ab.dead_unit_run(moons, "leaky_relu", r, hidden=(4, 4), epochs=2) for r in (0.1, 1.0)
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        box = ab.dead_unit_explorer(relu, [0, 1, 2], compare=leaky)
    frames = _frames(box)
    assert len(frames) == 2 * 3
    assert "learning rate 0.1" in frames[0] and "layer 2" in frames[0]
    assert "leaky_relu" in frames[0]


def test_series_colors_match_plot_curves():
    fig, ax = ab.new_figure()
    curves = {"a": [1, 2], "b": [2, 3], "c": [3, 4]}
    ab.plot_curves(ax, curves, log=False)
    colors = ab.series_colors(list(curves))
    assert [line.get_color() for line in ax.get_lines()] == [colors[k] for k in curves]
    assert len(set(colors.values())) == 3


def test_learning_curves_draw_loss_and_accuracy_per_run(runs):
    fig, (loss_ax, accuracy_ax) = ab.new_figure(1, 2)
    ab.plot_learning_curves((loss_ax, accuracy_ax), runs, accuracy_range=(0.4, 1.0))
    assert [line.get_ydata().tolist() for line in loss_ax.get_lines()] == [
        run.train_loss.tolist() for run in runs.values()
    ]
    assert [line.get_ydata().tolist() for line in accuracy_ax.get_lines()] == [
        run.test_accuracy.tolist() for run in runs.values()
    ]
    assert loss_ax.get_yscale() == "log" and accuracy_ax.get_yscale() == "linear"
    assert accuracy_ax.get_ylim() == (0.4, 1.0)
    assert accuracy_ax.get_ylabel() == "test accuracy"
    assert [t.get_text() for t in accuracy_ax.get_legend().get_texts()] == list(runs)


def test_learning_curves_alt_text_names_the_fastest_and_slowest_and_the_accuracies(runs):
    picture = ab.learning_curves_figure(runs, accuracy_range=(0.4, 1.0), early_epoch=2)
    early = {label: run.train_loss[2] for label, run in runs.items()}
    assert f"falling fastest for {min(early, key=early.get)} early on" in picture.alt
    assert f"slowest for {max(early, key=early.get)}." in picture.alt
    assert "over 6 epochs" in picture.alt and "between 0.4 and 1;" in picture.alt
    for label, run in runs.items():
        assert f"{label} {run.test_accuracy[-1]:.1%}" in picture.alt
    assert "between" not in ab.learning_curves_figure(runs).alt  # no limits, none quoted
    with pytest.raises(ValueError, match="'early_epoch'"):
        ab.learning_curves_figure(runs, early_epoch=7)


@pytest.fixture(scope="module")
def sweep(moons):
    return ab.seed_sweep(moons, ["relu", "tanh"], [0, 1, 2], hidden=(4,), epochs=3)


def test_seed_bands_draw_a_mean_and_a_band_per_activation(sweep):
    fig, (loss_ax, accuracy_ax) = ab.new_figure(1, 2)
    ab.plot_seed_bands((loss_ax, accuracy_ax), sweep, accuracy_range=(0.2, 1.0))
    colors = ab.series_colors(list(sweep))
    for ax, curve in ((loss_ax, "train_loss"), (accuracy_ax, "test_accuracy")):
        lines = ax.get_lines()
        assert [line.get_label() for line in lines] == list(sweep)
        for line, label in zip(lines, sweep, strict=True):
            np.testing.assert_allclose(line.get_ydata(), sweep[label][curve].mean(axis=0))
            assert line.get_color() == colors[label]
        assert len(ax.collections) == len(sweep)  # one band each
        assert ax.get_xlabel() == "epoch"
    assert loss_ax.get_yscale() == "log" and accuracy_ax.get_ylim() == (0.2, 1.0)
    assert [t.get_text() for t in accuracy_ax.get_legend().get_texts()] == list(sweep)
    assert not accuracy_ax.get_legend().get_frame_on()  # the book's style: no frame


def test_seed_bands_alt_text_counts_seeds_and_gives_each_spread(sweep):
    picture = ab.seed_bands_figure(
        sweep, accuracy_range=(0.2, 1.0), loss_remark="tanh lies below", accuracy_remark="close"
    )
    assert picture.alt.startswith("Two panels, mean over three seeds as a line")
    assert "log scale; tanh lies below. Right: test accuracy from 0.2 to 1; close." in picture.alt
    for label, curves in sweep.items():
        final = curves["test_accuracy"][:, -1]
        assert f"{label} {final.max() - final.min():.1%}" in picture.alt
    plain = ab.seed_bands_figure(sweep).alt
    assert "log scale. Right: test accuracy. Final spread" in plain


def test_training_runs_table_gives_the_end_points(runs):
    lines = ab.training_runs_markdown(runs, target=0.5).text.splitlines()
    assert lines[0] == "| activation | test accuracy | training loss | epochs to 50 % |"
    assert len(lines) == 2 + len(runs)
    run = runs["tanh"]
    reached = ab.epochs_to_reach(run.test_accuracy, 0.5)
    expected = f"| tanh | {run.test_accuracy[-1]:.1%} | {run.train_loss[-1]:.3f} | {reached} |"
    assert lines[2] == expected
    never = ab.training_runs_markdown(runs, target=1.01).text.splitlines()
    assert all(line.endswith("| never |") for line in never[2:])


def test_training_runs_table_of_several_problems_on_the_training_points(runs):
    text = ab.training_runs_markdown(
        {"a": runs, "b": runs}, target=0.5, reached_on="train", decimals=0, loss=False
    ).text
    lines = text.splitlines()
    assert lines[0] == "| problem | activation | test accuracy | epochs to 50 % (train) |"
    assert len(lines) == 2 + 2 * len(runs)
    run = runs["relu"]
    reached = ab.epochs_to_reach(run.train_accuracy, 0.5)
    assert f"| b | relu | {run.test_accuracy[-1]:.0%} | {reached} |" in lines
    with pytest.raises(ValueError, match="'reached_on'"):
        ab.training_runs_markdown(runs, reached_on="validation")


def test_seed_sweep_table_gives_mean_spread_and_epochs_to_target():
    sweep = {
        "fast": {"test_accuracy": np.array([[0.5, 0.96, 0.97], [0.5, 0.9, 0.99]])},
        "slow": {"test_accuracy": np.array([[0.5, 0.6, 0.7], [0.5, 0.7, 0.9]])},
    }
    lines = ab.seed_sweep_markdown(sweep, target=0.95).text.splitlines()
    assert lines[0] == (
        "| activation | test accuracy (mean ± sd) | worst to best seed "
        "| seeds reaching 95 % | epochs to 95 % |"
    )
    sd = np.std([0.97, 0.99], ddof=1)
    assert lines[2] == f"| fast | 98.0% ± {sd:.1%} | 97.0% to 99.0% | 2 of 2 | 1 to 2 |"
    assert lines[3] == "| slow | 80.0% ± 14.1% | 70.0% to 90.0% | 0 of 2 | never |"


def _dead_run(label, rate, dead_fraction, accuracy):
    dead = np.zeros((2, 10), dtype=bool)
    dead[-1, : round(10 * dead_fraction)] = True
    return ab.DeadUnitRun(label, rate, dead, (5, 5), np.array([0.1, accuracy]))


def test_dead_unit_table_gives_mean_and_range_and_counts_diverged_runs():
    relu = {
        0.1: [_dead_run("relu", 0.1, 0.0, 0.9), _dead_run("relu", 0.1, 0.2, 0.95)],
        1.0: [_dead_run("relu", 1.0, 0.9, math.nan), _dead_run("relu", 1.0, 1.0, 0.1)],
    }
    leaky = {
        0.1: [_dead_run("leaky_relu", 0.1, 0.0, 0.92)] * 2,
        1.0: [_dead_run("leaky_relu", 1.0, 0.0, math.nan)] * 2,
    }
    lines = ab.dead_unit_markdown(relu, leaky).text.splitlines()
    assert lines[0] == (
        "| learning rate | ReLU: dead units | ReLU: test accuracy | leaky ReLU: test accuracy |"
    )
    assert lines[2] == "| 0.1 | 10% (0% to 20%) | 92.5% (90.0% to 95.0%) | 92.0% (92.0% to 92.0%) |"
    assert lines[3] == "| 1 | 95% (90% to 100%) | 10.0% (10.0% to 10.0%) (1 diverged) | diverged |"
    named = ab.dead_unit_markdown(relu, leaky, names=("a", "b")).text
    assert "| a: dead units | a: test accuracy | b: test accuracy |" in named
    with pytest.raises(ValueError, match="'compare'"):
        ab.dead_unit_markdown(relu, {0.1: leaky[0.1]})


def _trace():
    # unit 0 alive throughout, unit 1 dies in one large step, unit 2 tips over from 0.5
    return np.array(
        [[1.0, 3.0, 0.5], [1.5, 3.2, 0.4], [1.2, -2.0, 0.3], [1.1, -2.0, -0.1], [1.3, -2.0, -0.1]]
    )


def test_max_pre_activations_draw_dead_units_in_colour_over_grey_living_ones():
    fig, ax = ab.new_figure()
    ab.plot_max_pre_activations(ax, _trace(), steps_per_epoch=7, ylim=(-3, 4))
    alive, dead_1, dead_2, zero = ax.get_lines()
    assert alive.get_ydata().tolist() == _trace()[:, 0].tolist()
    assert [dead_1.get_ydata().tolist(), dead_2.get_ydata().tolist()] == _trace()[:, 1:].T.tolist()
    assert alive.get_color() == ab.COLORS["muted"] and alive.get_linewidth() < 1
    assert dead_1.get_color() == dead_2.get_color() == ab.COLORS["derivative"]
    assert list(zero.get_ydata()) == [0, 0]
    assert ax.get_xlabel() == "SGD step (7 steps per epoch)" and ax.get_ylim() == (-3, 4)
    fig, ax = ab.new_figure()
    ab.plot_max_pre_activations(ax, _trace())
    assert ax.get_xlabel() == "SGD step"


def test_max_pre_activations_alt_text_counts_the_deaths(moons):
    alt = ab.max_pre_activations_figure(_trace(), moons, learning_rate=0.7, batch_size=16).alt
    assert alt.startswith(
        "Largest pre-activation of each of the 3 first-layer ReLU units over the training "
        "set, against the SGD step, for 4 steps at learning rate 0.7."
    )
    # One of the two dead units fell from above 1: not "mostly" a single large step.
    assert "2 units, drawn in orange, drop below zero, 1 of them at step 2" in alt
    assert "stay exactly flat afterwards; the other units, in grey, stay positive" in alt
    sudden = np.column_stack([_trace()[:, :2], _trace()[:, 1] - 1])  # two large drops
    alt = ab.max_pre_activations_figure(sudden, moons, learning_rate=0.7, layer=2).alt
    assert "of each of the 3 second-layer ReLU units" in alt
    assert "2 units, drawn in orange, drop below zero, mostly in a single large step" in alt
    one = ab.max_pre_activations_figure(_trace()[:, :2], moons, learning_rate=0.7).alt
    assert "1 unit, drawn in orange, drops below zero at step 2 and stays exactly flat" in one
    healthy = ab.max_pre_activations_figure(_trace()[:, :1], moons, learning_rate=0.1).alt
    assert "No unit drops below zero; all of them, in grey, stay positive" in healthy


def test_born_dead_draws_one_line_per_width():
    depths, shares = [1, 5, 40], {2: [0.0, 0.5, 1.0], 8: [0.0, 0.0, 0.1]}
    fig, ax = ab.new_figure()
    ab.plot_born_dead(ax, depths, shares)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["width 2", "width 8"]
    assert [line.get_ydata().tolist() for line in lines] == list(shares.values())
    assert lines[0].get_xdata().tolist() == depths and ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "5", "40"]
    assert len({line.get_color() for line in lines}) == 2
    # Drawn in the book's style: its line width, a legend without a frame.
    assert lines[0].get_linewidth() == ab.RC_PARAMS["lines.linewidth"]
    assert not ax.get_legend().get_frame_on()
    with pytest.raises(ValueError, match="'born_dead'"):
        ab.plot_born_dead(ax, depths, {2: [0.0, 1.0]})


def test_born_dead_alt_text_quotes_the_shares():
    depths, shares = [1, 5, 40], {2: [0.0, 0.5, 1.0], 8: [0.0, 0.0, 0.1]}
    alt = ab.born_dead_figure(depths, shares, networks=50).alt
    assert alt.startswith("Share of 50 randomly initialised ReLU networks that are dead")
    assert "hidden layers from 1 to 40" in alt
    assert alt.endswith(
        "width 2: 50% at depth 5 and 100% at depth 40; width 8: 0% at depth 5 and 10% at depth 40."
    )
    alt = ab.born_dead_figure(depths, shares, networks=50, quoted=[1]).alt
    assert alt.endswith("width 2: 0% at depth 1; width 8: 0% at depth 1.")
    with pytest.raises(ValueError, match="'quoted'"):
        ab.born_dead_figure(depths, shares, networks=50, quoted=[10])


@pytest.fixture(scope="module")
def validated(moons):
    data = ab.validation_split(moons, 0.25, seed=0)
    return ab.train_per_activation(data, ["tanh", "relu"], hidden=(4,), epochs=3, seed=1)


def test_learning_curves_show_the_validation_accuracy_when_there_is_one(validated):
    fig, (_, accuracy_ax) = ab.new_figure(1, 2)
    ab.plot_learning_curves((_, accuracy_ax), validated)
    assert accuracy_ax.get_ylabel() == "validation accuracy"
    assert [line.get_ydata().tolist() for line in accuracy_ax.get_lines()] == [
        run.val_accuracy.tolist() for run in validated.values()
    ]
    picture = ab.learning_curves_figure(validated, labels=["relu"], early_epoch=1)
    assert "Right: validation accuracy" in picture.alt
    assert f"relu {validated['relu'].val_accuracy[-1]:.1%}" in picture.alt
    assert "tanh" not in picture.alt
    with pytest.raises(ValueError, match="'labels'"):
        ab.learning_curves_figure(validated, labels=["gelu"])


def test_tables_read_the_target_off_the_validation_set(validated, runs):
    lines = ab.training_runs_markdown(validated, target=0.5, reached_on="validation").text
    header, _, tanh, _ = lines.splitlines()
    assert header.endswith("| epochs to 50 % (validation) |")
    run = validated["tanh"]
    reached = ab.epochs_to_reach(run.val_accuracy, 0.5)
    assert tanh.startswith(f"| tanh | {run.test_accuracy[-1]:.1%} |")
    assert tanh.endswith(f"| {'never' if reached is None else reached} |")
    with pytest.raises(ValueError, match="no validation set"):
        ab.training_runs_markdown(runs, reached_on="validation")


def test_seed_tables_and_bands_use_the_validation_set(moons):
    data = ab.validation_split(moons, 0.25, seed=0)
    sweep = ab.seed_sweep(data, ["tanh", "relu"], [0, 1], hidden=(4,), epochs=3)
    fig, (loss_ax, accuracy_ax) = ab.new_figure(1, 2)
    ab.plot_seed_bands((loss_ax, accuracy_ax), sweep)
    assert accuracy_ax.get_ylabel() == "validation accuracy"
    np.testing.assert_allclose(
        accuracy_ax.get_lines()[0].get_ydata(), sweep["tanh"]["val_accuracy"].mean(axis=0)
    )
    picture = ab.seed_bands_figure(sweep, labels=["relu"])
    assert "Right: validation accuracy" in picture.alt and "tanh" not in picture.alt
    text = ab.seed_sweep_markdown(sweep, target=0.5, reached_on="validation").text
    assert "epochs to 50 % (validation)" in text.splitlines()[0]
    final = ab.seed_spread(sweep["relu"]["test_accuracy"][:, -1])
    assert f"| relu | {final.mean:.1%} ± {final.std:.1%} |" in text
    with pytest.raises(ValueError, match="'reached_on'"):
        ab.seed_sweep_markdown(sweep, reached_on="val")


def test_boundary_explorer_offers_only_the_chosen_labels(moons, runs):
    box = ab.boundary_explorer(moons, runs, [0, 6], resolution=10, labels=["relu"])
    frames = _frames(box)
    assert len(frames) == 2 and all("relu hidden units" in f for f in frames)
    with pytest.raises(ValueError, match="'labels'"):
        ab.boundary_explorer(moons, runs, [0, 6], labels=["gelu"])
