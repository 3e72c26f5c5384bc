"""Markdown tables of computed numbers: slopes at chosen points, results over seeds.

Both are built with :func:`actbook.markdown_table`, so they render the same in Jupyter
and in the book, and every number in them is computed, never typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .._checks import name_sequence, number_sequence
from ..activations import Activation, get
from ..training import TrainingRun
from ._display import Markdown, markdown_table

__all__ = ["seed_results_table", "slope_table"]


def slope_table(activations: Sequence[str | Activation], points: Sequence[float]) -> Markdown:
    """Each activation's derivative at the given pre-activations, one row per activation.

    The values are the package's own derivatives, so at a kink they show its convention
    (ReLU's slope at 0 is 0, the left one, as in PyTorch).

    Parameters
    ----------
    activations : sequence of str or Activation
        Elementwise activations, one row each, titled by the activation's title.
    points : sequence of float
        The pre-activations, one column each (``f′(p)``).

    Returns
    -------
    Markdown
        Slopes to three significant digits.

    Raises
    ------
    ValueError
        If an activation is not elementwise (softmax has a Jacobian, not a slope), or no
        point is given.
    """
    activations = name_sequence("activations", activations)
    points = number_sequence("points", points)
    records = [get(a) for a in activations]
    vector = [r.name for r in records if not r.elementwise]
    if vector:
        raise ValueError(f"parameter 'activations': {vector} have no slope at a point")
    points = [float(p) for p in points]
    if not points:
        raise ValueError("parameter 'points' needs at least one point")
    rows = [[r.title, *(f"{s:.3g}" for s in r.grad(np.array(points)))] for r in records]
    return markdown_table(["Activation", *(f"f′({p:g})" for p in points)], rows)


def seed_results_table(
    runs_by_seed: Sequence[Mapping[str, TrainingRun]],
    *,
    test_accuracy_at: Sequence[int] = (),
    train_loss_at: Sequence[int] = (),
    label: str = "Hidden activation",
) -> Markdown:
    """One row per activation, one cell per measurement, the seeds' values side by side.

    Each cell reads ``a / b / c``, one value per seed in the order of ``runs_by_seed``,
    so that the spread over seeds is in plain view next to the value.

    Parameters
    ----------
    runs_by_seed : sequence of mapping of str to TrainingRun
        :func:`actbook.train_per_activation`'s result for each seed, with the same
        activations.
    test_accuracy_at, train_loss_at : sequence of int
        Epochs whose test accuracy (as a percentage) and training loss (three decimals)
        get a column each; epoch 0 is the untrained network.
    label : str
        Header of the first column.

    Returns
    -------
    Markdown

    Raises
    ------
    ValueError
        If there are no runs or no columns, the seeds' runs cover different activations,
        or an epoch lies outside the runs.
    """
    runs_by_seed = list(runs_by_seed)
    if not runs_by_seed:
        raise ValueError("parameter 'runs_by_seed' needs the runs of at least one seed")
    names = list(runs_by_seed[0])
    if any(list(runs) != names for runs in runs_by_seed):
        raise ValueError("parameter 'runs_by_seed': every seed must have the same activations")
    columns = [("test_accuracy", e, "Test accuracy", "{:.0%}") for e in test_accuracy_at]
    columns += [("train_loss", e, "Training loss", "{:.3f}") for e in train_loss_at]
    if not columns:
        raise ValueError("parameters 'test_accuracy_at' and 'train_loss_at' give no column")
    last = min(len(runs[name].epochs) for runs in runs_by_seed for name in names) - 1
    bad = [e for _, e, _, _ in columns if not 0 <= e <= last]
    if bad:
        raise ValueError(
            f"parameters 'test_accuracy_at' and 'train_loss_at': epochs {bad} lie outside "
            f"the runs' epochs 0 to {last}"
        )
    rows = [
        [
            name,
            *(
                " / ".join(fmt.format(getattr(runs[name], curve)[e]) for runs in runs_by_seed)
                for curve, e, _, fmt in columns
            ),
        ]
        for name in names
    ]
    headers = [label, *(f"{title}, epoch {e}" for _, e, title, _ in columns)]
    return markdown_table(headers, rows)
