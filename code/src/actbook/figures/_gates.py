"""Pictures of self-gated units: GELU's random gate and SiLU's sharpness ``beta``.

:func:`plot_gelu_gate` shows where ``x Phi(x)`` comes from: a gate that passes ``x``
when a Gaussian noise ``eps ~ N(0, s**2)`` falls below it and outputs 0 otherwise. It
draws both outcomes at one input with their probabilities, their mean on the curve
``x Phi(x / s)``, and the noise density with the "open" area shaded.
:func:`plot_silu_beta` draws ``x sigmoid(beta x)`` between its two limits (``x / 2`` at
``beta = 0``, ReLU as ``beta`` grows) with its dip marked. Each has an explorer whose
frames are pre-rendered for the static book.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from scipy import special

from .._checks import boolean, instance, interval, number_sequence, positive, real
from ..activations import curve_minimum, get
from ._plot import fixed_layout, plot_activation
from ._style import COLORS, style
from ._widgets import Control, Explorer, explorer

__all__ = [
    "gelu_gate_alt_text",
    "gelu_gate_explorer",
    "plot_gelu_gate",
    "plot_silu_beta",
    "silu_beta_alt_text",
    "silu_beta_explorer",
]


def _gate(x0: float, scale: float) -> tuple[float, float]:
    """``P(eps <= x0)`` for ``eps ~ N(0, scale**2)``, and the mean output ``x0`` times it."""
    probability = float(special.ndtr(x0 / scale))
    return probability, probability * x0


def plot_gelu_gate(
    ax: Axes,
    x0: float,
    *,
    scale: float = 1.0,
    xlim: tuple[float, float] = (-3.0, 3.0),
    ylim: tuple[float, float] = (-2.4, 3.2),
    density: bool = True,
) -> dict[str, Any]:
    """Draw the stochastic gate at input ``x0`` and its mean, the curve ``x Phi(x / s)``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    x0 : float
        The input whose two outcomes are shown.
    scale : float
        Standard deviation ``s`` of the gate's noise; ``s = 1`` gives GELU, and the
        curve is ``s * gelu(x / s)``.
    xlim, ylim : tuple of float
        Axis limits, fixed so that frames of an explorer compare.
    density : bool
        Add an inset with the noise density, the part below ``x0`` shaded.

    Returns
    -------
    dict
        ``"curve"`` (the mean-output line), ``"open"``, ``"closed"`` and ``"mean"``
        (the three markers), ``"probability"`` (of the open gate), ``"inset"`` (the
        density axes, or ``None``).
    """
    instance("ax", ax, Axes, "a matplotlib Axes (from ab.new_figure())")
    x0 = real("x0", x0)
    scale = positive("scale", scale)
    xlim, ylim = interval("xlim", xlim), interval("ylim", ylim)
    density = boolean("density", density)
    gelu = get("gelu")
    x = np.linspace(xlim[0], xlim[1], 601)
    probability, mean = _gate(x0, scale)
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.8)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.8)
        ax.plot(x, x, color=COLORS["muted"], linestyle=":", label="gate open: output x")
        label = "GELU, x Φ(x)" if scale == 1 else f"x Φ(x / {scale:g})"
        (curve,) = ax.plot(
            x, scale * gelu(x / scale), color=COLORS["function"], label=f"mean output, {label}"
        )
        ax.plot([x0, x0], [0, x0], color=COLORS["muted"], linewidth=1)
        # Marker areas proportional to the probabilities: the likelier outcome looks bigger.
        (opened,) = ax.plot(
            [x0], [x0], "o", color=COLORS["derivative"], markersize=4 + 12 * probability**0.5
        )
        (closed,) = ax.plot(
            [x0], [0], "o", color=COLORS["derivative"], markersize=4 + 12 * (1 - probability) ** 0.5
        )
        (averaged,) = ax.plot([x0], [mean], "D", color=COLORS["highlight"], markersize=8)
        # Labels beside the markers, towards the middle of the plot; "open" sits on the
        # outer side of its marker, "closed" on the other, and the mean on the far side
        # of the segment, so that no two overlap (at x = 0 all three points coincide).
        side = 1 if x0 <= 1.5 else -1
        room = (x0 - xlim[0]) if side > 0 else (xlim[1] - x0)
        mean_side = -side if room > 0.9 else side  # far from 0 the markers stand apart
        shown = f"{mean:.2f}" if round(mean, 2) != 0 or mean == 0 else "≈ 0"
        up, down = 4, -14
        outer, inner = (up, down) if x0 >= 0 else (down, up)
        for text, point, dy, dx, color in (
            (f"open, p = {probability:.2f}", x0, outer, side, "black"),
            (f"closed, 1 − p = {1 - probability:.2f}", 0.0, inner, side, "black"),
            (f"mean {shown}", mean, -4, mean_side, COLORS["highlight"]),
        ):
            ax.annotate(
                text,
                (x0, point),
                textcoords="offset points",
                xytext=(10 * dx, dy),
                ha="left" if dx > 0 else "right",
                fontsize="small",
                color=color,
            )
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel("x")
        ax.set_title(f"x = {x0:g}, s = {scale:g}: P(ε ≤ x) = Φ(x / s) = {probability:.2f}")
        ax.legend(loc="lower right", fontsize="small")
        inset = None
        if density:
            inset = ax.inset_axes([0.03, 0.6, 0.34, 0.33])
            noise = np.linspace(xlim[0], xlim[1], 401)
            pdf = np.exp(-0.5 * (noise / scale) ** 2) / (scale * np.sqrt(2 * np.pi))
            inset.plot(noise, pdf, color=COLORS["muted"], linewidth=1)
            below = noise <= x0
            inset.fill_between(noise[below], pdf[below], color=COLORS["derivative"], alpha=0.4)
            inset.axvline(x0, color=COLORS["derivative"], linewidth=1)
            inset.set_xlim(*xlim)
            inset.set_xticks([-2, 0, 2])  # few labels: text layout dominates a frame's cost
            inset.set_ylim(0, 1.05 / (np.sqrt(2 * np.pi) * min(scale, 1.0)))
            inset.set_yticks([])
            inset.tick_params(labelsize="x-small")
            inset.set_title("noise ε ~ N(0, s²): open if ε ≤ x", fontsize="x-small")
            inset.grid(False)
    return {
        "curve": curve,
        "open": opened,
        "closed": closed,
        "mean": averaged,
        "probability": probability,
        "inset": inset,
    }


def gelu_gate_alt_text(x0: float, *, scale: float = 1.0) -> str:
    """Describe in words what :func:`plot_gelu_gate` draws."""
    x0 = real("x0", x0)
    scale = positive("scale", scale)
    probability, mean = _gate(x0, scale)
    curve = "the GELU curve x Φ(x)" if scale == 1 else f"the curve x Φ(x / {scale:g})"
    return (
        f"The gate at input x = {float(x0):g} with noise scale s = {scale:g}: it is open "
        f"(output {float(x0):g}) with probability {probability:.2f} and closed (output 0) "
        f"with probability {1 - probability:.2f}; the mean output, {mean:.3g}, lies on "
        f"{curve}, drawn between the dotted line y = x and the axis y = 0. An inset "
        f"shades the part of the noise density below x."
    )


def gelu_gate_explorer(
    inputs: Sequence[float] = (-2.0, -1.0, 0.0, 1.0, 2.0),
    scales: Sequence[float] = (0.25, 1.0, 2.0),
    *,
    figsize: tuple[float, float] | None = (6.0, 3.8),
    max_frames: int = 64,
) -> Explorer:
    """Sliders for the input ``x`` and the noise scale ``s`` of :func:`plot_gelu_gate`.

    Parameters
    ----------
    inputs, scales : sequence of float
        The values each slider offers (1 and 1 are the defaults when offered).
    figsize : tuple of float, optional
        Size of each frame.
    max_frames : int
        See :func:`actbook.explorer`.

    Returns
    -------
    Explorer
    """
    inputs = number_sequence("inputs", inputs)
    scales = [positive(f"scales[{i}]", s) for i, s in enumerate(number_sequence("scales", scales))]
    controls = [
        Control("x0", list(inputs), default=1.0 if 1.0 in inputs else None, label="input x"),
        Control("scale", scales, default=1.0 if 1.0 in scales else None, label="noise scale s"),
    ]

    def draw(ax: Axes, *, x0: float, scale: float) -> None:
        # Identical axes in every frame: fixed margins instead of a layout per frame.
        fixed_layout(ax, left=0.08, right=0.98, bottom=0.13, top=0.92)
        plot_gelu_gate(ax, x0, scale=scale)

    def alt(values: Mapping[str, Any]) -> str:
        return gelu_gate_alt_text(values["x0"], scale=values["scale"])

    return explorer(draw, controls, alt=alt, figsize=figsize, max_frames=max_frames)


def _silu_minimum(beta: float):
    """SiLU's dip for ``beta`` (``None`` at ``beta = 0``, where it is the line x / 2)."""
    if beta == 0:
        return None
    # The dip is at -1.28 / beta: a bracket that scales with beta always holds it.
    return curve_minimum("silu", {"beta": beta}, bracket=(-3.0 / beta, 0.0))


