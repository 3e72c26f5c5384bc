r"""Mean and variance from layer to layer: the self-normalising property of SELU.

Klambauer et al. (2017) follow the mean :math:`\mu` and the variance :math:`\nu` of one
layer's activations to the next. A unit computes :math:`y = f(z)` with
:math:`z = \sum_i w_i x_i`; if :math:`z` is Gaussian, the next layer's mean and variance
are two Gaussian integrals,

.. math::

    \tilde\mu = \mathbb{E}\, f(z), \qquad \tilde\nu = \operatorname{Var} f(z),

and the question is which distribution :math:`z` has. Two answers are computed here:

* **random weights** (the default): every weight is drawn independently from
  :math:`\mathcal{N}(0, \tau / n)` for :math:`n` inputs, :math:`\tau = 1` being LeCun's
  initialisation and :math:`\tau = 2` He's. Given the inputs, :math:`z` is then exactly
  Gaussian with mean 0 and variance :math:`\tau` times the mean *square* of the inputs,
  so over the units of a layer :math:`z \sim \mathcal{N}(0, \tau(\nu + \mu^2))`: the
  inputs' mean enters through their second moment. This is the map that a network with
  freshly drawn weights follows (tested against such networks);
* **fixed weights** (``omega`` given): the paper's map for one unit whose weights have
  the sum :math:`\omega = \sum_i w_i` and the sum of squares :math:`\tau = \sum_i w_i^2`;
  with independent inputs and the central limit theorem,
  :math:`z \sim \mathcal{N}(\mu\omega, \nu\tau)`. The paper's figure of the map uses
  :math:`\omega = 0, \tau = 1`.

Both maps have the fixed point :math:`(0, 1)` for SELU with :math:`\tau = 1`, and the same
Jacobian there. :func:`gaussian_moments` evaluates the integrals for any registered
elementwise activation by Gauss-Legendre quadrature split at the kink;
:func:`elu_gaussian_moments` is the closed form for scaled ELUs, which the tests compare
with the quadrature and with sampling. :func:`layer_statistics` runs a deep random
network and records each layer's mean and standard deviation next to the map's
prediction, with or without (alpha) dropout.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize, special

from .._checks import choice, finite_array, instance, integer, name_sequence, real, seed_sequence
from ..activations import SELU_ALPHA, SELU_SCALE, Activation, get, numerical_jacobian
from ._experiments import one_blas_thread
from ._mlp import initial_weights

__all__ = [
    "DROPOUT_KINDS",
    "SELU_SATURATION",
    "WEIGHT_TAU",
    "LayerStatistics",
    "MomentField",
    "alpha_dropout_affine",
    "apply_dropout",
    "dropout_moments",
    "elu_gaussian_moments",
    "gaussian_moments",
    "iterate_moment_map",
    "layer_statistics",
    "moment_field",
    "moment_fixed_point",
    "moment_map",
]

#: The value SELU approaches for very negative inputs, :math:`-\lambda\alpha`: the value
#: alpha dropout sets dropped units to.
SELU_SATURATION = -SELU_SCALE * SELU_ALPHA

#: Dropout variants: none, ordinary (inverted) dropout, and alpha dropout.
DROPOUT_KINDS = ("none", "standard", "alpha")

#: :math:`\tau = n \operatorname{Var}(w)` of each initialisation for a square layer
#: (:func:`~actbook.initial_weights`): Xavier's :math:`2/(n + n)` equals LeCun's :math:`1/n`.
WEIGHT_TAU: dict[str, float] = {"lecun": 1.0, "xavier": 1.0, "he": 2.0}

# Quadrature: the standard normal variable u is integrated over [-U, U] (the mass
# outside is 4e-33), split where the activation has its kink, with this many
# Gauss-Legendre nodes per piece. Each piece is an analytic function times a Gaussian,
# so the rule converges fast: 96 nodes agree with the closed form to about 1e-14.
_U = 12.0
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(96)
_SQRT_2PI = math.sqrt(2.0 * math.pi)


# -- Gaussian integrals ---------------------------------------------------------------------
def _mean_variance(mean: Any, variance: Any) -> tuple[np.ndarray, np.ndarray]:
    """Broadcast float64 arrays; a ``ValueError`` naming the argument if one is bad."""
    m = finite_array("mean", mean, min_length=0)
    v = finite_array("variance", variance, min_length=0)
    if not np.all(v > 0):
        raise ValueError(f"parameter 'variance' must be positive, got {variance!r}")
    try:
        return np.broadcast_arrays(m, v)
    except ValueError:
        raise ValueError(
            "parameters 'mean' and 'variance' must broadcast together, "
            f"got shapes {m.shape} and {v.shape}"
        ) from None


def _start(point: Any, name: str = "start") -> tuple[float, float]:
    """A (mean, variance) pair of floats, or a ``ValueError`` naming ``name``."""
    try:
        mean, variance = (float(value) for value in point)
    except (TypeError, ValueError):
        raise ValueError(
            f"parameter {name!r} needs (mean, variance) pairs, got {point!r}"
        ) from None
    if not (math.isfinite(mean) and math.isfinite(variance) and variance > 0):
        raise ValueError(f"parameter {name!r}: the variance must be positive, got {point!r}")
    return mean, variance


def _elementwise(activation: str | Activation) -> Activation:
    act = get(activation)
    if not act.elementwise:
        raise ValueError(f"parameter 'activation': {act.name} is not elementwise")
    return act


def _resolved(act: Activation, params: Any) -> dict[str, float]:
    """The activation's parameters with defaults filled in; a mapping or None only."""
    if params is not None:
        instance("params", params, Mapping, "a mapping of parameter names to values, or None")
    return act.resolve(params)


