"""Pictures of what trained networks (:class:`actbook.MLP`) compute.

:func:`decision_regions_figure` puts several classifiers' decision regions side by side,
one :func:`actbook.plot_decision_regions` panel each, to compare activations on the same
data; :func:`regression_fit_figure` draws a one-input regression network's curve over
its data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .._checks import instance
from ..training import MLP, Dataset, decision_grid
from ._experiments import CLASS_MARKER_WORDS, plot_decision_regions
from ._plot import Picture, new_figure, show
from ._style import COLORS, style

__all__ = ["decision_regions_figure", "regression_fit_figure"]

#: What :func:`plot_decision_regions` draws for each choice of ``points``, for alt text.
_POINT_WORDS = {
    "train": "the training points",
    "test": "the test points",
    "both": "the training points, filled, and the test points, hollow,",
}


def decision_regions_figure(
    panels: Sequence[tuple[str, MLP, Dataset]],
    *,
    ncols: int | None = None,
    figsize: tuple[float, float] | None = None,
    resolution: int = 90,
    points: str = "train",
    title_size: str | float | None = None,
    description: str | None = None,
    **regions: Any,
) -> Picture:
    """Decision regions of several classifiers, one titled panel each.

    Panels on the same data set share one grid, so the comparison is point for point.

    Parameters
    ----------
    panels : sequence of (str, MLP, Dataset)
        Title, trained 2-D classifier and its data, per panel, in reading order.
    ncols : int, optional
        Panels per row; all in one row if omitted.
    figsize : tuple of float, optional
        Size of the figure in inches.
    resolution : int
        Grid points per axis of each data set's grid.
    points : {"train", "test", "both"}
        Which points each panel draws (see :func:`actbook.plot_decision_regions`).
    title_size : str or float, optional
        Font size of the titles (``"small"`` for many narrow panels).
    description : str, optional
        Sentences on what the panels show, appended to the generated alt text (which
        says what is drawn and quotes every panel's title).
    **regions
        Passed to :func:`actbook.plot_decision_regions`: ``probability_levels``,
        ``axis_labels``, ``marker_size``.

    Returns
    -------
    Picture
    """
    panels = list(panels)
    if not panels:
        raise ValueError("parameter 'panels' needs at least one (title, model, data) triple")
    ncols = len(panels) if ncols is None else ncols
    if ncols < 1:
        raise ValueError(f"parameter 'ncols' must be at least 1, got {ncols!r}")
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = new_figure(nrows, ncols, figsize=figsize)
    flat = np.atleast_1d(axes).ravel()
    grids: dict[int, Any] = {}
    for ax, (title, model, data) in zip(flat, panels, strict=False):
        if id(data) not in grids:
            grids[id(data)] = decision_grid(data.x_train, resolution=resolution)
        plot_decision_regions(ax, model, data, grid=grids[id(data)], points=points, **regions)
        with style():
            # No fontsize at all, not None, keeps the style's title size.
            ax.set_title(title, **({} if title_size is None else {"fontsize": title_size}))
    for ax in flat[len(panels) :]:
        ax.set_visible(False)
    names = list(dict.fromkeys(data.name for _, _, data in panels))
    classes = max(data.n_classes for _, _, data in panels)
    markers = ", ".join(
        f"{CLASS_MARKER_WORDS[c % len(CLASS_MARKER_WORDS)]} for class {c}" for c in range(classes)
    )
    count = "One panel" if len(panels) == 1 else f"{len(panels)} panels"
    alt = (
        f"{count} of decision regions on the {' and '.join(names)} data: the plane is "
        f"shaded by the class a trained network predicts, the boundary between the "
        f"classes drawn dark, with {_POINT_WORDS[points]} on top ({markers}). "
        f"The panels are titled " + "; ".join(f"“{title}”" for title, _, _ in panels) + "."
    )
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)


def regression_fit_figure(
    model: MLP,
    x: Any,
    y: Any,
    *,
    label: str = "network",
    data_label: str = "samples",
    xlim: tuple[float, float] | None = None,
    description: str | None = None,
) -> Picture:
    """A one-input regression network's prediction drawn over its data.

    Parameters
    ----------
    model : MLP
        A trained network with one input and one output (``loss="mse"``).
    x : array_like, shape (n,) or (n, 1)
        The inputs, drawn as grey points.
    y : array_like, shape (n,)
        The targets.
    label : str
        Legend label of the network's curve.
    data_label : str
        Legend label of the points.
    xlim : tuple of float, optional
        Range over which the curve is drawn; the inputs' range if omitted.
    description : str, optional
        Sentences on what the picture shows, appended to the generated alt text (which
        gives the ranges and the network's mean squared error on the points).

    Returns
    -------
    Picture
    """
    instance("model", model, MLP, 'an MLP (trained with loss="mse")')
    if model.sizes[0] != 1 or model.sizes[-1] != 1:
        raise ValueError(
            f"parameter 'model' must have one input and one output, has sizes {model.sizes}"
        )
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    y = np.asarray(y, dtype=np.float64)
    if y.shape != x.shape or x.size == 0:
        raise ValueError(
            f"parameters 'x' and 'y' must hold as many values, got {x.shape} and {y.shape}"
        )
    low, high = (float(x.min()), float(x.max())) if xlim is None else xlim
    line = np.linspace(low, high, 300)
    curve = model.logits(line[:, None])[:, 0]
    error = float(np.mean((model.logits(x[:, None])[:, 0] - y) ** 2))
    fig, ax = new_figure()
    with style():
        ax.scatter(x, y, s=12, color=COLORS["muted"], label=data_label)
        ax.plot(line, curve, color=COLORS["function"], label=label)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.legend(loc="upper left")
    alt = (
        f"Scatter plot of {x.size} {data_label}, grey, with y from {y.min():.2g} to "
        f"{y.max():.2g} for x from {x.min():.2g} to {x.max():.2g}, and the prediction of the "
        f"{label}, a solid blue curve from x = {low:g} to {high:g}; its mean squared error "
        f"on the {data_label} is {error:.3g}."
    )
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)
