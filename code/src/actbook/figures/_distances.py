"""Drawing the largest gap between two activations (what :func:`actbook.max_gap` computes).

:func:`plot_gap` draws two activations and marks where they are furthest apart with a
vertical bar whose length is the gap; :func:`gap_explorer` lets the reader change a
parameter or the pair and watch the bar; :func:`gap_alt_text` says the same in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes

from .._checks import boolean, instance, integer, interval, name_sequence, number_sequence
from ..activations import Gap, get, max_gap
from ._charts import _axes_frame, _draw_curves
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = ["gap_alt_text", "gap_explorer", "plot_gap"]


def _label(name: str, params: Mapping[str, float] | None) -> str:
    """The activation's title, with the parameters the caller set."""
    title = get(name).title
    if not params:
        return title
    return f"{title} ({', '.join(f'{k} = {v:g}' for k, v in params.items())})"


def plot_gap(
    ax: Axes,
    f: str,
    g: str,
    f_params: Mapping[str, float] | None = None,
    g_params: Mapping[str, float] | None = None,
    *,
    gap: Gap | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] | None = None,
    points: int = 601,
) -> Gap:
    """Draw ``f`` and ``g`` and mark their largest gap with a vertical bar at each location.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    f, g : str
        Registry names; ``f`` in the function colour, ``g`` in the reference colour.
    f_params, g_params : mapping, optional
        Their parameters.
    gap : Gap, optional
        The gap to mark; computed with :func:`actbook.max_gap` if omitted.
    derivative : bool
        Also draw both derivatives, dashed.
    xlim, ylim : tuple of float
        Axis limits; ``ylim`` is chosen by matplotlib if omitted.
    points : int
        Number of sample points per curve.

    Returns
    -------
    Gap
        The gap that was marked.
    """
    # Checked before the gap is searched, so that a wrong axes or limit is named at once.
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    xlim = interval("xlim", xlim)
    points = integer("points", points, 2)
    derivative = boolean("derivative", derivative)
    if gap is None:
        gap = max_gap(f, g, f_params=f_params, g_params=g_params)
    instance("gap", gap, Gap, "a Gap (from ab.max_gap())")
    first, second = get(f), get(g)
    with style():
        _axes_frame(ax, xlim, ylim)
        for record, params, color in (
            (first, f_params, COLORS["function"]),
            (second, g_params, COLORS["reference"]),
        ):
            label = _label(record.name, params)
            _draw_curves(
                ax,
                record,
                params,
                derivative=derivative,
                xlim=xlim,
                points=points,
                color=color,
                label=label,
            )
        shown = [w for w in gap.locations if xlim[0] <= w <= xlim[1]]
        if shown:
            at = np.array(shown)
            top = first(at, **dict(f_params or {}))
            bottom = second(at, **dict(g_params or {}))
            ax.vlines(
                at,
                np.minimum(top, bottom),
                np.maximum(top, bottom),
                color=COLORS["highlight"],
                linewidth=4,
                label=f"largest gap {gap.value:.3g} at {gap.where_text()}",
                zorder=3,
            )
        ax.set_xlabel("x")
        ax.legend(loc="upper left", fontsize="small")
    return gap


def gap_alt_text(
    f: str,
    g: str,
    gap: Gap,
    f_params: Mapping[str, float] | None = None,
    g_params: Mapping[str, float] | None = None,
    *,
    derivative: bool = False,
    xlim: tuple[float, float] = (-4.0, 4.0),
) -> str:
    """Describe in words what :func:`plot_gap` draws, for the ``alt`` attribute."""
    instance("gap", gap, Gap, "a Gap (from ab.max_gap())")
    xlim = interval("xlim", xlim)
    dashed = ", each solid with its derivative dashed," if derivative else ""
    return (
        f"Plot of the {_label(f, f_params)} and the {_label(g, g_params)}{dashed} for x from "
        f"{xlim[0]:g} to {xlim[1]:g}; a vertical bar marks their largest gap, "
        f"{gap.value:.3g}, at {gap.where_text()}."
    )