def plot_silu_beta(
    ax: Axes,
    beta: float,
    *,
    derivative: bool = True,
    xlim: tuple[float, float] = (-6.0, 4.0),
    ylim: tuple[float, float] = (-1.5, 4.5),
) -> dict[str, Any]:
    """Draw ``x sigmoid(beta x)`` with ReLU and ``x / 2`` for reference and its dip marked.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    beta : float
        The gate's sharpness (the registry's ``silu`` parameter; checked there).
    derivative : bool
        Also draw the derivative, dashed.
    xlim, ylim : tuple of float
        Axis limits, fixed so that frames of an explorer compare.

    Returns
    -------
    dict
        ``"lines"`` (the curve, then the derivative if drawn), ``"references"`` (ReLU and
        x / 2), ``"minimum"`` (an :class:`actbook.Extremum`, or ``None`` for
        ``beta = 0``) and ``"marker"`` (its dot, or ``None``).
    """
    beta = get("silu").resolve({"beta": beta})["beta"]  # a ValueError naming 'beta'
    derivative = boolean("derivative", derivative)
    lines = plot_activation(
        ax,
        "silu",
        {"beta": beta},
        derivative=derivative,
        xlim=xlim,
        ylim=ylim,
        label="x σ(βx)",
    )
    x = np.linspace(xlim[0], xlim[1], 401)
    minimum = _silu_minimum(beta)
    marker = None
    with style():
        references = ax.plot(
            x, get("relu")(x), color=COLORS["muted"], linewidth=1, label="ReLU (β → ∞)"
        )
        references += ax.plot(
            x, x / 2, color=COLORS["muted"], linewidth=1, linestyle=":", label="x / 2 (β = 0)"
        )
        if minimum is not None and xlim[0] <= minimum.x:
            (marker,) = ax.plot([minimum.x], [minimum.value], "o", color=COLORS["highlight"])
            ax.annotate(
                f"minimum ({minimum.x:.2f}, {minimum.value:.2f})",
                (minimum.x, minimum.value),
                textcoords="offset points",
                xytext=(0, -16),
                ha="center",
                fontsize="small",
                color=COLORS["highlight"],
            )
        ax.set_title(f"β = {beta:g}")
        ax.legend(loc="upper left", fontsize="small")
    return {"lines": lines, "references": references, "minimum": minimum, "marker": marker}


