"""Activations on integer codes: affine quantisation and two ways to compute in int8.

Integer-only inference (Jacob et al., 2018) stores every tensor as integer codes ``q``
with a real scale ``S`` and an integer zero point ``Z``: the real value is
``r = S (q - Z)``, and ``Z`` is chosen so that ``r = 0`` has an exact code. An activation
between two such tensors maps input codes to output codes. There are two ways:

* a **lookup table**: for each of the ``2**bits`` input codes, precompute the correctly
  rounded output code (:func:`lookup_activation`). Any function works, but the table
  depends on both tensors' scales and zero points, so there is one per layer, and each
  element costs a memory gather;
* **integer arithmetic**, when the function is piecewise linear: the hard sigmoid
  ``clip(x + 3, 0, 6) / 6`` is an addition, a clamp and a rescaling of the codes, the
  rescaling done as an integer multiply and a rounding right shift
  (:func:`integer_hard_sigmoid`). Nothing transcendental is evaluated, and the result is
  exactly what rounding the real hard sigmoid gives.

numpy only. Rounding is to the nearest code, halves away from zero (C's ``round``), and
the integer hard sigmoid rounds its rescaling the same way, so that the two agree code for
code. PyTorch's ``quantize_per_tensor`` rounds halves to even instead (measured with
torch 2.13): on the 8-bit grid of :func:`sigmoid_quantisers` the hard sigmoid hits exact
halves at x = -2, 0 and 2, where the two conventions differ by one code.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._checks import boolean, instance, integer, positive, real
from ._registry import Activation, get

__all__ = [
    "AffineQuantiser",
    "IntegerActivation",
    "integer_hard_sigmoid",
    "lookup_activation",
    "sigmoid_quantisers",
]


def _round_half_away(values: np.ndarray) -> np.ndarray:
    return np.sign(values) * np.floor(np.abs(values) + 0.5)


@dataclass(frozen=True)
class AffineQuantiser:
    """Integer codes ``q`` in ``[qmin, qmax]`` for the real values ``scale * (q - zero_point)``.

    Parameters
    ----------
    scale : float
        The real step between neighbouring codes, positive.
    zero_point : int
        The code of the real value 0, inside ``[qmin, qmax]``.
    qmin, qmax : int
        The code range; ``[-128, 127]`` is int8.
    """

    scale: float
    zero_point: int
    qmin: int = -128
    qmax: int = 127

    def __post_init__(self) -> None:
        positive("scale", self.scale)
        for name in ("zero_point", "qmin", "qmax"):
            integer(name, getattr(self, name), -(2**31), 2**31 - 1)  # int32 codes at most
        if not self.qmin < self.qmax:
            raise ValueError(
                f"parameter 'qmin' must be below 'qmax', got {self.qmin} >= {self.qmax}"
            )
        if not self.qmin <= self.zero_point <= self.qmax:
            raise ValueError(
                f"parameter 'zero_point' must lie in [{self.qmin}, {self.qmax}], "
                f"got {self.zero_point}"
            )

    @classmethod
    def for_range(
        cls, low: float, high: float, *, bits: int = 8, signed: bool = True
    ) -> AffineQuantiser:
        """The quantiser whose ``2**bits`` codes span ``[low, high]``, with 0 exact.

        The range is first widened to contain 0 (a padded zero must stay exactly zero);
        the zero point is then the nearest code to ``qmin - low / scale``, which nudges
        the covered range by less than half a step.

        Parameters
        ----------
        low, high : float
            The real range to cover, ``low < high``.
        bits : int
            Code width, 2 to 16.
        signed : bool
            Codes ``[-2**(bits-1), 2**(bits-1) - 1]`` (int8 for 8 bits) or ``[0, 2**bits - 1]``.
        """
        bits = integer("bits", bits, 2, 16)
        low, high = real("low", low), real("high", high)
        if not low < high:
            raise ValueError(
                f"parameters 'low' and 'high' must have low < high, got {low!r}, {high!r}"
            )
        signed = boolean("signed", signed)
        qmin, qmax = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
        low, high = min(float(low), 0.0), max(float(high), 0.0)
        scale = (high - low) / (qmax - qmin)
        zero_point = int(np.clip(_round_half_away(np.array(qmin - low / scale)), qmin, qmax))
        return cls(scale, zero_point, qmin, qmax)

    @property
    def codes(self) -> np.ndarray:
        """Every code, ``qmin`` to ``qmax``, as int64."""
        return np.arange(self.qmin, self.qmax + 1, dtype=np.int64)

    @property
    def low(self) -> float:
        """The smallest representable real value."""
        return self.scale * (self.qmin - self.zero_point)

    @property
    def high(self) -> float:
        """The largest representable real value."""
        return self.scale * (self.qmax - self.zero_point)

    def quantise(self, x: Any) -> np.ndarray:
        """The nearest code to each real ``x``, clamped to ``[qmin, qmax]`` (int64).

        Raises
        ------
        ValueError
            If ``x`` contains NaN, which has no code.
        """
        try:
            values = np.asarray(x, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError("parameter 'x' must hold real numbers") from None
        if np.isnan(values).any():
            raise ValueError("parameter 'x' contains NaN, which has no integer code")
        steps = np.clip(
            values / self.scale, self.qmin - self.zero_point - 1, self.qmax - self.zero_point + 1
        )
        codes = _round_half_away(steps) + self.zero_point
        return np.clip(codes, self.qmin, self.qmax).astype(np.int64)

    def dequantise(self, q: Any) -> np.ndarray:
        """The real value ``scale * (q - zero_point)`` of each code (float64).

        Raises
        ------
        ValueError
            If ``q`` is not integer (a float code would be truncated silently).
        """
        codes = np.asarray(q)
        if not np.issubdtype(codes.dtype, np.integer):
            raise ValueError(f"parameter 'q' must hold integer codes, got dtype {codes.dtype}")
        return self.scale * (codes.astype(np.int64) - self.zero_point).astype(np.float64)


@dataclass(frozen=True)
class IntegerActivation:
    """An activation computed on integer codes, from ``input`` codes to ``output`` codes.

    Parameters
    ----------
    activation : str
        Registry name of the real function it implements.
    method : str
        How the output codes are computed, in words.
    input, output : AffineQuantiser
        The quantisers of the two tensors.
    kernel : callable
        ``kernel(q) -> codes``: integer input codes to integer output codes.
    """

    activation: str
    method: str
    input: AffineQuantiser
    output: AffineQuantiser
    kernel: Callable[[np.ndarray], np.ndarray] = field(repr=False)

    def codes(self, q: Any) -> np.ndarray:
        """Output codes for integer input codes ``q``.

        Raises
        ------
        ValueError
            If ``q`` is not integer or lies outside the input's code range.
        """
        q = np.asarray(q)
        if not np.issubdtype(q.dtype, np.integer):
            raise ValueError(f"parameter 'q' must hold integer codes, got dtype {q.dtype}")
        if q.size and (q.min() < self.input.qmin or q.max() > self.input.qmax):
            raise ValueError(f"parameter 'q' must lie in [{self.input.qmin}, {self.input.qmax}]")
        return self.kernel(q.astype(np.int64))

    def __call__(self, x: Any) -> np.ndarray:
        """The real output for real ``x``: quantise, compute on codes, dequantise."""
        return self.output.dequantise(self.codes(self.input.quantise(x)))

    @property
    def table(self) -> np.ndarray:
        """The output code of every input code, in code order."""
        return self.codes(self.input.codes)

    @property
    def levels(self) -> int:
        """How many distinct output codes occur over all input codes."""
        return int(np.unique(self.table).size)

    def rounding_error(self) -> float:
        """Largest ``|dequantised output - f(dequantised input)|`` over the input codes.

        The error the integer computation adds on top of quantising the input: at most
        half an output step when every output code is correctly rounded.
        """
        exact = get(self.activation)(self.input.dequantise(self.input.codes))
        return float(np.max(np.abs(self.output.dequantise(self.table) - exact)))

    def max_error(self, reference: str | Activation | None = None, *, inner: int = 16) -> float:
        """Largest ``|self(x) - reference(x)|`` over the real inputs ``[input.low, input.high]``.

        Each input code covers an interval of real inputs (its rounding cell), on which
        the integer output is constant; the error is evaluated at both ends of every cell
        and at ``inner`` points inside, which is exact for a monotone reference.

        Parameters
        ----------
        reference : str or Activation, optional
            The real function to compare with; the implemented activation if omitted.
        inner : int
            Interior points per cell.
        """
        ref = get(reference if reference is not None else self.activation)
        inner = integer("inner", inner, 0)
        centres = self.input.dequantise(self.input.codes)
        half = self.input.scale / 2
        offsets = np.linspace(-half, half, inner + 2)
        x = np.clip(centres[:, None] + offsets[None, :], self.input.low, self.input.high)
        outputs = self.output.dequantise(self.table)[:, None]
        return float(np.max(np.abs(outputs - ref(x))))


def _quantisers(input: Any, output: Any) -> None:
    for name, value in (("input", input), ("output", output)):
        instance(name, value, AffineQuantiser, "an AffineQuantiser")


def lookup_activation(
    activation: str | Activation, input: AffineQuantiser, output: AffineQuantiser, **params: float
) -> IntegerActivation:
    """The table an integer runtime precomputes for ``activation``, one entry per input code.

    Parameters
    ----------
    activation : str or Activation
        Any elementwise registry activation.
    input, output : AffineQuantiser
        The quantisers of the input and output tensors.
    **params : float
        The activation's parameters.

    Returns
    -------
    IntegerActivation
        Its kernel is a gather from the table: the only per-element work.
    """
    act = get(activation)
    if not act.elementwise:
        raise ValueError(f"parameter 'activation': {act.name} is not elementwise")
    _quantisers(input, output)
    resolved = act.resolve(params)
    table = output.quantise(act.function(input.dequantise(input.codes), **resolved))
    table.setflags(write=False)

    def gather(q: np.ndarray) -> np.ndarray:
        return table[q - input.qmin]

    entries = input.qmax - input.qmin + 1
    return IntegerActivation(act.name, f"a {entries}-entry lookup table", input, output, gather)


def _fixed_point(real: float) -> tuple[int, int]:
    """``(multiplier, shift)`` with ``real ≈ multiplier / 2**shift`` and a 31-bit multiplier.

    The multiplier lies in ``[2**30, 2**31)``, as in Jacob et al.'s requantisation, so
    the relative error of the approximation is below ``2**-31``.
    """
    if not (math.isfinite(real) and 0 < real < 2**30):
        raise ValueError(f"parameter 'real' must lie in (0, 2**30), got {real!r}")
    fraction, exponent = math.frexp(real)  # real = fraction * 2**exponent, fraction in [0.5, 1)
    multiplier = round(fraction * 2**31)
    if multiplier == 2**31:  # the fraction rounded up to 1
        multiplier //= 2
        exponent += 1
    return multiplier, 31 - exponent


def _multiply_by_fixed_point(q: np.ndarray, multiplier: int, shift: int) -> np.ndarray:
    """``round(q * multiplier / 2**shift)`` in int64: a multiply, an add and a shift.

    Adding ``2**(shift - 1)`` before the arithmetic right shift (which floors) rounds
    halves up.
    """
    product = q.astype(np.int64) * np.int64(multiplier)
    return (product + (np.int64(1) << np.int64(shift - 1))) >> np.int64(shift)


def integer_hard_sigmoid(input: AffineQuantiser, output: AffineQuantiser) -> IntegerActivation:
    """The hard sigmoid ``clip(x + 3, 0, 6) / 6`` on integer codes, with no table.

    With ``x = S_x (q - Z_x)`` and ``T = 3 / S_x`` (a whole number of input steps),
    ``t = clip(q - Z_x + T, 0, 2T)`` is ``(x + 3)`` clipped to ``[0, 6]`` in input steps,
    and the output code is ``Z_y + round(t * S_x / (6 S_y))``, the multiplication done
    by a 31-bit integer multiplier and a right shift, then clamped to the output's
    codes. Every step is integer arithmetic.

    Parameters
    ----------
    input, output : AffineQuantiser
        The quantisers of the input and output tensors.

    Returns
    -------
    IntegerActivation

    Raises
    ------
    ValueError
        If 3 is not a whole number of input steps (then the shift by 3 has no exact
        integer form); choose an input scale such as a power of two.
    """
    _quantisers(input, output)
    steps = 3 / input.scale
    three = round(steps)
    if abs(steps - three) > 1e-9 * max(1.0, steps):
        raise ValueError(
            f"parameter 'input': 3 must be a whole number of steps of {input.scale:g}, "
            f"it is {steps:g}"
        )
    multiplier, shift = _fixed_point(input.scale / (6 * output.scale))

    def kernel(q: np.ndarray) -> np.ndarray:
        t = np.clip(q - input.zero_point + three, 0, 2 * three)  # (x + 3) clipped to [0, 6]
        codes = _multiply_by_fixed_point(t, multiplier, shift) + output.zero_point
        return np.clip(codes, output.qmin, output.qmax)

    return IntegerActivation(
        "hard_sigmoid", "an add, a clamp, an integer multiply and a shift", input, output, kernel
    )


def sigmoid_quantisers(
    bits: int = 8, *, limit: float = 8.0
) -> tuple[AffineQuantiser, AffineQuantiser]:
    """Signed quantisers for a sigmoid-like layer: inputs in ``[-limit, limit)``, outputs in [0, 1].

    The input step is ``2 limit / 2**bits`` (a power of two for ``limit = 8``), with zero
    point 0; the output quantiser spans ``[0, 1]`` exactly, step ``1 / (2**bits - 1)``.

    Parameters
    ----------
    bits : int
        Code width of both tensors, 2 to 16.
    limit : float
        Half-width of the input range, positive.
    """
    bits = integer("bits", bits, 2, 16)
    limit = positive("limit", limit)
    half = 2 ** (bits - 1)
    inputs = AffineQuantiser(2 * limit / 2**bits, 0, -half, half - 1)
    return inputs, AffineQuantiser.for_range(0.0, 1.0, bits=bits)
