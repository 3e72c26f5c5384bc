"""Training-loss curves of a few runs on one logarithmic axes.

:func:`plot_training_losses` draws loss sequences recorded from step (or epoch) 1 on, as
:meth:`actbook.MLP.fit` records them or a hand-written gradient-descent loop does. A key
can be a pair ``(series, variant)``: the series picks the colour and the variant the
line style, so that two activations at two depths read as a 2 x 2 table. (The Part III
helpers :func:`actbook.plot_curves` and :func:`actbook.plot_band` draw curves that start
at epoch 0 with the untrained network, one colour per activation.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import integer
from ._curves import COLOR_WORDS, CURVE_COLORS
from ._plot import Picture, new_figure, show
from ._style import style

__all__ = ["plot_training_losses", "training_loss_figure"]

#: Line styles of the variants, in order of first appearance.
VARIANT_STYLES = ("-", ":", "--", "-.")
_STYLE_WORDS = {"-": "solid", ":": "dotted", "--": "dashed", "-.": "dash-dotted"}


def _keys(
    losses: Mapping[Any, Sequence[float]], linestyles: Mapping[Any, str] | None
) -> list[tuple[Any, str, str, str]]:
    """Per curve: key, label, colour and line style."""
    if not losses:
        raise ValueError("parameter 'losses' needs at least one curve")
    pairs = [key if isinstance(key, tuple) else (key, None) for key in losses]
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError("parameter 'losses': tuple keys must be (series, variant) pairs")
    series = list(dict.fromkeys(s for s, _ in pairs))
    variants = list(dict.fromkeys(v for _, v in pairs if v is not None))
    if len(series) > len(CURVE_COLORS):
        raise ValueError(
            f"parameter 'losses': at most {len(CURVE_COLORS)} series can be told apart, "
            f"got {len(series)}"
        )
    if linestyles is None:
        if len(variants) > len(VARIANT_STYLES):
            raise ValueError(
                f"parameter 'losses': at most {len(VARIANT_STYLES)} variants can be told "
                f"apart, got {len(variants)}"
            )
        styles = dict(zip(variants, VARIANT_STYLES, strict=False))
    else:
        styles = dict(linestyles)
        missing = [v for v in variants if v not in styles]
        if missing:
            raise ValueError(f"parameter 'linestyles' has no style for the variants {missing}")
    rows = []
    for key, (s, v) in zip(losses, pairs, strict=True):
        label = str(s) if v is None else f"{s}, {v}"
        rows.append((key, label, CURVE_COLORS[series.index(s)], "-" if v is None else styles[v]))
    return rows


def plot_training_losses(
    ax: Axes,
    losses: Mapping[Any, Sequence[float]],
    *,
    linestyles: Mapping[Any, str] | None = None,
    start: int = 1,
    xlabel: str = "epoch",
    ylabel: str = "training loss (log scale)",
) -> list[Any]:
    """Draw each loss sequence against its step on a logarithmic axis, with a legend.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    losses : mapping
        Label, or ``(series, variant)`` pair, to a sequence of losses; entry ``i`` is at
        step ``start + i``. NaN entries are not drawn, so a run that breaks down ends
        where its loss becomes NaN.
    linestyles : mapping, optional
        Line style of every variant; solid, dotted, dashed, dash-dotted in order of first
        appearance if omitted.
    start : int
        Step of the first entry (1 for :attr:`History.train_loss`).
    xlabel, ylabel : str
        Axis labels.

    Returns
    -------
    list of matplotlib.lines.Line2D
        One line per curve, in the order of ``losses``.
    """
    if not isinstance(losses, Mapping) or not losses:
        raise ValueError(f"parameter 'losses' must map labels to loss curves, got {losses!r}")
    start = integer("start", start, 0)
    lines = []
    with style():
        for key, label, color, dash in _keys(losses, linestyles):
            values = np.asarray(losses[key], dtype=np.float64)
            steps = np.arange(start, start + len(values))
            lines += ax.semilogy(steps, values, label=label, color=color, linestyle=dash)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.legend()
    return lines


def training_loss_figure(
    losses: Mapping[Any, Sequence[float]],
    *,
    linestyles: Mapping[Any, str] | None = None,
    start: int = 1,
    xlabel: str = "epoch",
    ylabel: str = "training loss (log scale)",
    figsize: tuple[float, float] | None = None,
    description: str | None = None,
) -> Picture:
    """Training-loss curves as a picture; the alt text gives each curve's first and last loss.

    Parameters
    ----------
    losses, linestyles, start, xlabel, ylabel
        As for :func:`plot_training_losses`.
    figsize : tuple of float, optional
        Size in inches; the style's default if omitted.
    description : str, optional
        Sentences on what the curves show, appended to the generated alt text.

    Returns
    -------
    Picture
    """
    if not isinstance(losses, Mapping) or not losses:
        raise ValueError(f"parameter 'losses' must map labels to loss curves, got {losses!r}")
    fig, ax = new_figure(figsize=figsize)
    plot_training_losses(
        ax, losses, linestyles=linestyles, start=start, xlabel=xlabel, ylabel=ylabel
    )
    parts = []
    unit = xlabel.split()[-1] if xlabel.strip() else "step"  # "gradient-descent step" -> "step"
    for key, label, color, dash in _keys(losses, linestyles):
        values = np.asarray(losses[key], dtype=np.float64)
        look = f"{_STYLE_WORDS.get(dash, 'patterned')} {COLOR_WORDS[color]}"
        broken = np.flatnonzero(~np.isfinite(values))
        if broken.size and broken[0] == 0:
            parts.append(f"{label}, not drawn: its loss is not finite from the start")
            continue
        end = int(broken[0]) if broken.size else len(values)
        text = (
            f"{label}, {look}, from {values[0]:.3g} at {unit} {start} to "
            f"{values[end - 1]:.3g} at {unit} {start + end - 1}"
        )
        if broken.size:
            text += f", where the line ends: the loss is not finite from {unit} {start + end} on"
        parts.append(text)
    alt = (
        f"Training loss against {xlabel}, log scale, for {len(parts)} runs: "
        + "; ".join(parts)
        + "."
    )
    if description:
        alt += f" {description.strip()}"
    return show(fig, alt)