def _map_options(
    act: Activation, params: Any, tau: Any, omega: Any
) -> tuple[dict[str, float], float, float | None]:
    """The moment map's parameters, checked: the activation's, ``tau > 0`` and ``omega``."""
    tau = real("tau", tau, low=0.0, open_low=True)
    return _resolved(act, params), tau, None if omega is None else real("omega", omega)


def gaussian_moments(
    activation: str | Activation,
    mean: Any,
    variance: Any,
    *,
    params: Mapping[str, float] | None = None,
    breakpoints: Sequence[float] = (0.0,),
) -> tuple[np.ndarray, np.ndarray]:
    r"""Mean and variance of :math:`f(z)` for :math:`z \sim \mathcal{N}(m, v)`, by quadrature.

    With :math:`z = m + \sqrt{v}\,u` and :math:`u` standard normal, each moment is an
    integral over :math:`u` against the Gaussian density, computed by Gauss-Legendre
    quadrature on :math:`[-12, 12]` split at the points where :math:`z` crosses a
    ``breakpoint`` (a kink of :math:`f`, where the rule would otherwise lose its fast
    convergence). The variance is the mean of :math:`(f - \tilde\mu)^2`, not
    :math:`\mathbb{E} f^2 - \tilde\mu^2`, which would cancel digits.

    Parameters
    ----------
    activation : str or Activation
        A registered elementwise activation.
    mean, variance : array_like
        Parameters of the Gaussian; broadcast together. ``variance > 0``.
    params : mapping, optional
        The activation's parameters (defaults fill in the rest).
    breakpoints : sequence of float
        Kinks of ``f``. The default, 0, is where the ReLU and ELU families have theirs;
        an activation with kinks elsewhere should list them.

    Returns
    -------
    mean, variance : ndarray
        Of the broadcast shape of ``mean`` and ``variance``.
    """
    act = _elementwise(activation)
    resolved = _resolved(act, params)
    m, v = _mean_variance(mean, variance)
    s = np.sqrt(v)
    cuts = np.sort(finite_array("breakpoints", breakpoints, ndim=1, min_length=0))
    inner = np.clip((cuts - m[..., None]) / s[..., None], -_U, _U)
    edges = np.concatenate(
        [np.full((*m.shape, 1), -_U), inner, np.full((*m.shape, 1), _U)], axis=-1
    )
    low, high = edges[..., :-1, None], edges[..., 1:, None]
    half = (high - low) / 2
    u = low + half * (_NODES + 1)
    weights = half * _WEIGHTS * np.exp(-0.5 * u * u)
    # Normalised to sum 1: numpy's Legendre weights carry errors of about 1e-14, which
    # would otherwise show as E[1] = 1 - 1e-14; the true mass outside [-U, U] is 4e-33.
    weights /= np.sum(weights, axis=(-2, -1), keepdims=True)
    y = act.function(m[..., None, None] + s[..., None, None] * u, **resolved)
    out_mean = np.sum(weights * y, axis=(-2, -1))
    with np.errstate(over="ignore"):  # a variance beyond the float range is inf
        out_var = np.sum(weights * (y - out_mean[..., None, None]) ** 2, axis=(-2, -1))
    return out_mean, out_var


