"""Overlay any two activations: two stacks of transparent pictures over one set of axes.

The explorer lays its pictures on top of each other in one grid cell: the axes, then one
stack of transparent curve pictures per control. Each control switches its own stack, so
every pair of ``N`` activations is shown with ``2N + 1`` pictures, not the ``N²`` frames
a grid of combinations would need. The links run in the browser (``jsdlink``), so the
static page needs no kernel; kernel-side links make the same widgets answer in a live
kernel (see :class:`actbook.Explorer`).
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np

from .._checks import interval, name_sequence
from ..activations import Activation, get, names
from ._plot import Picture, broken_at_jumps, curve_name, fixed_layout, new_figure, show
from ._style import COLORS, style
from ._widgets import Explorer, labelled

__all__ = ["OVERLAY_STYLES", "overlay_explorer"]

#: How each menu's curves are drawn: colour, line style and the words the alt text and
#: the menu's label use for them. Colour and dashes both differ, so the pair stays
#: distinguishable without colour vision.
OVERLAY_STYLES: tuple[dict[str, str], ...] = (
    {"color": COLORS["function"], "linestyle": "-", "words": "solid blue"},
    {"color": COLORS["derivative"], "linestyle": "--", "words": "dashed orange"},
)

_OVERLAY_SIZE = (7.2, 2.9)
# Fixed margins: every picture of the overlay must put its axes on the same pixels.
_OVERLAY_MARGINS = {"left": 0.07, "right": 0.985, "bottom": 0.17, "top": 0.88, "wspace": 0.22}

#: Up to this many choices, each control is a row of buttons; beyond it, a menu.
_MOST_BUTTONS = 8


def _overlay_figure(xlim, ylim, derivative_ylim):
    """A figure with f's panel on the left and f′'s on the right, at fixed pixels."""
    fig, panels = new_figure(1, 2, figsize=_OVERLAY_SIZE)
    for panel, limits in zip(panels, (ylim, derivative_ylim), strict=True):
        fixed_layout(panel, **_OVERLAY_MARGINS)
        panel.set_xlim(*xlim)
        panel.set_ylim(*limits)
    return fig, panels


def _base_picture(xlim, ylim, derivative_ylim) -> Picture:
    fig, (left, right) = _overlay_figure(xlim, ylim, derivative_ylim)
    with style():
        for panel, title in ((left, "f(x)"), (right, "f′(x)")):
            panel.axhline(0, color=COLORS["muted"], linewidth=0.8)
            panel.axvline(0, color=COLORS["muted"], linewidth=0.8)
            panel.set_title(title)
            panel.set_xlabel("x")
    alt = (
        f"Axes of the overlay: f(x) on the left for y from {ylim[0]:g} to {ylim[1]:g}, "
        f"f′(x) on the right for y from {derivative_ylim[0]:g} to {derivative_ylim[1]:g}, "
        f"x from {xlim[0]:g} to {xlim[1]:g}; the chosen curves are drawn over them."
    )
    return show(fig, alt)


def _layer_pictures(
    records: Sequence[Activation], which: int, xlim, ylim, derivative_ylim
) -> list[Picture]:
    """One transparent picture per activation, in the style of control ``which``.

    The pictures share one figure whose two lines get new data for each activation:
    making the axes is most of a picture's cost, and every layer has the same axes.
    """
    looks = OVERLAY_STYLES[which]
    fig, panels = _overlay_figure(xlim, ylim, derivative_ylim)
    x = np.linspace(xlim[0], xlim[1], 481)
    with style():
        lines = [
            panel.plot(x, x, color=looks["color"], linestyle=looks["linestyle"], linewidth=2.2)[0]
            for panel in panels
        ]
        for panel in panels:
            panel.set_axis_off()
    pictures = []
    for act in records:
        for line, curve in zip(lines, act.plot_values(x), strict=True):
            line.set_data(*broken_at_jumps(x, curve))
        alt = (
            f"{looks['words'].capitalize()} curves of the {curve_name(act)}: the function "
            f"on the left, its derivative on the right, for x from {xlim[0]:g} to "
            f"{xlim[1]:g} (parts outside the axes are cut off)."
        )
        pictures.append(show(fig, alt, transparent=True))
    return pictures


def overlay_explorer(
    choices: Sequence[str | Activation] | None = None,
    *,
    first: str | None = None,
    second: str | None = None,
    xlim: tuple[float, float] = (-4.0, 4.0),
    ylim: tuple[float, float] = (-2.0, 4.0),
    derivative_ylim: tuple[float, float] = (-1.0, 2.0),
) -> Explorer:
    """Two controls, each choosing an activation; both are drawn over the same axes.

    The first choice is drawn solid blue, the second dashed orange (see
    :data:`OVERLAY_STYLES`); functions on the left panel, derivatives on the right.

    Parameters
    ----------
    choices : sequence of str or Activation, optional
        The activations both controls offer, in order; every registered one if omitted.
        Up to eight give rows of buttons labelled with registry names; more give menus
        labelled with titles.
    first, second : str, optional
        The activations shown at first; the first two choices if omitted.
    xlim, ylim, derivative_ylim : tuple of float
        The fixed axes: ``x``, then ``f`` (left panel) and ``f′`` (right panel). Curves
        leaving them are cut off.

    Returns
    -------
    Explorer
        The two controls above one grid cell holding the axes and two stacks of
        transparent pictures; ``links`` holds the two browser links (``jsdlink``) and
        ``kernel_links`` the kernel's (``dlink``), so it answers in a live kernel too.

    Raises
    ------
    ValueError
        If fewer than two activations are offered, ``first`` or ``second`` is not among
        them, or a limit is malformed.
    """
    offered: list[Activation] = []
    for item in names() if choices is None else name_sequence("choices", choices):
        record = get(item)
        if record.name not in [r.name for r in offered]:
            offered.append(record)
    if len(offered) < 2:
        raise ValueError("parameter 'choices' needs at least two activations")
    xlim, ylim = interval("xlim", xlim), interval("ylim", ylim)
    derivative_ylim = interval("derivative_ylim", derivative_ylim)
    keys = [r.name for r in offered]
    starts = []
    for parameter, value, default in (("first", first, 0), ("second", second, 1)):
        name = keys[default] if value is None else get(value).name
        if name not in keys:
            raise ValueError(f"parameter {parameter!r}: {value!r} is not among the choices")
        starts.append(keys.index(name))

    base = widgets.HTML(
        _base_picture(xlim, ylim, derivative_ylim).html(),
        layout=widgets.Layout(grid_area="overlay"),
    )
    controls, stacks = [], []
    for which, start in enumerate(starts):
        layers = [
            widgets.HTML(picture.html())
            for picture in _layer_pictures(offered, which, xlim, ylim, derivative_ylim)
        ]
        stacks.append(
            widgets.Stack(layers, selected_index=start, layout=widgets.Layout(grid_area="overlay"))
        )
        controls.append(
            _chooser(offered, start, f"Curve {which + 1} ({OVERLAY_STYLES[which]['words']})")
        )
    grid = widgets.GridBox(
        [base, *stacks], layout=widgets.Layout(grid_template_areas='"overlay"', width="100%")
    )
    pairs = [
        ((control, "index"), (stack, "selected_index"))
        for control, stack in zip(controls, stacks, strict=True)
    ]
    return Explorer.linked([*controls, grid], pairs)


def _chooser(offered: Sequence[Activation], start: int, label: str) -> widgets.DOMWidget:
    """Buttons with registry names for a few choices, else a menu of titles."""
    if len(offered) <= _MOST_BUTTONS:
        control = widgets.ToggleButtons(
            options=[(r.name, i) for i, r in enumerate(offered)], index=start
        )
    else:
        control = widgets.Dropdown(
            options=[(r.title, i) for i, r in enumerate(offered)],
            index=start,
            layout=widgets.Layout(width="min(100%, 36rem)"),
        )
    labelled(control, label)
    control.style.description_width = "11em"  # the labels name a colour and a line style
    return control
