"""Properties of the activations, computed from their implementations.

The registry *declares* properties (``Activation.properties``); this module *computes*
them from the numpy functions and the SymPy definitions, so that tests can compare the
two and the book's property table is never typed by hand. Every property is evaluated
at the default parameters unless others are given.

Definitions (the numbers are fixed so that a table cell means one thing):

``range`` : (lo, hi)
    Infimum and supremum of ``f`` over the real line. ``f`` is sampled on a dense grid
    over ``[-20, 20]`` plus logarithmic tails out to ``±1e300`` and at ``±inf`` (the
    package promises the mathematical limit there); interior extrema are refined by
    repeated local re-sampling.
``range_closed`` : (bool, bool)
    Whether each end of ``range`` is attained at a finite input (see :func:`_attained`):
    sigmoid ``(False, False)``, its range ``(0, 1)``; ReLU ``(True, False)``, ``[0, inf)``;
    SiLU's minimum is attained. An infinite end is never attained. Tables print standard
    notation from it, ``[`` for an attained end and ``(`` for one only approached.
``values`` : tuple or None
    The values of ``f`` when it takes only a few (at most 4 on the grid): ``(0.0, 1.0)``
    for the step, whose range is the set {0, 1}, not an interval. None otherwise.
``derivative_range``, ``derivative_range_closed``, ``derivative_values``
    The same for the package's derivative, so the value chosen at a kink counts:
    ``σ'`` has range ``(0, 1/4]``, ReLU's slope the values {0, 1}.
``monotonic`` : bool
    ``f`` is non-decreasing or non-increasing on the grid (a difference below
    ``-1e-8`` times the local magnitude is a decrease; smaller ones are cut-off
    artefacts, as for ``smooth``).
``odd`` : bool
    ``f(-x) = -f(x)`` on the grid (to ``1e-9`` relative): outputs are symmetric about
    zero whenever inputs are. tanh is odd; sigmoid, ReLU and SELU are not.
``zero_centred`` : bool
    The mean output for standard-normal inputs is zero, ``|E f(Z)| <= 1e-9`` for
    ``Z ~ N(0, 1)``. Every odd function is zero-centred; SELU is zero-centred by design
    without being odd (``E selu(Z) = 0``, its negative side heavier and shorter).
``mean_output`` : float
    ``E f(Z)`` for ``Z ~ N(0, 1)``: what a layer passes on when its pre-activations are
    standard normal.
``bounded_above``, ``bounded_below`` : bool
    ``hi < inf`` and ``lo > -inf``.
``smooth`` : str
    ``"C-infinity"``, ``"C1"``, ``"C0"`` or ``"discontinuous"`` (``"C<k>"`` for other
    finite ``k``). Jumps smaller than ``1e-8`` relative are not counted: they are
    numerical cut-offs below float32 resolution, such as softplus switching to ``x``
    above its threshold (a jump of ``log1p(exp(-20)) = 2.1e-9``), not structure.
    Decided symbolically: Max, Min, Abs, Heaviside and sign are rewritten
    as ``Piecewise``; every piece is analytic, so the class is set by the breakpoints,
    where the one-sided values of ``f, f', f'', ...`` (up to the 6th derivative) are
    compared. An expression without breakpoints is C-infinity. Activations without a
    SymPy definition (softmax's slice; the gated units have one for theirs) are
    classified numerically, see :func:`_numeric_smoothness`.
``identity_near_origin`` : bool
    ``f(0) = 0`` and both one-sided difference quotients of ``f`` at 0 equal 1 (to
    ``1e-4``). One-sided quotients of ``f`` are used rather than the package's
    derivative at 0, so that a kink at the origin (ReLU) does not pass by convention.
``exp_like_calls`` : int
    Number of distinct transcendental function calls (exp, log, erf, tanh, sin, ...) in
    the SymPy expression: the per-element cost that dominates on a CPU. Identical
    sub-expressions count once, since an implementation computes them once. The
    smaller of the count for the expression as written and for its ``rewrite(exp)``
    form is taken, because an implementation may use either: Mish,
    ``x tanh(log(1 + e^x))``, needs only ``e^x`` once rewritten. Activations without
    a SymPy definition get ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import integrate, optimize

from .._checks import integer, interval, name_sequence, real, records
from ._registry import Activation, get, registry

__all__ = [
    "PROPERTY_KEYS",
    "Extremum",
    "computed_properties",
    "curve_minimum",
    "properties_markdown",
    "properties_table",
    "property_mismatches",
    "range_text",
]

#: Every property this module can compute, in table order.
PROPERTY_KEYS = (
    "range",
    "range_closed",
    "monotonic",
    "odd",
    "zero_centred",
    "bounded_above",
    "bounded_below",
    "smooth",
    "derivative_range",
    "derivative_range_closed",
    "identity_near_origin",
    "exp_like_calls",
)

# Relative size below which a jump or a decrease is a numerical cut-off, not structure.
_CUTOFF = 1e-8

# Tolerances for comparing declared and computed floats: declarations are written to a
# few significant digits (GELU's minimum as -0.17), so an exact match cannot be asked.
# |E f(Z)| at most this is a zero mean: quadrature error is about 1e-16 (SELU's mean).
_ZERO_MEAN = 1e-9
_REL_TOL = 1e-3
_ABS_TOL = 1e-3

_CORE_HALF_WIDTH = 20.0
_CORE_POINTS = 400_001
_MAX_DERIVATIVE_ORDER = 6


# -- sampling -------------------------------------------------------------------------------
def _grid() -> np.ndarray:
    """Dense core, logarithmic tails and ±inf; includes every integer in the core."""
    core = np.linspace(-_CORE_HALF_WIDTH, _CORE_HALF_WIDTH, _CORE_POINTS)
    tail = np.logspace(np.log10(_CORE_HALF_WIDTH), 300, 600)
    return np.concatenate(([-np.inf], -tail[::-1], core, tail, [np.inf]))


def _scalar_functions(activation: Activation, params: Mapping[str, float]):
    """``(f, f')`` as functions of a 1-D array, for elementwise and sliced activations."""
    if activation.elementwise:
        f, df = activation.function, activation.derivative
    elif activation.curve is not None and activation.curve_derivative is not None:
        f, df = activation.curve, activation.curve_derivative
    else:
        raise ValueError(f"{activation.name} has neither an elementwise form nor a 1-D slice")

    def value(x: np.ndarray) -> np.ndarray:
        return np.asarray(f(x, **params), dtype=np.float64)

    def slope(x: np.ndarray) -> np.ndarray:
        return np.asarray(df(x, **params), dtype=np.float64)

    return value, slope


def _extreme_points(
    func, grid: np.ndarray, values: np.ndarray
) -> tuple[tuple[float, Any], tuple[float, Any]]:
    """``((inf, x_inf), (sup, x_sup))`` of ``func``: each end with the point that takes it.

    ``values`` is ``func(grid)``. Where the extreme sample is an interior grid point, the
    neighbourhood is re-sampled finely a few times, so a smooth interior minimum (GELU's)
    is found to ~1e-12.
    Samples that are NaN (a limit the formula cannot take at ±inf) are ignored. The
    point is None when the end is a value at ±inf (a limit).
    """
    finite_x = np.isfinite(grid)
    results = []
    for pick in (np.nanargmin, np.nanargmax):
        index = int(pick(values))
        best = float(values[index])
        where = float(grid[index]) if finite_x[index] else None
        x_lo = grid[max(index - 1, 0)]
        x_hi = grid[min(index + 1, len(grid) - 1)]
        if finite_x[index] and np.isfinite(x_lo) and np.isfinite(x_hi):
            for _ in range(4):
                local = np.linspace(x_lo, x_hi, 2001)
                with np.errstate(all="ignore"):
                    local_values = func(local)
                j = int(pick(local_values))
                candidate = float(local_values[j])
                if (candidate < best) if pick is np.nanargmin else (candidate > best):
                    best, where = candidate, float(local[j])
                step = local[1] - local[0]
                x_lo, x_hi = local[j] - step, local[j] + step
        results.append((best, where))
    return results[0], results[1]


# Exact binary fractions (every integer, half and 64th) on [-10, 10]: kinks sit on them.
_ATTAIN_POINTS = np.arange(-640, 641) / 64.0
# Farther out, a float can equal an asymptote by rounding alone (sigmoid(40) == 1.0).
_ATTAIN_REACH = 10.0
# The most distinct values a function may take on the grid and still count as a finite set.
_FEW_VALUES = 4


def _attained(func, end: float, where: Any) -> bool:
    """Whether ``func`` takes the value ``end`` at a finite input.

    An infinite end is never attained. A finite one is attained when ``func`` equals it
    exactly at one of :data:`_ATTAIN_POINTS` (an end reached on a half-line or at a
    kink: ReLU's 0, ReLU6's 6), or when the refined extreme point ``where`` lies within
    ``±10`` and ``func`` is continuous there, with the end as a true local extremum (a
    smooth minimum: SiLU's, GELU's slope). An end that is only approached, at ±inf or at
    a jump (hard swish's slope next to ±3), fails both. Points beyond ``±10`` are not
    used, since there floats round to asymptotes (``sigmoid(40) == 1.0``); no registered
    activation reaches an end only beyond them (tested).
    """
    if not math.isfinite(end):
        return False
    with np.errstate(all="ignore"):
        if np.any(func(_ATTAIN_POINTS) == end):
            return True
        if where is None or abs(where) > _ATTAIN_REACH:
            return False
        h = 1e-7
        left, centre, right = (float(v) for v in func(np.array([where - h, where, where + h])))
    tolerance = 1e-6 * max(1.0, abs(end))
    return centre == end and abs(left - centre) <= tolerance and abs(right - centre) <= tolerance


def _finite_values(values: np.ndarray) -> tuple[float, ...] | None:
    """The sampled ``values``, when there are at most :data:`_FEW_VALUES` (the step's)."""
    values = values[~np.isnan(values)]
    # Sorting 400k samples is most of the cost; a thinned sample that already has too
    # many values decides it for the continuous functions, which are most of them.
    if len(np.unique(values[::997])) > _FEW_VALUES:
        return None
    distinct = np.unique(values)
    return tuple(float(v) for v in distinct) if len(distinct) <= _FEW_VALUES else None


def _is_monotonic(values: np.ndarray) -> bool:
    values = values[~np.isnan(values)]
    with np.errstate(all="ignore"):
        steps = np.diff(values)  # inf - inf = NaN between two infinite samples: no step
        slack = _CUTOFF * np.maximum(1.0, np.abs(values[1:]))
    steps = np.where(np.isnan(steps), 0.0, steps)
    return bool(np.all(steps >= -slack) or np.all(steps <= slack))


def _is_odd(value) -> bool:
    """``f(-x) = -f(x)`` on the finite core grid, to 1e-9 relative."""
    x = np.linspace(0.0, _CORE_HALF_WIDTH, _CORE_POINTS // 2 + 1)
    with np.errstate(all="ignore"):
        right, left = value(x), value(-x)
    scale = np.maximum(1.0, np.abs(right))
    return bool(np.all(np.abs(right + left) <= 1e-9 * scale))


def _mean_output(value) -> float:
    """``E f(Z)`` for ``Z ~ N(0, 1)``, by Simpson's rule on [-12, 12].

    The grid has a point at every integer and an even number of steps between them, so
    no Simpson panel straddles a kink at an integer (0 for ReLU and the ELUs): the error
    is O(h^4) with h = 1.2e-4, and SELU's mean, 0 by design, comes out as 0 to about
    1e-16 (the trapezoidal rule left 3e-10 from SELU's kink). A jump at a grid point
    (the step function) still costs O(h), about 2e-5.
    """
    z = np.linspace(-12.0, 12.0, 200_001)
    weight = np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    return float(integrate.simpson(value(z) * weight, x=z))


def _identity_near_origin(value) -> bool:
    h = 1e-6
    f0, f_plus, f_minus = (float(v) for v in value(np.array([0.0, h, -h])))
    right = (f_plus - f0) / h
    left = (f0 - f_minus) / h
    return abs(f0) <= 1e-12 and abs(right - 1) <= 1e-4 and abs(left - 1) <= 1e-4


# -- symbolic -------------------------------------------------------------------------------
_NON_SMOOTH = ("Max", "Min", "Abs", "Heaviside", "sign")


def _piecewise_form(expr: Any) -> Any:
    """``expr`` with every non-smooth primitive rewritten as a flat ``Piecewise``."""
    import sympy

    for name in _NON_SMOOTH:
        cls = getattr(sympy, name)
        expr = expr.replace(
            lambda e, cls=cls: isinstance(e, cls), lambda e: e.rewrite(sympy.Piecewise)
        )
    return sympy.piecewise_fold(expr)


def _breakpoints(expr: Any, x: Any) -> list[float]:
    """Real points where some ``Piecewise`` condition in ``expr`` changes truth value."""
    import sympy

    points: set[float] = set()
    for piecewise in expr.atoms(sympy.Piecewise):
        for _, condition in piecewise.args:
            for relation in condition.atoms(sympy.core.relational.Relational):
                for root in sympy.solve(relation.lhs - relation.rhs, x):
                    if root.is_real:
                        points.add(float(root))
    return sorted(points)


def _active_piece(expr: Any, x: Any, where: float) -> Any:
    """The analytic expression that ``expr`` equals near ``where`` (not at it)."""
    import sympy

    def pick(e):
        for value, condition in e.args:
            if bool(condition.subs(x, where)):
                return value
        raise ValueError("no Piecewise branch applies")  # pragma: no cover

    previous = None
    while previous is not expr:
        previous = expr
        expr = expr.replace(lambda e: isinstance(e, sympy.Piecewise), pick)
    return expr


def _symbolic_smoothness(expr: Any, x: Any) -> str:
    """Smoothness class from one-sided derivatives at the breakpoints of ``expr``."""
    expr = _piecewise_form(expr)
    points = _breakpoints(expr, x)
    worst = _MAX_DERIVATIVE_ORDER + 1  # "no jump found up to this order"
    for c in points:
        eps = 1e-9 * max(1.0, abs(c))
        left = _active_piece(expr, x, c - eps)
        right = _active_piece(expr, x, c + eps)
        for order in range(worst):
            a = complex(left.diff(x, order).subs(x, c).evalf(30))
            b = complex(right.diff(x, order).subs(x, c).evalf(30))
            if abs(a - b) > _CUTOFF * max(1.0, abs(a), abs(b)):
                worst = order
                break
    if worst > _MAX_DERIVATIVE_ORDER:
        return "C-infinity"
    if worst == 0:
        return "discontinuous"
    return f"C{worst - 1}"


def _numeric_smoothness(value, slope) -> str:
    """Smoothness from samples, for activations without a SymPy definition.

    A jump in ``g`` (``f`` or ``f'``) shows as a difference between neighbours that does
    not shrink when the spacing does: compare the largest neighbour difference on two
    grids whose spacings differ 16-fold. For a continuous ``g`` the ratio is about 16;
    for a jump it is about 1. A third level (``f''`` by differencing ``f'``) separates
    C1 from smoother; beyond that the method reports C-infinity.
    """
    coarse = np.linspace(-10, 10, 20_001)
    fine = np.linspace(-10, 10, 320_001)

    def jumps(g) -> bool:
        with np.errstate(all="ignore"):
            big = np.nanmax(np.abs(np.diff(g(coarse))))
            small = np.nanmax(np.abs(np.diff(g(fine))))
        return bool(big > 0 and small > big / 4)

    def second(x: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.gradient(slope(x), x)

    if jumps(value):
        return "discontinuous"
    if jumps(slope):
        return "C0"
    if jumps(second):
        return "C1"
    return "C-infinity"


def _transcendental_calls(expr: Any) -> int:
    """Distinct transcendental calls (exp, log, erf, tanh, ...) in ``expr``."""
    import sympy

    piecewise_like = tuple(getattr(sympy, name) for name in (*_NON_SMOOTH, "Piecewise"))
    calls = {
        node
        for node in sympy.preorder_traversal(expr)
        if isinstance(node, sympy.Function) and not isinstance(node, piecewise_like)
    }
    return len(calls)


# -- public ---------------------------------------------------------------------------------
def computed_properties(
    activation: str | Activation, params: Mapping[str, float] | None = None
) -> dict[str, Any]:
    """Compute every property in :data:`PROPERTY_KEYS` from the implementation.

    Parameters
    ----------
    activation : str or Activation
        A registry name or a record (records need not be registered).
    params : mapping, optional
        Parameter values; defaults fill in the rest.

    Returns
    -------
    dict
        One entry per key of :data:`PROPERTY_KEYS`, plus ``mean_output``.
        ``exp_like_calls`` is ``None`` for activations without a SymPy definition. See
        the module docstring for the definitions.
    """
    activation = get(activation)
    resolved = activation.resolve(params)
    value, slope = _scalar_functions(activation, resolved)
    grid = _grid()
    # Each function is evaluated on the grid once; every sampled property reads these.
    with np.errstate(all="ignore"):
        values, slopes = value(grid), slope(grid)
    finite = np.isfinite(grid)
    sampled = values[finite]
    (lo, x_lo), (hi, x_hi) = _extreme_points(value, grid, values)
    (d_lo, dx_lo), (d_hi, dx_hi) = _extreme_points(slope, grid, slopes)
    # For an activation that is not elementwise, the SymPy definition (if any) is that of
    # its 1-D slice: the function whose properties are computed here.
    if activation.sympy_expression is not None:
        import sympy

        x, _ = activation.symbols()
        expr = activation.expression(**resolved)
        smooth = _symbolic_smoothness(expr, x)
        calls: int | None = min(
            _transcendental_calls(expr), _transcendental_calls(expr.rewrite(sympy.exp))
        )
    else:
        smooth = _numeric_smoothness(value, slope)
        calls = None
    mean_output = _mean_output(value)
    return {
        "range": (lo, hi),
        "range_closed": (_attained(value, lo, x_lo), _attained(value, hi, x_hi)),
        "values": _finite_values(sampled),
        "monotonic": _is_monotonic(sampled),
        "odd": _is_odd(value),
        "zero_centred": abs(mean_output) <= _ZERO_MEAN,
        "bounded_above": bool(hi < math.inf),
        "bounded_below": bool(lo > -math.inf),
        "smooth": smooth,
        "derivative_range": (d_lo, d_hi),
        "derivative_range_closed": (_attained(slope, d_lo, dx_lo), _attained(slope, d_hi, dx_hi)),
        "derivative_values": _finite_values(slopes[finite]),
        "identity_near_origin": _identity_near_origin(value),
        "exp_like_calls": calls,
        "mean_output": mean_output,
    }


@dataclass(frozen=True)
class Extremum:
    """A point of a curve: its input ``x`` and value ``value``."""

    x: float
    value: float


def curve_minimum(
    activation: str | Activation,
    params: Mapping[str, float] | None = None,
    *,
    bracket: tuple[float, float] = (-20.0, 0.0),
    points: int = 4001,
) -> Extremum:
    """The lowest local minimum of an activation inside ``bracket``: where, and how low.

    :func:`computed_properties` gives the lower end of the range; this gives the point
    where a non-monotone curve (GELU, SiLU, Mish, hard swish) reaches it. The derivative
    is sampled on the bracket; each place where it changes from negative to
    non-negative is a local minimum, located by Brent's method on the derivative (to
    machine precision for smooth curves; exactly at a kink for piecewise ones).

    Parameters
    ----------
    activation : str or Activation
        A registry name or record (elementwise, or with a 1-D slice).
    params : mapping, optional
        Parameters; defaults fill in the rest.
    bracket : tuple of float
        Where to look, ``(low, high)``. GELU's and SiLU's dips lie left of 0.
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

    Examples
    --------
    >>> dip = curve_minimum("hard_swish")
    >>> dip.x, dip.value
    (-1.5, -0.375)
    """
    low, high = interval("bracket", bracket)
    points = integer("points", points, 3)
    record = get(activation)
    value, slope = _scalar_functions(record, record.resolve(params))
    grid = np.linspace(low, high, points)
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
            x = optimize.brentq(
                lambda t: float(slope(np.array([t]))[0]), grid[i], grid[i + 1], xtol=1e-15
            )
        candidates.append(Extremum(x=x, value=float(value(np.array([x]))[0])))
    return min(candidates, key=lambda e: e.value)


def saturation_onset(
    activation: str | Activation,
    level: float,
    *,
    start: float,
    end: float,
    params: Mapping[str, float] | None = None,
) -> float:
    """Where float64 evaluation first returns exactly ``level``, going from ``start`` to ``end``.

    A bounded activation never reaches its bounds mathematically, but its float64 value
    rounds to them: sigmoid returns exactly 1.0 from about ``x = 36.7`` on. This finds
    that point for the package's implementation by bisection on float64 numbers: the
    input ``x`` between ``start`` and ``end`` nearest to ``start`` with ``f(x) == level``
    whose neighbour towards ``start`` gives ``f != level``. It assumes the computed
    ``f`` equals ``level`` on the whole stretch from there to ``end`` (true for the
    saturating tails of sigmoid and tanh); for a curve that hits ``level`` more than
    once it returns one of the crossings.

    Parameters
    ----------
    activation : str or Activation
        A registry name or record (elementwise, or with a 1-D slice).
    level : float
        The value to look for, such as 1.0 or 0.0.
    start, end : float
        Finite inputs with ``f(start) != level`` and ``f(end) == level``; ``end`` may be
        below ``start`` (for a lower tail).
    params : mapping, optional
        Parameters; defaults fill in the rest.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``f(start)`` already equals ``level``, ``f(end)`` does not, or an argument is
        invalid.

    Examples
    --------
    >>> saturation_onset("tanh", 1.0, start=15.0, end=25.0) < 19.1
    True
    """
    level = real("level", level)
    start, end = real("start", start), real("end", end)
    record = get(activation)
    value, _ = _scalar_functions(record, record.resolve(params))

    def hits(x: float) -> bool:
        return bool(value(np.array([x]))[0] == level)

    if hits(start):
        raise ValueError(f"parameter 'start': {record.name}({start:g}) is already {level:g}")
    if not hits(end):
        raise ValueError(f"parameter 'end': {record.name}({end:g}) is not {level:g}")
    outside, inside = start, end  # outside misses the level, inside hits it
    while np.nextafter(outside, inside) != inside:
        middle = outside / 2 + inside / 2  # halves first: no overflow near the float limit
        if middle in (outside, inside):  # adjacent in effect; cannot split further
            break
        outside, inside = (outside, middle) if hits(middle) else (middle, inside)
    return float(inside)


def _same(declared: Any, computed: Any) -> bool:
    """Whether a declared value agrees with a computed one (floats within tolerance)."""
    if isinstance(declared, (tuple, list)) and isinstance(computed, (tuple, list)):
        return len(declared) == len(computed) and all(
            _same(a, b) for a, b in zip(declared, computed, strict=True)
        )
    if isinstance(declared, bool) or isinstance(computed, bool):
        return bool(declared) is bool(computed) and isinstance(declared, bool)
    if isinstance(declared, (int, float)) and isinstance(computed, (int, float)):
        a, b = float(declared), float(computed)
        if math.isinf(a) or math.isinf(b):
            return a == b
        return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=_ABS_TOL)
    return declared == computed


def property_mismatches(
    activation: str | Activation, computed: Mapping[str, Any] | None = None
) -> list[str]:
    """Declared properties that disagree with the computed ones, as readable lines.

    Parameters
    ----------
    activation : str or Activation
        The record whose ``properties`` are checked (at default parameters).
    computed : mapping, optional
        Precomputed :func:`computed_properties`, to avoid computing twice.

    Returns
    -------
    list of str
        Empty when every declared key in :data:`PROPERTY_KEYS` matches. Keys that cannot
        be computed for this activation (``None``) are not compared.
    """
    activation = get(activation)
    computed = computed if computed is not None else computed_properties(activation)
    problems = []
    for key, declared in activation.properties.items():
        if key not in PROPERTY_KEYS or computed[key] is None:
            continue
        if not _same(declared, computed[key]):
            problems.append(
                f"{activation.name}: {key} declared {declared!r}, computed {computed[key]!r}"
            )
    return problems


def properties_table(names: list[str] | None = None) -> list[dict[str, Any]]:
    """Computed properties of registered activations, one row per activation.

    Parameters
    ----------
    names : list of str, optional
        Which activations, in order; all registered ones by default.

    Returns
    -------
    list of dict
        ``{"name", "title", **computed_properties}`` per activation.
    """
    chosen = (
        [get(n) for n in name_sequence("names", names)] if names is not None else list(registry())
    )
    return [{"name": a.name, "title": a.title, **computed_properties(a)} for a in chosen]


def _number(value: float) -> str:
    if value == math.inf:
        return "∞"
    if value == -math.inf:
        return "−∞"
    text = f"{value + 0.0:.3g}"  # + 0.0 turns -0.0 into 0.0
    return text.replace("-", "−")


def _tidy(value: float) -> float:
    """Quadrature noise (|x| < 1e-12) shown as 0 rather than as -5.55e-17."""
    return 0.0 if abs(value) < 1e-12 else value


def _interval(pair: tuple[float, float], closed: tuple[bool, bool], values=None) -> str:
    """A range in standard notation: ``[`` where an end is attained, ``(`` where not.

    A function with only a few values (the step, ReLU's slope) is shown as their set.
    """
    if values is not None:
        return "{" + ", ".join(_number(v) for v in values) + "}"
    left = "[" if closed[0] else "("
    right = "]" if closed[1] else ")"
    return f"{left}{_number(pair[0])}, {_number(pair[1])}{right}"


def _set_text(part: Any) -> str:
    """One piece of a SymPy set in standard notation: ``{0}``, ``(1, ∞)``."""
    import sympy

    if isinstance(part, sympy.FiniteSet):
        return "{" + ", ".join(_number(float(v)) for v in sorted(part)) + "}"
    left = "(" if part.left_open or part.start.is_infinite else "["
    right = ")" if part.right_open or part.end.is_infinite else "]"
    return f"{left}{_number(float(part.start))}, {_number(float(part.end))}{right}"


def _piecewise_range(activation: Activation) -> str | None:
    """The exact range of a piecewise SymPy definition, as a union of its pieces' images.

    Returns None when the definition is not piecewise or SymPy cannot find an image.
    """
    import sympy
    from sympy.calculus.util import function_range

    x, _ = activation.symbols()
    expr = activation.expression(**activation.defaults)
    if not isinstance(expr, sympy.Piecewise):
        return None
    remaining, image = sympy.S.Reals, sympy.S.EmptySet
    try:
        for piece, condition in expr.args:
            domain = remaining if condition is sympy.true else condition.as_set() & remaining
            parts = domain.args if isinstance(domain, sympy.Union) else (domain,)
            for part in parts:
                image = image | function_range(piece, x, part)
            remaining = remaining - domain
    except (NotImplementedError, ValueError):
        return None
    parts = image.args if isinstance(image, sympy.Union) else (image,)
    return " ∪ ".join(_set_text(p) for p in sorted(parts, key=lambda p: float(p.inf)))


def range_text(activation: Activation, properties: Mapping[str, Any]) -> str:
    """The range in standard notation, with the gaps of a discontinuous function.

    Parameters
    ----------
    activation : Activation
    properties : mapping
        Its :func:`computed_properties`.

    Returns
    -------
    str
        ``(0, 1)``, ``{0, 1}``, or a union such as ``{0} ∪ (1, ∞)``.

    The computed properties give the infimum and supremum. A continuous function's range
    is the interval between them; a discontinuous one can skip values (the threshold
    function takes 0 and the values above 1, nothing in between), so its range is taken
    from the pieces of its SymPy definition.
    """
    hull = _interval(properties["range"], properties["range_closed"], properties["values"])
    if (
        properties["smooth"] != "discontinuous"
        or properties["values"] is not None
        or activation.sympy_expression is None
    ):
        return hull
    return _piecewise_range(activation) or hull


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _row_range(row: Mapping[str, Any]) -> str:
    """A table row's range: with its gaps when the row names a registered activation."""
    if "name" in row:
        return range_text(get(row["name"]), row)
    return _interval(row["range"], row["range_closed"], row.get("values"))


def properties_markdown(rows: list[dict[str, Any]] | None = None) -> str:
    """The property table as Markdown, for a chapter.

    Parameters
    ----------
    rows : list of dict, optional
        Output of :func:`properties_table`; computed for all activations if omitted.

    Returns
    -------
    str
        A pipe table at default parameters. Ranges are in standard notation, a square
        bracket where the end is attained and a round one where it is only approached;
        a function with a few values shows their set.
    """
    keys = (
        "title",
        "range",
        "range_closed",
        "derivative_range",
        "derivative_range_closed",
        "monotonic",
        "odd",
        "zero_centred",
        "mean_output",
    )
    rows = properties_table() if rows is None else records("rows", rows, keys)
    header = (
        "| Activation | Range | Derivative range | Monotonic | Odd | Zero-centred | "
        "E f(Z) | Smoothness | f(x) ≈ x near 0 | exp-like calls |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    lines = [header]
    for row in rows:
        calls = "—" if row["exp_like_calls"] is None else str(row["exp_like_calls"])
        lines.append(
            f"| {row['title']} | "
            f"{_row_range(row)} | "
            f"{_interval(row['derivative_range'], row['derivative_range_closed'], row.get('derivative_values'))} | "  # noqa: E501
            f"{_yes(row['monotonic'])} | {_yes(row['odd'])} | "
            f"{_yes(row['zero_centred'])} | {_number(_tidy(row['mean_output']))} | "
            f"{row['smooth']} | "
            f"{_yes(row['identity_near_origin'])} | {calls} |"
        )
    return "\n".join(lines)