def elu_gaussian_moments(
    mean: Any, variance: Any, *, alpha: float = SELU_ALPHA, scale: float = SELU_SCALE
) -> tuple[np.ndarray, np.ndarray]:
    r"""Closed-form mean and variance of a scaled ELU of a Gaussian variable.

    For :math:`f = \lambda\,\mathrm{elu}_\alpha` and :math:`z \sim \mathcal{N}(m, v)`,
    with :math:`s = \sqrt v`, :math:`\Phi` and :math:`\varphi` the standard normal CDF
    and density, and :math:`t = m / s`, the pieces are

    .. math::

        \mathbb{E}[z;\, z > 0] = m\,\Phi(t) + s\,\varphi(t), \qquad
        \mathbb{E}[z^2;\, z > 0] = (m^2 + v)\,\Phi(t) + m s\,\varphi(t),

        \mathbb{E}[e^{kz};\, z \le 0] = e^{km + k^2 v / 2}\,\Phi\bigl(-(m + kv)/s\bigr),

    so that :math:`\mathbb{E} f = \lambda\bigl(\mathbb{E}[z; z>0] + \alpha(E_1 - P_0)\bigr)`
    and :math:`\mathbb{E} f^2 = \lambda^2\bigl(\mathbb{E}[z^2; z>0] +
    \alpha^2(E_2 - 2E_1 + P_0)\bigr)` with :math:`E_k = \mathbb{E}[e^{kz}; z \le 0]` and
    :math:`P_0 = \Phi(-t)`. The products :math:`e^{km + k^2v/2}\,\Phi(\cdot)` are formed
    as one exponential of a sum with :math:`\log\Phi` (``scipy.special.log_ndtr``):
    written as a product, :math:`e^{2m + 2v}` overflows for :math:`v > 355` (with
    :math:`m = 0`) while :math:`\Phi` underflows, and their product is ``inf * 0 = nan``.

    The variance is :math:`\mathbb{E} f^2 - (\mathbb{E} f)^2`, exact to about
    :math:`10^{-16}\,\mathbb{E} f^2` in absolute terms. The defaults are SELU's
    constants; ``alpha=1, scale=1`` is ELU.

    Parameters
    ----------
    mean, variance : array_like
        Parameters of the Gaussian; broadcast together. ``variance > 0``.
    alpha, scale : float
        ELU's :math:`\alpha > 0` and the factor :math:`\lambda > 0`.

    Returns
    -------
    mean, variance : ndarray
    """
    alpha = real("alpha", alpha, low=0.0, open_low=True, open_high=True)
    scale = real("scale", scale, low=0.0, open_low=True, open_high=True)
    m, v = _mean_variance(mean, variance)
    s = np.sqrt(v)
    t = m / s
    density = np.exp(-0.5 * t * t) / _SQRT_2PI
    positive = m * special.ndtr(t) + s * density
    positive_sq = (m * m + v) * special.ndtr(t) + m * s * density
    below = special.ndtr(-t)

    def exp_moment(k: float) -> np.ndarray:
        return np.exp(k * m + k * k * v / 2 + special.log_ndtr(-(m + k * v) / s))

    e1, e2 = exp_moment(1.0), exp_moment(2.0)
    first = scale * (positive + alpha * (e1 - below))
    second = scale**2 * (positive_sq + alpha**2 * (e2 - 2 * e1 + below))
    return first, np.maximum(second - first**2, 0.0)


