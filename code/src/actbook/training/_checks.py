"""Argument checks shared by the training modules.

Every public function of :mod:`actbook.training` checks its arguments here, at its
boundary, so that a wrong argument fails at once with a ``ValueError`` that names it,
instead of deep inside a training loop. numpy scalars count as numbers; booleans do not.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np

__all__ = ["flag", "generator", "integer", "positive", "real", "seed_sequence"]


def flag(name: str, value: Any) -> bool:
    """``value`` as a ``bool``, or a ``ValueError`` naming ``name`` if it is not one.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed: ``True``, ``False`` or a numpy boolean; not 0 or 1, which
        are more often a misplaced number than a switch.

    Returns
    -------
    bool
    """
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"parameter {name!r} must be True or False, got {value!r}")
    return bool(value)


def integer(name: str, value: Any, minimum: int) -> int:
    """``value`` as an ``int``, or a ``ValueError`` naming ``name`` if it is not ``>= minimum``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed; Python and numpy integers are accepted, booleans are not.
    minimum : int
        The smallest allowed value.

    Returns
    -------
    int
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(f"parameter {name!r} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def real(
    name: str,
    value: Any,
    *,
    low: float = -math.inf,
    high: float = math.inf,
    open_low: bool = False,
    open_high: bool = False,
) -> float:
    """``value`` as a ``float`` inside an interval, or a ``ValueError`` naming ``name``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed; anything ``float`` accepts except booleans. NaN is always
        refused.
    low, high : float
        The interval's ends.
    open_low, open_high : bool
        Whether the ends themselves are excluded.

    Returns
    -------
    float
    """
    try:
        if isinstance(value, bool | str | bytes):
            raise TypeError
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"parameter {name!r} must be a real number, got {value!r}") from None
    too_low = number <= low if open_low else number < low
    too_high = number >= high if open_high else number > high
    if math.isnan(number) or too_low or too_high:
        left, right = "(" if open_low else "[", ")" if open_high else "]"
        raise ValueError(
            f"parameter {name!r} must lie in {left}{low}, {high}{right}, got {value!r}"
        )
    return number


def positive(name: str, value: Any) -> float:
    """``value`` as a finite ``float > 0`` (a step size, a scale), or a ``ValueError``."""
    return real(name, value, low=0.0, open_low=True, open_high=True)


def seed_sequence(seed: Any) -> np.random.SeedSequence:
    """A ``SeedSequence`` from a non-negative integer seed, or a ``ValueError``."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"parameter 'seed' must be a non-negative integer, got {seed!r}")
    return np.random.SeedSequence(int(seed))


def generator(seed: Any) -> np.random.Generator:
    """A fresh Generator from an integer seed (or the caller's own Generator, as is)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(
            f"parameter 'seed' must be a non-negative integer or a numpy Generator, got {seed!r}"
        )
    return np.random.default_rng(int(seed))
