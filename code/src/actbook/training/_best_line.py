"""The best a straight line can do: the most accurate linear classifier of 2-D points.

Logistic regression minimises cross-entropy, not mistakes, and on symmetric data such as
two concentric rings its optimum predicts 50/50 everywhere. The most accurate line can
still be much better than chance. :func:`best_line_accuracy` finds it exactly, by
checking one direction between each pair of consecutive critical directions (where two
points project to the same value) and every threshold along it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._checks import integer
from ._perceptron import _inputs

__all__ = ["BestLine", "best_line_accuracy"]


@dataclass(frozen=True)
class BestLine:
    """The most accurate line: points with ``x @ normal > offset`` are called class 1.

    Attributes
    ----------
    accuracy : float
        The share of points the line classifies correctly.
    normal : ndarray, shape (2,)
        A unit normal of the line, pointing towards the side called class 1.
    offset : float
        The line is ``x @ normal == offset``.
    """

    accuracy: float
    normal: np.ndarray
    offset: float


def best_line_accuracy(x, y, *, chunk: int = 2048) -> BestLine:
    """The most accurate linear classifier of 2-D points with labels 0 and 1.

    Parameters
    ----------
    x : array_like, shape (n, 2)
        The points.
    y : array_like, shape (n,)
        Their labels, 0 or 1.
    chunk : int
        Directions evaluated at once (memory, not the result).

    Returns
    -------
    BestLine
        The accuracy of the best line and the line itself. Exact: every way a line can
        split the points is one of the splits checked.
    """
    x, y = _inputs(x, y)  # the perceptron's checks: 2-D points and 0/1 labels
    if x.shape[1] != 2:
        raise ValueError(f"parameter 'x' must have 2 columns, got shape {x.shape}")
    chunk = integer("chunk", chunk, 1)
    directions = _candidate_directions(x)
    best = (-1, 0.0, np.array([1.0, 0.0]))
    for start in range(0, len(directions), chunk):
        normals = np.stack(
            [np.cos(directions[start : start + chunk]), np.sin(directions[start : start + chunk])],
            axis=1,
        )
        correct, thresholds = _best_split(x @ normals.T, y)
        k = int(np.argmax(correct))
        if correct[k] > best[0]:
            best = (int(correct[k]), float(thresholds[k]), normals[k])
    return BestLine(best[0] / len(x), best[2], best[1])


def _candidate_directions(x: np.ndarray) -> np.ndarray:
    """One direction inside every arc of directions on which the points' order is fixed."""
    i, j = np.triu_indices(len(x), k=1)
    difference = x[j] - x[i]
    keep = np.any(difference != 0, axis=1)
    # The order of two points along u flips where u is perpendicular to their difference.
    angle = np.arctan2(difference[keep, 1], difference[keep, 0]) + np.pi / 2
    critical = np.unique(np.mod(np.concatenate([angle, angle + np.pi]), 2 * np.pi))
    if len(critical) == 0:
        return np.array([0.0])
    gaps = np.diff(np.append(critical, critical[0] + 2 * np.pi))
    return critical + gaps / 2


def _best_split(projections: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per direction (column), the most correct points of any threshold, and that threshold."""
    order = np.argsort(projections, axis=0, kind="stable")
    labels = y[order]
    values = np.take_along_axis(projections, order, axis=0)
    # Cutting after the first k sorted points: class 0 below, class 1 above.
    zeros_below = np.vstack([np.zeros((1, labels.shape[1])), np.cumsum(1 - labels, axis=0)])
    ones_above = labels.sum(axis=0) - np.vstack(
        [np.zeros((1, labels.shape[1])), np.cumsum(labels, axis=0)]
    )
    correct = zeros_below + ones_above
    k = np.argmax(correct, axis=0)
    columns = np.arange(labels.shape[1])
    padded = np.vstack([values[:1] - 1.0, values, values[-1:] + 1.0])
    thresholds = (padded[k, columns] + padded[k + 1, columns]) / 2
    return correct[k, columns], thresholds