def gap_explorer(
    pairs: Sequence[tuple[str, str]],
    *,
    parameter: str | None = None,
    values: Sequence[float] = (),
    labels: Mapping[str, str] | None = None,
    derivative_toggle: bool = True,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] | None = None,
    figsize: tuple[float, float] | None = (5.5, 3.3),
    max_frames: int = 64,
) -> Explorer:
    """An explorer of the largest gap: over a parameter, over pairs, with derivatives.

    Parameters
    ----------
    pairs : sequence of (str, str)
        ``(activation, reference)`` registry names. With more than one pair a row of
        toggle buttons picks one: named by the reference if every pair has the same
        activation, else by the activation.
    parameter : str, optional
        A registry parameter of every pair's activation, offered as a slider over
        ``values``; its default is the initial value when offered.
    values : sequence of float
        The slider's values.
    labels : mapping, optional
        Button text for a registry name, where the name is too long for a button
        (``{"hard_sigmoid_legacy": "legacy (Keras 2)"}``); other buttons show the name.
    derivative_toggle : bool
        Offer a toggle that shows or hides both derivatives.
    xlim, ylim : tuple of float
        Fixed limits, so that frames compare.
    figsize : tuple of float, optional
        Size of each frame in inches.
    max_frames : int
        See :func:`actbook.explorer`.

    Returns
    -------
    Explorer
    """
    listed = name_sequence("pairs", pairs, minimum=0, what="(activation, reference) pairs")
    if not listed:
        raise ValueError("parameter 'pairs' needs at least one (activation, reference) pair")
    for i, pair in enumerate(listed):
        if isinstance(pair, str | bytes) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise ValueError(
                f"parameter 'pairs': item {i} must be an (activation, reference) pair, got {pair!r}"
            )
    pairs = [(get(a).name, get(b).name) for a, b in listed]
    values = number_sequence("values", values, minimum=0)
    derivative_toggle = boolean("derivative_toggle", derivative_toggle)
    if (parameter is None) != (len(values) == 0):
        raise ValueError("parameters 'parameter' and 'values' go together")
    controls: list[Control] = []
    if parameter is not None:
        for activation, _ in pairs:
            known = [p.name for p in get(activation).parameters]
            if parameter not in known:
                raise ValueError(f"parameter 'parameter': {activation} has no {parameter!r}")
        default = get(pairs[0][0]).defaults[parameter]
        start = default if default in list(values) else None
        controls.append(Control(parameter, list(values), default=start))
    same_activation = len({a for a, _ in pairs}) == 1
    keys = [b if same_activation else a for a, b in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"parameter 'pairs' has repeated choices: {keys}")
    by_key = dict(zip(keys, pairs, strict=True))
    if len(pairs) > 1:
        label = "compare with" if same_activation else "activation"
        text = dict(labels or {})
        unknown = sorted(set(text) - set(keys))
        if unknown:
            raise ValueError(f"parameter 'labels' names no button: {unknown}")
        controls.append(Control("pair", keys, label=label, fmt=lambda k: text.get(k, k)))
    if derivative_toggle:
        controls.append(Control("derivative", [False, True], default=False))

    def resolve(chosen: Mapping[str, Any]) -> tuple[str, str, dict[str, float], bool]:
        f, g = by_key[chosen.get("pair", keys[0])]
        params = {parameter: chosen[parameter]} if parameter is not None else {}
        return f, g, params, bool(chosen.get("derivative", False))

    def draw(ax: Axes, **chosen: Any) -> None:
        f, g, params, derivative = resolve(chosen)
        plot_gap(ax, f, g, params, derivative=derivative, xlim=xlim, ylim=ylim)

    def alt(chosen: Mapping[str, Any]) -> str:
        f, g, params, derivative = resolve(chosen)
        gap = max_gap(f, g, f_params=params)
        return gap_alt_text(f, g, gap, params, derivative=derivative, xlim=xlim)

    return explorer(draw, controls, alt=alt, figsize=figsize, max_frames=max_frames)