# -- the map --------------------------------------------------------------------------------
def moment_map(
    activation: str | Activation,
    mean: Any,
    variance: Any,
    *,
    tau: float = 1.0,
    omega: float | None = None,
    params: Mapping[str, float] | None = None,
    breakpoints: Sequence[float] = (0.0,),
) -> tuple[np.ndarray, np.ndarray]:
    r"""One layer's map :math:`(\mu, \nu) \mapsto (\tilde\mu, \tilde\nu)` of mean and variance.

    Parameters
    ----------
    activation : str or Activation
        The layer's activation.
    mean, variance : array_like
        :math:`\mu` and :math:`\nu > 0` of the layer's inputs; broadcast together.
    tau : float
        :math:`n \operatorname{Var}(w)` for random weights (1 for LeCun, 2 for He); with
        ``omega``, the sum of squared weights of the unit.
    omega : float, optional
        Omitted: random weights, :math:`z \sim \mathcal{N}(0, \tau(\nu + \mu^2))`.
        Given: the paper's fixed weights with :math:`\sum_i w_i = \omega`,
        :math:`z \sim \mathcal{N}(\mu\omega, \nu\tau)`.
    params : mapping, optional
        The activation's parameters.
    breakpoints : sequence of float
        The activation's kinks, see :func:`gaussian_moments`.

    Returns
    -------
    mean, variance : ndarray
        :math:`\tilde\mu` and :math:`\tilde\nu`.
    """
    tau = real("tau", tau, low=0.0, open_low=True, open_high=True)
    m, v = _mean_variance(mean, variance)
    with np.errstate(over="ignore"):
        if omega is None:
            mean_z, var_z = np.zeros_like(m), tau * (v + m * m)
        else:
            omega = real("omega", omega, open_low=True, open_high=True)
            mean_z, var_z = omega * m, tau * v
    if not (np.all(np.isfinite(mean_z)) and np.all(np.isfinite(var_z))):
        raise ValueError(
            "parameters 'mean' and 'variance' are too large: the pre-activations' mean or "
            "variance overflows"
        )
    return gaussian_moments(activation, mean_z, var_z, params=params, breakpoints=breakpoints)


def alpha_dropout_affine(rate: float) -> tuple[float, float]:
    r"""The affine correction :math:`(a, b)` of alpha dropout for a drop probability ``rate``.

    Alpha dropout keeps :math:`x` with probability :math:`q = 1 - \text{rate}` and
    otherwise sets it to :math:`\alpha' = -\lambda\alpha` (:data:`SELU_SATURATION`), then
    returns :math:`a\,y + b`. For :math:`x` of mean 0 and variance 1, :math:`y` has mean
    :math:`(1-q)\alpha'` and variance :math:`q + q(1-q)\alpha'^2`, so

    .. math::

        a = \bigl(q + q(1-q)\,\alpha'^2\bigr)^{-1/2}, \qquad b = -a\,(1-q)\,\alpha'

    restore mean 0 and variance 1.

    Parameters
    ----------
    rate : float
        Drop probability in ``[0, 1)``.

    Returns
    -------
    a, b : float
    """
    rate = real("rate", rate, low=0.0, high=1.0, open_high=True)
    keep = 1.0 - rate
    a = 1.0 / math.sqrt(keep + keep * rate * SELU_SATURATION**2)
    return a, -a * rate * SELU_SATURATION