def silu_beta_alt_text(beta: float, *, derivative: bool = True) -> str:
    """Describe in words what :func:`plot_silu_beta` draws."""
    beta = get("silu").resolve({"beta": beta})["beta"]
    derivative = boolean("derivative", derivative)
    minimum = _silu_minimum(beta)
    text = f"Plot of SiLU / swish x σ(βx) with β = {beta:g}"
    if derivative:
        text += ", solid, and its derivative, dashed"
    text += ", with ReLU and the line x / 2 in grey for reference"
    if minimum is None:
        return text + ": with β = 0 the gate is 1/2 everywhere and the curve is the line x / 2."
    return (
        text + f". The curve dips to its minimum {minimum.value:.3f} at x = {minimum.x:.3f}, "
        "marked with a dot, then rises towards the line y = x."
    )


def silu_beta_explorer(
    betas: Sequence[float] = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0),
    *,
    derivative_toggle: bool = True,
    figsize: tuple[float, float] | None = None,
    max_frames: int = 64,
) -> Explorer:
    """A slider for ``beta`` of :func:`plot_silu_beta` and a derivative toggle.

    Parameters
    ----------
    betas : sequence of float
        The values the slider offers (1 is the default when offered).
    derivative_toggle : bool
        Offer a toggle that shows or hides the derivative.
    figsize : tuple of float, optional
        Size of each frame.
    max_frames : int
        See :func:`actbook.explorer`.

    Returns
    -------
    Explorer
    """
    silu = get("silu")
    betas = [silu.resolve({"beta": b})["beta"] for b in number_sequence("betas", betas)]
    derivative_toggle = boolean("derivative_toggle", derivative_toggle)
    controls = [Control("beta", betas, default=1.0 if 1.0 in betas else None, label="β")]
    if derivative_toggle:
        controls.append(Control("derivative", [False, True], default=True))

    def draw(ax: Axes, *, beta: float, derivative: bool = True) -> None:
        fixed_layout(ax, left=0.08, right=0.98, bottom=0.13, top=0.92)
        plot_silu_beta(ax, beta, derivative=derivative)

    def alt(values: Mapping[str, Any]) -> str:
        return silu_beta_alt_text(values["beta"], derivative=values.get("derivative", True))

    return explorer(draw, controls, alt=alt, figsize=figsize, max_frames=max_frames)
