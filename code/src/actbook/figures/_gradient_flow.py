"""The vanishing-gradients explorer (:mod:`actbook.training._gradient_flow` measures)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator

from .._checks import name_sequence
from ..training import GradientFlow
from ._experiments import split_axes
from ._style import COLORS, style
from ._widgets import Control, explorer

__all__ = ["gradient_flow_explorer"]


def _log_axis(ax: Axes, low: float, high: float) -> None:
    ax.set_yscale("log")
    ax.set_ylim(low, high)
    # Every other decade as a labelled tick, and no minor ticks: on log axes these are
    # dozens of tick objects per frame, most of the time a frame takes to draw.
    ax.yaxis.set_major_locator(LogLocator(base=100.0))
    ax.yaxis.set_minor_locator(NullLocator())


def gradient_flow_explorer(flows: Sequence[GradientFlow]) -> Any:
    """Toggle between activations and initialisations; see the forward and backward pass.

    Each frame has two panels over the hidden layers 1 .. depth: the standard deviation
    of the layer's output, and the error norm relative to the last hidden layer's, as
    measured (solid) and as predicted by the product of per-layer factors (dashed). The
    axes are the same in every frame, so that frames can be compared.

    Parameters
    ----------
    flows : sequence of GradientFlow
        One per (activation, initialisation) pair, all of the same depth; every pair of
        the activations and initialisations present must be there.

    Returns
    -------
    Explorer
        Toggle buttons for the activation, then for the initialisation.
    """
    flows = name_sequence("flows", flows, what="GradientFlow results")
    if not all(isinstance(f, GradientFlow) for f in flows):
        raise ValueError("parameter 'flows' must hold GradientFlow results of gradient_flow()")
    by_key = {(f.activation, f.init): f for f in flows}
    activations = list(dict.fromkeys(f.activation for f in flows))
    inits = list(dict.fromkeys(f.init for f in flows))
    missing = [(a, i) for a in activations for i in inits if (a, i) not in by_key]
    if missing:
        raise ValueError(f"parameter 'flows' lacks the pairs {missing}")
    depth = flows[0].depth
    layers = np.arange(1, depth + 1)

    def relative(flow: GradientFlow, values: np.ndarray) -> np.ndarray:
        return values[:depth] / flow.error_norm[depth - 1]

    stds = np.concatenate([f.activation_std[1:] for f in flows])
    rels = np.concatenate(
        [relative(f, f.error_norm) for f in flows]
        + [relative(f, f.predicted_error_norm()) for f in flows]
    )
    std_limits = (max(stds.min(), 1e-12) / 3, stds.max() * 3)
    rel_limits = (max(rels.min(), 1e-30) / 3, rels.max() * 3)

    def draw(ax: Axes, *, activation: str, init: str) -> None:
        flow = by_key[(activation, init)]
        forward, backward = split_axes(ax)
        with style():
            forward.plot(layers, flow.activation_std[1:], "o-", markersize=3)
            forward.axhline(1.0, color=COLORS["muted"], linestyle=":", linewidth=1)
            _log_axis(forward, *std_limits)
            forward.set_xlabel("hidden layer")
            forward.set_ylabel("std of activations")
            forward.set_title("forward: signal size", fontsize=9)
            backward.plot(
                layers,
                relative(flow, flow.error_norm),
                "o-",
                markersize=3,
                color=COLORS["derivative"],
                label="measured",
            )
            backward.plot(
                layers,
                relative(flow, flow.predicted_error_norm()),
                "--",
                color=COLORS["function"],
                linewidth=1.5,
                label="product of factors",
            )
            backward.axhline(1.0, color=COLORS["muted"], linestyle=":", linewidth=1)
            _log_axis(backward, *rel_limits)
            backward.set_xlabel("hidden layer")
            backward.set_ylabel("error norm / last layer's")
            backward.set_title("backward: gradient size", fontsize=9)
            backward.legend(loc="lower right", fontsize=8)

    def alt(values: Mapping[str, Any]) -> str:
        flow = by_key[(values["activation"], values["init"])]
        return (
            f"Two panels for a {depth}-layer network of {flow.activation} units with "
            f"{flow.init} initialisation, both with logarithmic vertical axes. Left: the "
            f"standard deviation of each hidden layer's output, from "
            f"{flow.activation_std[1]:.3g} in layer 1 to {flow.activation_std[-1]:.3g} in "
            f"layer {depth}. Right: the norm of the backpropagated error relative to layer "
            f"{depth}; in layer 1 it is {flow.error_ratio:.3g}, and the dashed prediction "
            f"from the product of per-layer factors gives {flow.predicted_ratio():.3g}."
        )

    controls = [Control("activation", activations), Control("init", inits)]
    return explorer(draw, controls, alt=alt, figsize=(8.0, 3.2))
