"""Explorers: sliders that stay live in the static book, with no kernel.

Every combination of the controls' values is drawn once, in Python, when the notebook
executes. The pictures go into nested :class:`ipywidgets.Stack` widgets (one level per
control) and each control's ``index`` drives the ``selected_index`` of every stack of its
level twice over:

- a ``jsdlink``, which runs in the browser, so the static page embeds the widget state and
  needs no kernel;
- a kernel-side ``dlink``, so that in a live kernel the stacks follow the control even
  where the front end runs no widget links (Colab's widget manager has not always run
  them: googlecolab/colabtools issue 1612) and code in the notebook reads the picture
  shown.

Both links are directional (control to stack): a stack has no control of its own, and a
two-way browser link would send a stale stack index coming back from the kernel during a
fast drag on to the slider, so the two sides could keep correcting each other.

Because the page holds one picture per combination, :func:`explorer` refuses grids with
more than ``max_frames`` combinations: pages stay light.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import ipywidgets as widgets
import numpy as np
from ipywidgets.widgets.widget_description import DescriptionWidget
from ipywidgets.widgets.widget_link import DirectionalLink
from matplotlib.axes import Axes

from .._checks import (
    boolean,
    callable_,
    figure_size,
    integer,
    interval,
    name_sequence,
    number_sequence,
)
from ..activations import Activation, get
from ._plot import activation_alt_text, new_figure, plot_activation, show
from ._style import style

__all__ = ["Control", "Explorer", "activation_explorer", "explorer", "labelled"]

#: Width of the label beside each control, so that the controls of an explorer line up.
LABEL_WIDTH = "8em"

_Labelled = TypeVar("_Labelled", bound=DescriptionWidget)


def labelled(control: _Labelled, label: str) -> _Labelled:
    """Show ``label`` beside ``control`` and make it the control's accessible name.

    Every control of an explorer goes through this function (a new explorer with its own
    ipywidgets controls, a ``Dropdown`` for instance, should too). The label is the
    control's ``description``, as plain text, and its tooltip. In the built book,
    ``_theme/widget-labels.js`` names each slider handle and each row of toggle buttons
    by that visible label (``aria-labelledby``); a ``Dropdown``'s ``<select>`` is named by
    it natively. What a screen reader says is thus the text a reader sees next to the
    control, which ``tests/test_page_budget.py`` checks in every built page.

    Parameters
    ----------
    control : ipywidgets.DescriptionWidget
        A slider, toggle buttons, dropdown, or any other control with a description.
    label : str
        The visible label; not empty.

    Returns
    -------
    ipywidgets.DescriptionWidget
        ``control`` itself, labelled.

    Raises
    ------
    ValueError
        If ``label`` is not a non-empty string or ``control`` has no description.
    """
    if not isinstance(control, DescriptionWidget):
        raise ValueError(
            f"parameter 'control' must be an ipywidgets control with a description, "
            f"got {type(control).__name__}"
        )
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"parameter 'label' must be a non-empty string, got {label!r}")
    control.description = label
    control.description_allow_html = False
    control.tooltip = label
    control.style.description_width = LABEL_WIDTH
    return control


class Explorer(widgets.VBox):
    """The box an explorer returns: controls above pictures, plus its links.

    ``links`` lists the ``jsdlink`` widgets that tie each control to its stacks in the
    browser; ``kernel_links`` the ``dlink`` objects (traitlets') that do the same in the
    kernel. Both are plain attributes, not synchronised with the browser, for inspection
    and tests.
    """

    links: tuple[DirectionalLink, ...] = ()
    kernel_links: tuple[widgets.dlink, ...] = ()

    @classmethod
    def linked(
        cls,
        children: Sequence[widgets.Widget],
        pairs: Sequence[tuple[tuple[widgets.Widget, str], tuple[widgets.Widget, str]]],
    ) -> Explorer:
        """A box of ``children`` in which each ``(source, target)`` pair drives its target.

        Every pair gets both links: the browser's ``jsdlink`` and the kernel's ``dlink``.
        """
        box = cls(list(children), layout=widgets.Layout(align_items="flex-start"))
        box.links = tuple(widgets.jsdlink(source, target) for source, target in pairs)
        box.kernel_links = tuple(widgets.dlink(source, target) for source, target in pairs)
        return box


@dataclass(frozen=True)
class Control:
    """One control of an explorer.

    Parameters
    ----------
    name : str
        Keyword passed to the draw function.
    values : sequence
        The values the control offers, in order. Numbers give a slider; anything else
        (booleans, names) gives a row of toggle buttons.
    default : object, optional
        Initial value; the first value if omitted. It must be one of ``values``.
    label : str, optional
        Text shown beside the control; ``name`` if omitted.
    fmt : callable, optional
        Formats a value for the slider's readout; ``f"{value:g}"`` for numbers.
    """

    name: str
    values: Sequence[Any]
    default: Any = None
    label: str = ""
    fmt: Callable[[Any], str] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise ValueError(
                f"parameter 'name' of a Control must be a keyword of the draw function, "
                f"got {self.name!r}"
            )
        # A string would give one value per letter.
        values = name_sequence("values", self.values, minimum=0, what="values")
        if len(values) == 0:
            raise ValueError(f"control {self.name!r} needs at least one value")
        if self.fmt is not None:
            callable_("fmt", self.fmt)
        if self.default is not None and self.default not in list(self.values):
            raise ValueError(
                f"default of control {self.name!r} must be one of its values, got {self.default!r}"
            )

    @property
    def start(self) -> int:
        """Index of the initial value."""
        return 0 if self.default is None else list(self.values).index(self.default)

    def readout(self, value: Any) -> str:
        """Text shown for ``value``."""
        if self.fmt is not None:
            return self.fmt(value)
        if isinstance(value, bool):
            return "on" if value else "off"
        if isinstance(value, float | int):
            return f"{value:g}"
        return str(value)

    def widget(self) -> widgets.DOMWidget:
        """A ``SelectionSlider`` for numbers, else ``ToggleButtons``; both have ``index``."""
        options = [(self.readout(v), v) for v in self.values]
        numeric = all(isinstance(v, float | int) and not isinstance(v, bool) for v in self.values)
        if not numeric:
            control = widgets.ToggleButtons(options=options, index=self.start)
        else:
            control = widgets.SelectionSlider(
                options=options,
                index=self.start,
                continuous_update=True,
                readout=True,
                layout=widgets.Layout(width="min(100%, 26rem)"),
            )
        return labelled(control, self.label or self.name)


def explorer(
    draw: Callable[..., None],
    controls: Sequence[Control],
    *,
    alt: Callable[[Mapping[str, Any]], str],
    figsize: tuple[float, float] | None = None,
    max_frames: int = 64,
) -> Explorer:
    """Build an explorer that shows ``draw(ax, **values)`` for the chosen control values.

    Parameters
    ----------
    draw : callable
        ``draw(ax, **values)`` draws one frame on ``ax``.
    controls : sequence of Control
        One control per keyword of ``draw``; the first is the outermost stack.
    alt : callable
        ``alt(values) -> str``, the text alternative of each frame.
    figsize : tuple of float, optional
        Size of each frame in inches.
    max_frames : int
        Upper bound on the number of pictures (the product of the control sizes).

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox`` with the controls above the picture stack.

    Raises
    ------
    ValueError
        If there are no controls, two share a name, or the grid exceeds ``max_frames``.
    """
    callable_("draw", draw)
    callable_("alt", alt)
    if isinstance(controls, Control):
        raise ValueError("parameter 'controls' must be a list of Controls, such as [control]")
    controls = list(controls)
    if not controls:
        raise ValueError("parameter 'controls' needs at least one Control")
    if not all(isinstance(c, Control) for c in controls):
        raise ValueError(f"parameter 'controls' must hold Control objects, got {controls!r}")
    figsize = None if figsize is None else figure_size("figsize", figsize)
    max_frames = integer("max_frames", max_frames, 1)
    names = [c.name for c in controls]
    if len(set(names)) != len(names):
        raise ValueError(f"parameter 'controls' has repeated names: {names}")
    frames = math.prod(len(c.values) for c in controls)
    if frames > max_frames:
        raise ValueError(
            f"parameter 'controls' asks for {frames} frames, more than "
            f"max_frames={max_frames}; use fewer values to keep the page light"
        )

    stacks_by_level: list[list[widgets.Stack]] = [[] for _ in controls]

    def frame(values: dict[str, Any]) -> widgets.HTML:
        fig, ax = new_figure(figsize=figsize)
        draw(ax, **values)
        return widgets.HTML(show(fig, alt(values)).html())

    def build(level: int, chosen: dict[str, Any]) -> widgets.Widget:
        if level == len(controls):
            return frame(chosen)
        control = controls[level]
        children = [build(level + 1, {**chosen, control.name: v}) for v in control.values]
        stack = widgets.Stack(children=children, selected_index=control.start)
        stacks_by_level[level].append(stack)
        return stack

    pictures = build(0, {})
    inputs = [control.widget() for control in controls]
    pairs = [
        ((control_widget, "index"), (stack, "selected_index"))
        for control_widget, stacks in zip(inputs, stacks_by_level, strict=True)
        for stack in stacks
    ]
    return Explorer.linked([*inputs, pictures], pairs)


def activation_explorer(
    activation: str | Activation | Sequence[str | Activation],
    *,
    weights: Sequence[float] = (),
    biases: Sequence[float] = (),
    parameter_values: int | None = None,
    derivative_toggle: bool = True,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] | None = None,
    max_frames: int = 64,
) -> Explorer:
    """An explorer of one activation: its registry parameters, a neuron's weight and bias.

    Parameters
    ----------
    activation : str, Activation, or sequence of them
        Registry name or record. Several activations with the same parameters (soft and
        hard shrinkage, both with ``lambd``) give a row of toggle buttons, first, that
        chooses among them; their sliders offer the first one's values.
    weights, biases : sequence of float
        Values for a weight slider and a bias slider (the plot shows
        ``f(weight * x + bias)``); no slider when empty. 1 and 0 are the defaults when
        offered.
    parameter_values : int, optional
        How many values each registry parameter's slider offers over its range (the
        default is added when it is not among them). If omitted, 5, or fewer when the
        explorer would otherwise exceed ``max_frames`` (activations with two parameters).
    derivative_toggle : bool
        Offer a toggle that shows or hides the derivative.
    xlim, ylim : tuple of float
        Axis limits of every frame; fixed so that frames are comparable.
    max_frames : int
        See :func:`explorer`.

    Returns
    -------
    Explorer

    Raises
    ------
    ValueError
        If an argument is malformed, if several activations do not share their
        parameters, if there is nothing to explore (one activation with no parameters,
        no weights or biases, no derivative toggle), or if the frames exceed
        ``max_frames``.
        Combinations of parameter values that the activation refuses (RReLU's ``lower``
        above ``upper``) are frames that say so instead of a curve.
    """
    records = _explored(activation)
    act = records[0]
    weights = number_sequence("weights", weights, minimum=0)
    biases = number_sequence("biases", biases, minimum=0)
    derivative_toggle = boolean("derivative_toggle", derivative_toggle)
    xlim = interval("xlim", xlim)
    ylim = None if ylim is None else interval("ylim", ylim)
    max_frames = integer("max_frames", max_frames, 1)
    choice = [Control("activation", [r.name for r in records])] if len(records) > 1 else []
    fixed = [
        *([Control("weight", weights, default=_preferred(weights, 1.0))] if weights else []),
        *([Control("bias", biases, default=_preferred(biases, 0.0))] if biases else []),
        *([Control("derivative", [False, True], default=True)] if derivative_toggle else []),
    ]
    if not act.parameters and not choice and not fixed:
        raise ValueError(
            f"activation_explorer({act.name!r}) has nothing to explore: {act.name} has no "
            "parameters; pass 'weights' or 'biases', or keep 'derivative_toggle' on"
        )
    if parameter_values is None:
        parameter_values = _fitting_grid_size(act, choice + fixed, max_frames)
    parameter_values = integer("parameter_values", parameter_values, 2)
    sliders = [
        Control(p.name, p.grid(parameter_values), default=round(float(p.default), 6))
        for p in act.parameters
    ]
    controls = choice + sliders + fixed
    param_names = {p.name for p in act.parameters}
    by_name = {r.name: r for r in records}

    def split(values: Mapping[str, Any]) -> tuple[Activation, dict[str, float], dict[str, Any]]:
        record = by_name[values.get("activation", act.name)]
        params = {k: v for k, v in values.items() if k in param_names}
        rest = {k: v for k, v in values.items() if k not in param_names and k != "activation"}
        return record, params, rest

    def refusal(record: Activation, params: Mapping[str, float]) -> str | None:
        try:
            record.plot_values(np.zeros(1), **params)
        except ValueError as error:
            return str(error)
        return None

    def draw(ax: Axes, **values: Any) -> None:
        record, params, rest = split(values)
        reason = refusal(record, params)
        if reason is None:
            plot_activation(ax, record, params, xlim=xlim, ylim=ylim, **rest)
            return
        with style():
            ax.set_axis_off()
            ax.text(0.5, 0.5, f"no curve: {reason}", ha="center", va="center", wrap=True)

    def alt(values: Mapping[str, Any]) -> str:
        record, params, rest = split(values)
        reason = refusal(record, params)
        if reason is not None:
            return f"No curve for these values of {record.title}: {reason}."
        return activation_alt_text(record, params, xlim=xlim, **rest)

    return explorer(draw, controls, alt=alt, max_frames=max_frames)


def _explored(activation: Any) -> list[Activation]:
    """The records an explorer offers: one, or several that share their parameters."""
    if isinstance(activation, str | Activation):
        return [get(activation)]
    records: list[Activation] = []
    for item in name_sequence("activation", activation, what="activations"):
        record = get(item)
        if record.name not in [r.name for r in records]:
            records.append(record)
    first = [p.name for p in records[0].parameters]
    for record in records[1:]:
        if [p.name for p in record.parameters] != first:
            raise ValueError(
                f"parameter 'activation': the activations of one explorer share their "
                f"parameters; {records[0].name} has {first}, {record.name} has "
                f"{[p.name for p in record.parameters]}"
            )
    return records


def _fitting_grid_size(act: Activation, fixed: Sequence[Control], max_frames: int) -> int:
    """The most values per parameter (5 at most, 2 at least) that fit in ``max_frames``."""
    others = math.prod(len(c.values) for c in fixed)
    for count in range(5, 2, -1):
        frames = others * math.prod(len(p.grid(count)) for p in act.parameters)
        if frames <= max_frames:
            return count
    return 2


def _preferred(values: Sequence[float], neutral: float) -> float | None:
    """The neutral value (weight 1, bias 0) if offered, else the first value."""
    return neutral if neutral in list(values) else None
