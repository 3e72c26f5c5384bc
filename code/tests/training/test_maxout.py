"""A maxout unit fitted to targets: exact where the target is a max of lines, better with
more pieces where it is convex, stuck at its convex best (a flat line) where it is not."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from actbook.training._maxout import _loss_and_gradient

X = np.linspace(-3, 3, 121)


@pytest.mark.parametrize(
    ("target", "pieces"),
    [(np.maximum(X, 0), 2), (np.abs(X), 2), (np.maximum.reduce([-X - 1, 0 * X, 2 * X - 1]), 3)],
)
def test_a_max_of_lines_is_recovered_exactly(target, pieces):
    fit = ab.fit_maxout(X, target, pieces, steps=300)
    assert fit.max_error < 1e-3
    assert np.all(fit.wins > 0)


def test_the_prediction_is_the_registry_maxout_of_the_lines():
    fit = ab.fit_maxout(X, X**2, 3, steps=50, label="square")
    assert fit.label == "square" and fit.pieces == 3
    lines = fit.lines(X)
    assert lines.shape == (121, 3)
    np.testing.assert_allclose(lines, np.outer(X, fit.slopes) + fit.intercepts)
    np.testing.assert_array_equal(fit.predict(X), lines.max(axis=1))
    np.testing.assert_array_equal(fit.predict(X), ab.get("maxout").function(lines, pieces=3)[:, 0])
    assert fit.wins.sum() == 121
    assert fit.losses.shape == (51,)
    assert fit.losses[-1] == pytest.approx(0.5 * np.mean((fit.predict(X) - X**2) ** 2))


def test_the_pieces_start_as_block_least_squares_lines():
    fit = ab.fit_maxout(X, X**2, 2, steps=0)
    left, right = X[:61], X[61:]
    np.testing.assert_allclose(
        [fit.slopes[0], fit.intercepts[0]], np.polyfit(left, left**2, 1), rtol=1e-10
    )
    np.testing.assert_allclose(
        [fit.slopes[1], fit.intercepts[1]], np.polyfit(right, right**2, 1), rtol=1e-10
    )


def test_learning_lowers_the_loss_from_its_start():
    fit = ab.fit_maxout(X, np.exp(X), 4)
    assert fit.losses[-1] < 0.5 * fit.losses[0]


def test_the_gradient_agrees_with_finite_differences():
    rng = np.random.default_rng(0)
    y = np.sin(X)
    for pieces in (1, 3, 5):
        params = rng.normal(size=2 * pieces)
        loss, gradient = _loss_and_gradient(params, X, y)

        def at(p):
            return _loss_and_gradient(p, X, y)[0]

        h = 1e-6
        numeric = [(at(params + h * e) - at(params - h * e)) / (2 * h) for e in np.eye(2 * pieces)]
        np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-9)
        winners = np.max(np.outer(X, params[:pieces]) + params[pieces:], axis=1)
        assert loss == pytest.approx(0.5 * np.mean((winners - y) ** 2))


def test_more_pieces_fit_a_convex_target_better():
    fits = ab.maxout_fits(["softplus"], pieces=(1, 2, 3, 4, 8))
    errors = [fits[("softplus", k)].max_error for k in (1, 2, 3, 4, 8)]
    assert np.all(np.diff(errors) < 0)
    assert errors[-1] < 0.02


def test_a_bump_is_beyond_one_maxout_unit():
    """A convex function cannot rise and fall: the best is a flat line, one piece wins."""
    fits = ab.maxout_fits(["gaussian"], pieces=(1, 3, 8))
    mean = float(np.mean(ab.get("gaussian")(np.linspace(-4, 4, 161))))
    for fit in fits.values():
        assert np.count_nonzero(fit.wins) == 1
        assert fit.max_error > 0.75
        np.testing.assert_allclose(fit.predict(fit.x), mean, atol=0.01)


def test_maxout_fits_are_keyed_by_target_then_pieces():
    fits = ab.maxout_fits(["tanh", "relu"], pieces=(2, 1), steps=5)
    assert list(fits) == [("tanh", 2), ("tanh", 1), ("relu", 2), ("relu", 1)]
    np.testing.assert_allclose(fits[("relu", 1)].target, np.maximum(fits[("relu", 1)].x, 0))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ab.fit_maxout(X, X[:5], 2), "same shape"),
        (lambda: ab.fit_maxout(X, X, 0), "pieces"),
        (lambda: ab.fit_maxout([0.0, 1.0, 1.0, 0.0], [0, 1, 1, 0], 2), "distinct x"),
        (lambda: ab.fit_maxout(X, X, 2, steps=-1), "steps"),
        (lambda: ab.fit_maxout(X, X, 2, learning_rate=0), "learning_rate"),
        (lambda: ab.fit_maxout(X, np.full_like(X, np.inf), 2), "'y'"),
        (lambda: ab.fit_maxout(X, X, 2, label=3), "label"),
        (lambda: ab.maxout_fits(["softmax"]), "elementwise"),
        (lambda: ab.maxout_fits("tanh"), "targets"),
        (lambda: ab.maxout_fits(["tanh"], pieces=(0,)), r"pieces\[0\]"),
        (lambda: ab.maxout_fits(["tanh"], xlim=(1, 0)), "xlim"),
    ],
)
def test_bad_arguments_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
