"""Pictures of softmax outputs as probability bars (:func:`actbook.plot_probabilities`).

:func:`temperature_explorer` slides the temperature of a softmax (or of several
activations side by side, such as softmax and sparsemax) over fixed scores;
:func:`softmax_vs_sigmoids_figure` puts one label's softmax next to several labels'
independent sigmoids for the same scores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import figure_size, finite_array, name_sequence, number_sequence, positive
from ..activations import Activation, get
from ._charts import plot_probabilities, probabilities_alt_text
from ._experiments import split_axes
from ._plot import Picture, fixed_layout, new_figure, show
from ._style import style
from ._widgets import Control, Explorer, explorer

__all__ = ["softmax_vs_sigmoids_figure", "temperature_explorer"]


def _scores(scores: Any, labels: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    values = np.asarray(scores, dtype=np.float64)
    labels = list(labels)
    if values.ndim != 1 or values.size == 0 or len(labels) != values.size:
        raise ValueError(
            f"parameters 'scores' and 'labels' must be a vector and one label per entry, got "
            f"shape {values.shape} and {len(labels)} labels"
        )
    return values, labels


def _and(words: Any) -> str:
    """``"a, b and c"``."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" and {words[-1]}"


def temperature_explorer(
    scores: Any,
    labels: Sequence[str],
    temperatures: Sequence[float],
    *,
    default: float = 1.0,
    activations: Sequence[str] = ("softmax",),
    figsize: tuple[float, float] | None = None,
) -> Explorer:
    """A temperature slider over ``f(scores / T)``, drawn as probability bars.

    Parameters
    ----------
    scores : array_like, shape (n,)
        Fixed scores (logits).
    labels : sequence of str
        One label per score.
    temperatures : sequence of float
        The values of ``T`` the slider offers, each ``> 0``.
    default : float
        The temperature shown first; one of ``temperatures``.
    activations : sequence of str
        Registry names of vector activations that turn scores into probabilities, one
        panel each, left to right (``["softmax", "sparsemax"]`` compares the two). One
        with a ``temperature`` parameter (softmax) is given ``T``; the others see
        ``scores / T``, which is the same thing.
    figsize : tuple of float, optional
        Size of each frame in inches; the style's default if omitted.

    Returns
    -------
    Explorer
    """
    temperatures = [
        positive("temperatures", value) for value in number_sequence("temperatures", temperatures)
    ]
    labels = name_sequence("labels", labels, what="labels")
    values, labels = _scores(scores, labels)
    records = [get(name) for name in name_sequence("activations", activations)]
    elementwise = [r.name for r in records if r.elementwise]
    if elementwise:
        raise ValueError(
            "parameter 'activations' must name vector activations that turn scores into "
            f"probabilities, such as softmax and sparsemax; {elementwise[0]} is elementwise"
        )
    figsize = None if figsize is None else figure_size("figsize", figsize)

    def at(record: Activation, t: float) -> np.ndarray:
        if "temperature" in record.defaults:
            return record(values, temperature=t)
        return record(values / t)

    probabilities = {(r.name, t): at(r, t) for r in records for t in temperatures}

    def draw(ax: Axes, *, temperature: float) -> None:
        if len(records) > 1:
            # Fixed margins: the panels are the same in every frame (see fixed_layout).
            fixed_layout(ax, left=0.08, right=0.99, bottom=0.12, top=0.9, wspace=0.25)
        panels = split_axes(ax, len(records)) if len(records) > 1 else [ax]
        for panel, record in zip(panels, records, strict=True):
            plot_probabilities(panel, probabilities[record.name, temperature], labels)
            with style():
                panel.set_title(f"{record.name}(scores / T), T = {temperature:g}")
        with style():
            for panel in panels[1:]:
                panel.set_ylabel("")

    def alt(chosen: Mapping[str, Any]) -> str:
        t = chosen["temperature"]
        texts = [
            probabilities_alt_text(
                probabilities[r.name, t],
                labels,
                what=f"{r.name} probabilities at temperature {t:g}",
            )
            for r in records
        ]
        if len(texts) == 1:
            return texts[0]
        return f"{len(texts)} bar charts side by side, left to right. " + " ".join(texts)

    control = Control("temperature", list(temperatures), default=default, label="temperature T")
    return explorer(draw, [control], alt=alt, figsize=figsize)


def softmax_vs_sigmoids_figure(
    scores: Any, labels: Sequence[str], *, figsize: tuple[float, float] | None = (8.0, 3.2)
) -> Picture:
    """Softmax (one label) beside independent sigmoids (several labels) of the same scores.

    Parameters
    ----------
    scores : array_like, shape (n,)
        The scores.
    labels : sequence of str
        One label per score.
    figsize : tuple of float, optional
        Size of the figure in inches.

    Returns
    -------
    Picture
        Two bar charts; each title and the alt text give the sum of the bars.
    """
    scores = finite_array("scores", scores, ndim=1)
    labels = name_sequence("labels", labels, what="labels")
    values, labels = _scores(scores, labels)
    exclusive, independent = get("softmax")(values), get("sigmoid")(values)
    fig, (left, right) = new_figure(1, 2, figsize=figsize)
    plot_probabilities(left, exclusive, labels)
    plot_probabilities(right, independent, labels)
    with style():
        left.set_title(f"softmax: one label (sum {exclusive.sum():.2f})")
        right.set_title(f"sigmoids: several labels (sum {independent.sum():.2f})")

    def listing(probabilities: np.ndarray) -> str:
        return ", ".join(f"{n} {v:.2f}" for n, v in zip(labels, probabilities, strict=True))

    alt = (
        f"Two bar charts of the same scores, {_and(f'{s:g}' for s in values)}, "
        f"for {_and(labels)}. Left, softmax: {listing(exclusive)}, summing to "
        f"{exclusive.sum():.2f}. Right, independent sigmoids: {listing(independent)}, "
        f"summing to {independent.sum():.2f}."
    )
    return show(fig, alt)
