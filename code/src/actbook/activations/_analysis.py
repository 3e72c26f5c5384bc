"""Numbers about curves: how far an approximation strays, where a dip bottoms out.

:func:`approximation_error` measures the largest difference between an activation and
a cheaper stand-in for it (GELU and its tanh and sigmoid forms, SiLU and hard swish),
and :func:`curve_minimum` locates the minimum of a non-monotone activation (the dip of
GELU and SiLU). Both sample densely and then refine with SciPy, so the numbers the
chapters print carry more digits than any grid would give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from ._registry import Activation, get

__all__ = ["ApproximationError", "Extremum", "approximation_error", "curve_minimum"]


@dataclass(frozen=True)
class ApproximationError:
    """The largest error of an approximation, and where it occurs.

    Parameters
    ----------
    error : float
        ``approximation(at) - reference(at)``, signed.
    at : float
        The input where ``|error|`` is largest (for an even error, either of ``±at``).
    """

    error: float
    at: float

    @property
    def largest(self) -> float:
        """``|error|``: the largest absolute difference."""
        return abs(self.error)


@dataclass(frozen=True)
class Extremum:
    """A point of a curve: its input ``x`` and value ``value``."""

    x: float
    value: float


def _values(activation: Activation, params: Mapping[str, float], derivative: bool):
    """``x -> f(x)`` or ``x -> f'(x)`` as floats, with validated parameters."""
    resolved = activation.resolve(params)
    kernel = activation.derivative if derivative else activation.function

    def evaluate(x):
        return np.asarray(kernel(np.asarray(x, dtype=np.float64), **resolved), dtype=np.float64)

    return evaluate


def approximation_error(
    reference: str | Activation,
    approximation: str | Activation,
    *,
    params: Mapping[str, float] | None = None,
    approximation_params: Mapping[str, float] | None = None,
    derivative: bool = False,
    xlim: tuple[float, float] = (-8.0, 8.0),
    points: int = 16001,
) -> ApproximationError:
    """The largest ``|approximation - reference|`` over ``xlim``, located to ~1e-9.

    Parameters
    ----------
    reference, approximation : str or Activation
        Registry names or records (elementwise).
    params, approximation_params : mapping, optional
        Parameters of each; defaults fill in the rest.
    derivative : bool
        Compare the derivatives instead of the functions.
    xlim : tuple of float
        The interval searched; beyond it the caller must know the error is smaller (for
        the GELU approximations it decays like the Gaussian tail).
    points : int
        Samples before refinement; at least 3.

    Returns
    -------
    ApproximationError

    Raises
    ------
    ValueError
        If ``xlim`` is empty or not finite, ``points < 3``, or a parameter is invalid.
    """
    low, high = (float(v) for v in xlim)
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"parameter 'xlim' must be a finite interval (low, high), got {xlim!r}")
    if int(points) != points or points < 3:
        raise ValueError(f"parameter 'points' must be an integer of at least 3, got {points!r}")
    exact = _values(get(reference), params or {}, derivative)
    approx = _values(get(approximation), approximation_params or {}, derivative)

    def gap(x):
        return approx(x) - exact(x)

    grid = np.linspace(low, high, int(points))
    errors = gap(grid)
    i = int(np.argmax(np.abs(errors)))
    left, right = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    # |gap| is unimodal between the neighbours of its largest sample (a kink included).
    result = optimize.minimize_scalar(
        lambda x: -abs(float(gap(x))),
        bounds=(left, right),
        method="bounded",
        options={"xatol": 1e-10},
    )
    at = float(result.x) if -result.fun > abs(errors[i]) else float(grid[i])
    return ApproximationError(error=float(gap(at)), at=at)


def curve_minimum(
    activation: str | Activation,
    params: Mapping[str, float] | None = None,
    *,
    bracket: tuple[float, float] = (-20.0, 0.0),
    points: int = 4001,
) -> Extremum:
    """The lowest local minimum of an activation inside ``bracket``.

    The derivative is sampled on the bracket; each place where it changes from negative
    to non-negative is a local minimum, located by Brent's method on the derivative
    (to machine precision for smooth curves; exactly at a kink for piecewise ones).

    Parameters
    ----------
    activation : str or Activation
        A registry name or record (elementwise).
    params : mapping, optional
        Parameters; defaults fill in the rest.
    bracket : tuple of float
        Where to look. GELU's and SiLU's dips lie left of 0.
    points : int
        Samples of the derivative; at least 3.

    Returns
    -------
    Extremum

    Raises
    ------
    ValueError
        If the bracket holds no local minimum (a monotone curve, or SiLU with
        ``beta = 0``), or the arguments are invalid.
    """
    low, high = (float(v) for v in bracket)
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(
            f"parameter 'bracket' must be a finite interval (low, high), got {bracket!r}"
        )
    if int(points) != points or points < 3:
        raise ValueError(f"parameter 'points' must be an integer of at least 3, got {points!r}")
    record = get(activation)
    value = _values(record, params or {}, derivative=False)
    slope = _values(record, params or {}, derivative=True)
    grid = np.linspace(low, high, int(points))
    d = slope(grid)
    turns = np.flatnonzero((d[:-1] < 0) & (d[1:] >= 0))
    if turns.size == 0:
        raise ValueError(
            f"{record.name} with {record.resolve(params)} has no local minimum in {bracket!r}"
        )
    candidates = []
    for i in turns:
        if d[i + 1] == 0:
            x = float(grid[i + 1])
        else:
            x = optimize.brentq(lambda t: float(slope(t)), grid[i], grid[i + 1], xtol=1e-15)
        candidates.append(Extremum(x=x, value=float(value(x))))
    return min(candidates, key=lambda e: e.value)
