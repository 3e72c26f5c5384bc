"""How far apart two activations are: the largest gap ``sup |f(x) - g(x)|``, computed.

A smooth activation is often described as "close to" a piecewise-linear one (softplus to
ReLU, hard sigmoid to sigmoid), and a cheap stand-in as "close to" the function it
replaces (GELU's tanh form to GELU, hard swish to SiLU). :func:`max_gap` puts a number on
either, for the functions or for their derivatives. It samples
``|f - g|`` on a dense grid, then refines every promising local maximum with a bounded
scalar optimiser (:func:`scipy.optimize.minimize_scalar`), so that a maximum between two
grid points, or at a kink, is found to near machine precision rather than to the grid
spacing. The grid alone would be accurate only to about ``slope * spacing``.

The search runs over a finite interval. If the largest gap sits at an end of it, the
supremum may lie further out (or the gap may be unbounded, as for ReLU against the
identity), and :func:`max_gap` says so instead of returning a number that depends on
where the interval was cut.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize

from .._checks import boolean, integer
from .._checks import interval as interval_check
from ._registry import Activation, get

__all__ = ["Gap", "max_gap"]

#: How many of the largest grid maxima are refined: enough for symmetric pairs and for
#: functions with a few bumps, few enough that a wiggly difference stays cheap.
_CANDIDATES = 8


@dataclass(frozen=True)
class Gap:
    """The largest distance between two functions on an interval.

    Parameters
    ----------
    value : float
        ``max |f(x) - g(x)|`` over the interval.
    locations : tuple of float
        Every ``x`` where that value is reached (to a relative ``1e-7``), in increasing
        order; two for a symmetric pair such as the hard sigmoid and the sigmoid. Empty
        if the functions agree everywhere on the grid.
    signed : float
        ``f(x) - g(x)`` at the first location: its sign says which function is above
        there (for an approximation ``f`` of ``g``, the signed error). Where the gap is
        even, as for every stand-in that keeps the symmetry ``f(x) - f(-x) = x``, the
        sign is the same at ``±x``; where it is odd (their derivatives), it flips.
    interval : tuple of float
        The interval searched.
    derivative : bool
        Whether the derivatives ``f'`` and ``g'`` were compared instead of ``f`` and ``g``.
    """

    value: float
    locations: tuple[float, ...]
    signed: float
    interval: tuple[float, float]
    derivative: bool = False

    @property
    def where(self) -> float:
        """The first (leftmost) location of the largest gap; NaN if there is none."""
        return self.locations[0] if self.locations else math.nan

    def where_text(self, digits: int = 3) -> str:
        """The locations in words: ``x = 0``, ``x = ±1.32`` (a symmetric pair), ``x = -1, 2``.

        A refined location is accurate to about the square root of machine precision at
        a smooth maximum, so values within ``1e-6`` of 0 are written as 0.
        """
        if not self.locations:
            return "nowhere"
        shown = [0.0 if abs(w) < 1e-6 else w for w in self.locations]
        first, last = shown[0], shown[-1]
        if len(shown) == 2 and abs(first + last) <= 1e-6 * max(1.0, abs(last)):
            return f"x = ±{abs(last):.{digits}g}"
        return "x = " + ", ".join(f"{w:.{digits}g}" for w in shown)


Function = str | Activation | Callable[[np.ndarray], Any]


def _as_function(
    spec: Function, params: Mapping[str, float] | None, name: str, derivative: bool
) -> Callable[[np.ndarray], np.ndarray]:
    """A float64 array function (or its derivative) from a name, a record or a callable."""
    if isinstance(spec, str | Activation):
        activation = get(spec)
        if not activation.elementwise:
            raise ValueError(f"parameter {name!r}: {activation.name} is not elementwise")
        resolved = activation.resolve(params)
        kernel = activation.derivative if derivative else activation.function
        return lambda x: np.asarray(kernel(x, **resolved), dtype=np.float64)
    if not callable(spec):
        raise ValueError(f"parameter {name!r} must be an activation name or a callable")
    if params:
        raise ValueError(f"parameter '{name}_params' is only for registry activations")
    if derivative:
        raise ValueError(
            f"parameter {name!r}: a plain function has no derivative here; with "
            "derivative=True pass a registry name"
        )

    def call(x: np.ndarray) -> np.ndarray:
        # A function that ignores its input (returns a scalar) would broadcast into a
        # plausible-looking but meaningless gap.
        values = np.asarray(spec(x), dtype=np.float64)
        if values.shape != x.shape:
            raise ValueError(
                f"parameter {name!r} must return an array of its input's shape {x.shape}, "
                f"got shape {values.shape}"
            )
        return values

    return call


def max_gap(
    f: Function,
    g: Function,
    *,
    f_params: Mapping[str, float] | None = None,
    g_params: Mapping[str, float] | None = None,
    derivative: bool = False,
    interval: tuple[float, float] = (-20.0, 20.0),
    points: int = 40_001,
) -> Gap:
    """The largest gap ``max |f(x) - g(x)|`` over ``interval``, and where it is reached.

    Parameters
    ----------
    f, g : str, Activation or callable
        Registry names or records (elementwise activations), or functions of a float64
        array that return an array of the same shape. For an approximation, pass the
        stand-in as ``f`` and the exact function as ``g``: ``Gap.signed`` is then the
        signed error ``f - g``.
    f_params, g_params : mapping, optional
        Parameters of ``f`` and ``g`` when they come from the registry.
    derivative : bool
        Compare the derivatives ``f'`` and ``g'`` (the registry's, so the value chosen
        at a kink counts) instead of the functions; registry activations only.
    interval : tuple of float
        Where to search, ``(low, high)``.
    points : int
        Size of the initial grid; every local maximum among the largest few is then
        refined by a bounded Brent search between its two grid neighbours.

    Returns
    -------
    Gap

    Raises
    ------
    ValueError
        If the interval or the grid size is invalid, if a callable does not return an
        array of its input's shape, if ``derivative`` is asked of a plain callable, if the
        difference is NaN or infinite on the grid, or if the largest gap lies at an end of
        the interval (the supremum may then lie outside it, or be infinite: widen
        ``interval`` to find out).

    Examples
    --------
    >>> import math
    >>> gap = max_gap("softplus", "relu")
    >>> round(gap.value, 12) == round(math.log(2), 12), gap.where
    (True, 0.0)
    >>> tanh_form = max_gap("gelu_tanh", "gelu")  # an even error: two peaks
    >>> f"{tanh_form.value:.2e}", tanh_form.where_text(), tanh_form.signed > 0
    ('4.73e-04', 'x = ±2.7', True)
    """
    low, high = interval_check("interval", interval)
    points = integer("points", points, 3)
    derivative = boolean("derivative", derivative)
    first = _as_function(f, f_params, "f", derivative)
    second = _as_function(g, g_params, "g", derivative)

    def gap_at(x: np.ndarray) -> np.ndarray:
        return first(x) - second(x)

    x = np.linspace(low, high, points)
    signed = gap_at(x)
    if not np.isfinite(signed).all():
        bad = ~np.isfinite(signed)
        where, value = float(x[bad][0]), float(signed[bad][0])
        shown = "NaN" if math.isnan(value) else f"{value:g}"
        raise ValueError(
            f"parameters 'f' and 'g': their difference is {shown} at x = {where:g}, "
            "not a finite number"
        )
    size = np.abs(signed)
    if not size.any():
        return Gap(0.0, (), 0.0, (low, high), derivative)

    candidates = _local_maxima(size)
    refined = [_refine(gap_at, x, i) for i in candidates]
    best = max(value for _, value in refined)
    # Maxima that tie with the best (symmetric pairs) are all reported.
    locations = sorted(where for where, value in refined if value >= best * (1 - 1e-7))
    unique = [locations[0]]
    for where in locations[1:]:
        if where - unique[-1] > 2 * (high - low) / (points - 1):
            unique.append(where)
    spacing = (high - low) / (points - 1)
    if unique[0] - low < spacing or high - unique[-1] < spacing:
        raise ValueError(
            f"the largest gap, {best:.6g}, lies at an end of parameter 'interval' "
            f"{(low, high)}: the supremum may lie outside it or be infinite; widen it"
        )
    value_at_first = float(gap_at(np.array([unique[0]]))[0])
    return Gap(best, tuple(unique), value_at_first, (low, high), derivative)


def _local_maxima(size: np.ndarray) -> list[int]:
    """Indices of the largest grid maxima (ends included), at most ``_CANDIDATES``."""
    padded = np.concatenate(([-np.inf], size, [-np.inf]))
    peaks = np.flatnonzero((padded[1:-1] >= padded[:-2]) & (padded[1:-1] >= padded[2:]))
    # A plateau gives a run of equal peaks: keep the first of each run.
    peaks = peaks[np.concatenate(([True], np.diff(peaks) > 1))]
    order = np.argsort(-size[peaks], kind="stable")
    return sorted(int(i) for i in peaks[order[:_CANDIDATES]])


def _refine(
    gap_at: Callable[[np.ndarray], np.ndarray], x: np.ndarray, i: int
) -> tuple[float, float]:
    """Location and value of the local maximum of ``|gap|`` bracketed by ``x[i±1]``."""

    def size_at(t: float) -> float:
        return float(abs(gap_at(np.array([t]))[0]))

    grid_value = size_at(float(x[i]))
    lo, hi = float(x[max(i - 1, 0)]), float(x[min(i + 1, x.size - 1)])
    result = optimize.minimize_scalar(
        lambda t: -size_at(t), bounds=(lo, hi), method="bounded", options={"xatol": 1e-12}
    )
    # Keep the grid point unless the optimiser found more than rounding noise: on a flat
    # maximum (softplus against squareplus at 0 is quartic) the optimiser wanders by
    # 1e-4 for a gain of one ulp, while the grid point is exact.
    if -result.fun > grid_value * (1 + 8 * np.finfo(np.float64).eps):
        return float(result.x), float(-result.fun)
    return float(x[i]), grid_value