def dropout_moments(
    mean: Any, variance: Any, *, kind: str, rate: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""Mean and variance after dropout in training mode, masks independent of the values.

    * ``"standard"`` (inverted dropout, :math:`x d / q` with :math:`d \sim
      \mathrm{Bernoulli}(q)`): the mean stays :math:`\mu`, the second moment is divided
      by :math:`q`, so the variance becomes :math:`(\nu + \mu^2)/q - \mu^2`;
    * ``"alpha"``: :math:`y = x d + \alpha'(1 - d)` has mean :math:`q\mu + (1-q)\alpha'`
      and variance :math:`q\bigl(\nu + (1-q)(\mu - \alpha')^2\bigr)`, then
      :math:`a y + b` (:func:`alpha_dropout_affine`);
    * ``"none"``: unchanged.

    Parameters
    ----------
    mean, variance : array_like
        Before dropout; ``variance > 0``.
    kind : {"none", "standard", "alpha"}
        The dropout variant.
    rate : float
        Drop probability in ``[0, 1)``.

    Returns
    -------
    mean, variance : ndarray
    """
    kind = choice("kind", kind, DROPOUT_KINDS)
    rate = real("rate", rate, low=0.0, high=1.0, open_high=True)
    m, v = _mean_variance(mean, variance)
    keep = 1.0 - rate
    if kind == "none":
        return m.copy(), v.copy()
    if kind == "standard":
        return m.copy(), (v + m * m) / keep - m * m
    a, b = alpha_dropout_affine(rate)
    dropped_mean = keep * m + rate * SELU_SATURATION
    dropped_var = keep * (v + rate * (m - SELU_SATURATION) ** 2)
    return a * dropped_mean + b, a * a * dropped_var


def apply_dropout(x: Any, *, kind: str, rate: float, rng: np.random.Generator) -> np.ndarray:
    """Dropout in training mode: a new array, ``x`` unchanged.

    Parameters
    ----------
    x : array_like
        Activations.
    kind : {"none", "standard", "alpha"}
        See :func:`dropout_moments`.
    rate : float
        Drop probability in ``[0, 1)``.
    rng : numpy.random.Generator
        Source of the masks.

    Returns
    -------
    ndarray
    """
    kind = choice("kind", kind, DROPOUT_KINDS)
    rate = real("rate", rate, low=0.0, high=1.0, open_high=True)
    instance("rng", rng, np.random.Generator, "a numpy Generator (np.random.default_rng(seed))")
    return _dropout(finite_array("x", x, min_length=0), kind, rate, rng)


def _dropout(x: np.ndarray, kind: str, rate: float, rng: np.random.Generator) -> np.ndarray:
    """:func:`apply_dropout` on checked arguments; ``x`` may hold infinities.

    :func:`layer_statistics` calls it directly: an exploding network's activations
    overflow, and its statistics should then say so rather than raise.
    """
    if kind == "none" or rate == 0.0:
        return x.copy()  # a new array, as promised, even when x is the caller's own
    keep = rng.random(x.shape) >= rate
    if kind == "standard":
        return np.where(keep, x / (1.0 - rate), 0.0)
    a, b = alpha_dropout_affine(rate)
    return a * np.where(keep, x, SELU_SATURATION) + b


def iterate_moment_map(
    activation: str | Activation,
    mean: float,
    variance: float,
    *,
    depth: int,
    tau: float = 1.0,
    dropout: str = "none",
    rate: float = 0.1,
    params: Mapping[str, float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Means and variances predicted for layers ``0 .. depth`` of a random network.

    Layer 0 is the input; each layer applies :func:`moment_map` (random weights) and
    then :func:`dropout_moments`. If the variance collapses below ``1e-300`` (it halves
    in every ReLU layer with LeCun's weights) or grows above ``1e300`` (a linear network
    with He's weights doubles it), the remaining entries are NaN.

    Parameters
    ----------
    activation : str or Activation
        The hidden activation.
    mean, variance : float
        Of the inputs.
    depth : int
        Number of layers.
    tau : float
        :math:`n \operatorname{Var}(w)`.
    dropout : {"none", "standard", "alpha"}
        Dropout after every layer's activation.
    rate : float
        Its drop probability.
    params : mapping, optional
        The activation's parameters.

    Returns
    -------
    means, variances : ndarray, shape (depth + 1,)
    """
    act = _elementwise(activation)
    resolved = _resolved(act, params)
    depth = integer("depth", depth, 0)
    tau = real("tau", tau, low=0.0, open_low=True)
    dropout = choice("dropout", dropout, DROPOUT_KINDS)
    rate = real("rate", rate, low=0.0, high=1.0, open_high=True)
    means, variances = np.full(depth + 1, np.nan), np.full(depth + 1, np.nan)
    means[0] = real("mean", mean)
    variances[0] = real("variance", variance, low=0.0, open_low=True)
    for layer in range(1, depth + 1):
        m, v = moment_map(act, means[layer - 1], variances[layer - 1], tau=tau, params=resolved)
        if not 1e-300 < v < 1e300:
            break  # collapsed or exploded: the next layer's integrals would over/underflow
        m, v = dropout_moments(m, v, kind=dropout, rate=rate)
        means[layer], variances[layer] = float(m), float(v)
    return means, variances


# -- fixed points and the field --------------------------------------------------------------
def _map_jacobian(activation, point, tau, omega, params) -> np.ndarray:
    """Jacobian of the moment map at ``point`` by central differences."""

    def stacked(p: np.ndarray) -> np.ndarray:
        return np.array(moment_map(activation, p[0], p[1], tau=tau, omega=omega, params=params))

    return numerical_jacobian(stacked, np.array(point, dtype=np.float64), step=1e-6)


def moment_fixed_point(
    activation: str | Activation,
    *,
    tau: float = 1.0,
    omega: float | None = None,
    start: tuple[float, float] = (0.0, 1.0),
    params: Mapping[str, float] | None = None,
    iterations: int = 100,
) -> tuple[float, float] | None:
    r"""The fixed point of positive variance that iterating :func:`moment_map` approaches.

    The map is first iterated from ``start``; if that has not converged (to ``1e-13``)
    after ``iterations`` steps, the last iterate starts a root finder for
    :math:`g(\mu, \nu) = (\mu, \nu)`, written in :math:`(\mu, \log\nu)` so that the
    variance stays positive. A root is accepted if the variance lies in ``[1e-8, 1e8]``,
    :math:`\tilde\mu - \mu` and :math:`\log\tilde\nu - \log\nu` vanish to ``1e-10``, and
    no eigenvalue of the map's Jacobian exceeds 1 in modulus (with ``1e-6`` of slack, so
    that a neutral direction, as for ReLU with He's weights, counts).

    Parameters
    ----------
    activation : str or Activation
        The layer's activation.
    tau, omega, params
        As for :func:`moment_map`.
    start : tuple of float
        Initial mean and variance.
    iterations : int
        Plain iterations before the root finder takes over.

    Returns
    -------
    tuple of float or None
        ``(mean, variance)``, or None when the variance collapses towards 0 or grows
        without bound: then no fixed point of positive variance attracts ``start``.
    """
    iterations = integer("iterations", iterations, 1)
    act = _elementwise(activation)
    params, tau, omega = _map_options(act, params, tau, omega)
    m, v = _start(start)

    def image(m: float, v: float) -> tuple[float, float]:
        new_m, new_v = moment_map(act, m, v, tau=tau, omega=omega, params=params)
        return float(new_m), float(new_v)

    for _ in range(iterations):
        new_m, new_v = image(m, v)
        if not 1e-8 <= new_v <= 1e8:
            return None
        converged = math.hypot(new_m - m, new_v - v) < 1e-13
        m, v = new_m, new_v
        if converged:
            return m, v

    def residual(point: np.ndarray) -> np.ndarray:
        mean, log_var = float(point[0]), float(point[1])
        if not -50.0 < log_var < 50.0:
            return np.array([1e3, 1e3])
        new_m, new_v = image(mean, math.exp(log_var))
        if not new_v > 0:
            return np.array([1e3, 1e3])
        return np.array([new_m - mean, math.log(new_v) - log_var])

    solution = optimize.root(residual, [m, math.log(v)], method="hybr")
    m, v = float(solution.x[0]), math.exp(float(solution.x[1]))
    if not (1e-8 <= v <= 1e8 and np.max(np.abs(residual(solution.x))) < 1e-10):
        return None
    eigenvalues = np.linalg.eigvals(_map_jacobian(act, (m, v), tau, omega, params))
    if np.max(np.abs(eigenvalues)) > 1 + 1e-6:
        return None
    return m, v


def _grid(name: str, values: Any) -> np.ndarray:
    """A 1-D grid of at least 2 finite numbers (a copy), or a ``ValueError`` naming it."""
    return np.array(finite_array(name, values, ndim=1, min_length=2))


@dataclass(frozen=True)
class MomentField:
    r"""The map :math:`(\mu, \nu) \mapsto (\tilde\mu, \tilde\nu)` on a grid, for drawing.

    Parameters
    ----------
    activation : str
        Registry name.
    tau : float
        :math:`n \operatorname{Var}(w)` (random weights) or :math:`\sum w_i^2` (fixed).
    omega : float or None
        None for random weights, else the fixed weights' sum.
    means, variances : ndarray
        The grid's axes, shapes ``(M,)`` and ``(V,)``.
    mapped_mean, mapped_variance : ndarray, shape (V, M)
        :math:`\tilde\mu` and :math:`\tilde\nu` at each grid point (rows: variances).
    fixed_point : tuple of float or None
        From :func:`moment_fixed_point` started at (0, 1).
    eigenvalues : ndarray or None
        Of the map's Jacobian at the fixed point, by modulus, largest first.
    trajectories : tuple of ndarray
        One ``(depth + 1, 2)`` array of iterates (mean, variance) per start.
    """

    activation: str
    tau: float
    omega: float | None
    means: np.ndarray
    variances: np.ndarray
    mapped_mean: np.ndarray
    mapped_variance: np.ndarray
    fixed_point: tuple[float, float] | None
    eigenvalues: np.ndarray | None
    trajectories: tuple[np.ndarray, ...]


def moment_field(
    activation: str | Activation,
    *,
    means: Any = None,
    variances: Any = None,
    tau: float = 1.0,
    omega: float | None = None,
    starts: Sequence[tuple[float, float]] = (),
    depth: int = 8,
    params: Mapping[str, float] | None = None,
) -> MomentField:
    r"""Evaluate the moment map on a grid, find its fixed point, iterate it from ``starts``.

    Parameters
    ----------
    activation : str or Activation
        The layer's activation.
    means, variances : array_like
        1-D grids of :math:`\mu` and :math:`\nu > 0`; by default 11 means over
        [-1, 1] and 15 variances over [0.2, 3].
    tau, omega, params
        As for :func:`moment_map`.
    starts : sequence of (float, float)
        Starting points of trajectories.
    depth : int
        Iterations per trajectory; an iterate whose variance falls below ``1e-12`` ends
        its trajectory.

    Returns
    -------
    MomentField
    """
    act = _elementwise(activation)
    params, tau, omega = _map_options(act, params, tau, omega)
    depth = integer("depth", depth, 1)
    mu_axis = np.linspace(-1.0, 1.0, 11) if means is None else _grid("means", means)
    nu_axis = np.linspace(0.2, 3.0, 15) if variances is None else _grid("variances", variances)
    if not np.all(nu_axis > 0):
        raise ValueError(f"parameter 'variances' must be positive, got {variances!r}")
    starts = [
        _start(start, "starts")
        for start in name_sequence("starts", starts, minimum=0, what="(mean, variance) pairs")
    ]
    mu, nu = np.meshgrid(mu_axis, nu_axis)
    mapped_mean, mapped_variance = moment_map(act, mu, nu, tau=tau, omega=omega, params=params)
    fixed = moment_fixed_point(act, tau=tau, omega=omega, params=params)
    eigenvalues = None
    if fixed is not None:
        values = np.linalg.eigvals(_map_jacobian(act, fixed, tau, omega, params))
        eigenvalues = values[np.argsort(-np.abs(values))]
    trajectories = []
    for start in starts:
        points = [start]
        for _ in range(depth):
            m, v = moment_map(act, *points[-1], tau=tau, omega=omega, params=params)
            if v < 1e-12:
                break
            points.append((float(m), float(v)))
        trajectories.append(np.array(points))
    return MomentField(
        activation=act.name,
        tau=float(tau),
        omega=None if omega is None else float(omega),
        means=mu_axis,
        variances=nu_axis,
        mapped_mean=mapped_mean,
        mapped_variance=mapped_variance,
        fixed_point=fixed,
        eigenvalues=eigenvalues,
        trajectories=tuple(trajectories),
    )


# -- a deep random network ------------------------------------------------------------------
#: Networks of at most this many weights are kept (the last one only, 34 MB at this
#: size): a chapter runs several activations and initialisations on the same network,
#: and drawing its weights took most of each run's time.
_CACHED_WEIGHTS = 64 * 256 * 256


def _lecun_layers(seed: int, width: int, depth: int) -> Iterator[np.ndarray]:
    """The LeCun-normal weights of each layer, drawn from the seed's first stream."""
    rng = np.random.default_rng(seed_sequence(seed).spawn(3)[0])
    for _ in range(depth):
        yield initial_weights(width, width, init="lecun", distribution="normal", rng=rng)


@functools.lru_cache(maxsize=1)
def _cached_lecun_network(seed: int, width: int, depth: int) -> tuple[np.ndarray, ...]:
    layers = tuple(_lecun_layers(seed, width, depth))
    for w in layers:
        w.flags.writeable = False
    return layers


def _network_weights(seed: int, width: int, depth: int, scale: float) -> Iterator[np.ndarray]:
    """Each layer's weights: the LeCun-normal ones times ``scale``.

    One network serves every initialisation of a square layer: He's variance is twice
    LeCun's, and Xavier's equals it.
    """
    small = depth * width * width <= _CACHED_WEIGHTS
    layers = (
        _cached_lecun_network(seed, width, depth) if small else _lecun_layers(seed, width, depth)
    )
    return (w if scale == 1.0 else scale * w for w in layers)


def _pooled(a: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of all of ``a``; ``inf`` or NaN once it overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        return float(a.mean()), float(a.std())


@dataclass(frozen=True)
class LayerStatistics:
    """Mean and standard deviation of every layer of one random network, and the prediction.

    Index 0 of each array is the input; index ``l`` is what hidden layer ``l`` passes
    on (after dropout, if any), pooled over the batch and the units.

    Parameters
    ----------
    activation, init : str
        Registry name of the hidden activation and the weights' initialisation.
    depth, width, batch : int
        Hidden layers, units per layer, samples.
    input_mean, input_std : float
        Of the Gaussian inputs.
    dropout : str
        One of :data:`DROPOUT_KINDS`.
    rate : float
        Drop probability (ignored without dropout).
    mean, std : ndarray, shape (depth + 1,)
        Measured.
    predicted_mean, predicted_std : ndarray, shape (depth + 1,)
        From :func:`iterate_moment_map` with the initialisation's :data:`WEIGHT_TAU`.
    """

    activation: str
    init: str
    depth: int
    width: int
    batch: int
    input_mean: float
    input_std: float
    dropout: str
    rate: float
    mean: np.ndarray
    std: np.ndarray
    predicted_mean: np.ndarray
    predicted_std: np.ndarray

    @property
    def label(self) -> str:
        """The activation's name, with the dropout variant if there is one."""
        if self.dropout == "none":
            return self.activation
        kind = "alpha dropout" if self.dropout == "alpha" else "dropout"
        return f"{self.activation} + {kind} {self.rate:g}"


def layer_statistics(
    activation: str | Activation,
    *,
    depth: int = 64,
    width: int = 256,
    batch: int = 256,
    init: str = "lecun",
    input_mean: float = 0.0,
    input_std: float = 1.0,
    dropout: str = "none",
    rate: float = 0.1,
    params: Mapping[str, float] | None = None,
    seed: int = 0,
) -> LayerStatistics:
    r"""Run a batch through a fresh deep network and record each layer's mean and std.

    The network has ``depth`` hidden layers of ``width`` units, normal weights of
    variance :math:`\tau / n` (:data:`WEIGHT_TAU` of ``init``: LeCun-normal weights from
    :func:`~actbook.initial_weights`, times :math:`\sqrt\tau`), zero biases, and
    optionally dropout in training mode after every activation. The inputs are
    independent Gaussians of the given mean and standard deviation. The same ``seed``
    gives the same inputs, masks and (up to the initialisation's scale) weights for
    every activation; the last network drawn is kept, so that runs which share it do
    not draw it again. If the activations overflow, the deeper layers' entries are NaN.

    Parameters
    ----------
    activation : str or Activation
        The hidden activation.
    depth, width, batch : int
        Hidden layers, units per layer, samples.
    init : {"lecun", "xavier", "he"}
        Initialisation (normal distribution).
    input_mean, input_std : float
        Of the inputs; ``input_mean`` in :math:`[-10^{100}, 10^{100}]`, ``input_std`` in
        :math:`(0, 10^{100}]`.
    dropout : {"none", "standard", "alpha"}
        Dropout after every hidden activation.
    rate : float
        Its drop probability, in ``[0, 1)``.
    params : mapping, optional
        The activation's parameters.
    seed : int
        Seeds weights, inputs and masks (three independent streams).

    Returns
    -------
    LayerStatistics
    """
    act = _elementwise(activation)
    resolved = _resolved(act, params)
    depth = integer("depth", depth, 1)
    width = integer("width", width, 1)
    batch = integer("batch", batch, 1)
    init = choice("init", init, tuple(WEIGHT_TAU))
    dropout = choice("dropout", dropout, DROPOUT_KINDS)
    # Bounded so that the predicted second moment, input_std**2 + input_mean**2, is finite.
    input_mean = real("input_mean", input_mean, low=-1e100, high=1e100)
    input_std = real("input_std", input_std, low=0.0, high=1e100, open_low=True)
    rate = real("rate", rate, low=0.0, high=1.0, open_high=True)
    _, input_seed, mask_seed = seed_sequence(seed).spawn(3)
    mask_rng = np.random.default_rng(mask_seed)
    a = input_mean + input_std * np.random.default_rng(input_seed).standard_normal((batch, width))
    means, stds = np.full(depth + 1, np.nan), np.full(depth + 1, np.nan)
    means[0], stds[0] = _pooled(a)
    # Products of 256 x 256 matrices: one BLAS thread is faster, and far faster when
    # other processes compete for the cores.
    with one_blas_thread():
        weights = _network_weights(seed, width, depth, math.sqrt(WEIGHT_TAU[init]))
        for layer, w in enumerate(weights, start=1):
            a = act.function(a @ w, **resolved)
            a = _dropout(a, dropout, rate, mask_rng)
            means[layer], stds[layer] = _pooled(a)
            if not math.isfinite(stds[layer]):
                break  # overflowed: the deeper layers have no statistics (NaN)
    predicted_mean, predicted_var = iterate_moment_map(
        act,
        input_mean,
        input_std**2,
        depth=depth,
        tau=WEIGHT_TAU[init],
        dropout=dropout,
        rate=rate,
        params=resolved,
    )
    return LayerStatistics(
        activation=act.name,
        init=init,
        depth=depth,
        width=width,
        batch=batch,
        input_mean=input_mean,
        input_std=input_std,
        dropout=dropout,
        rate=rate,
        mean=means,
        std=stds,
        predicted_mean=predicted_mean,
        predicted_std=np.sqrt(predicted_var),
    )
