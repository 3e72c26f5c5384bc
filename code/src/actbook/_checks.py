"""Argument checks shared by every layer of the package.

Every public function checks its arguments here, at its boundary, so that a wrong
argument fails at once with an error that names the argument, its value and what is
allowed, instead of deep inside a computation or as silent garbage. The rules:

- numbers accept Python and numpy scalars; booleans and strings are not numbers;
- NaN and infinities are never real numbers (an interval's infinite end is open);
- a sequence of names refuses a bare string, which would otherwise be split into letters;
- arrays of data are refused when empty or when they hold NaN or infinities.

Wrong values raise ``ValueError``; wrong types of container raise ``ValueError`` too,
so that callers catch one exception type. This module imports numpy only.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = [
    "boolean",
    "callable_",
    "choice",
    "figure_size",
    "finite_array",
    "generator",
    "instance",
    "integer",
    "interval",
    "name_sequence",
    "number_sequence",
    "positive",
    "real",
    "records",
    "seed_sequence",
]


def _shown(value: Any) -> str:
    """``repr`` of a value, shortened: error messages quote what the caller passed."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def integer(name: str, value: Any, minimum: int, maximum: int | None = None) -> int:
    """``value`` as an ``int`` in ``[minimum, maximum]``, or a ``ValueError`` naming ``name``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed; Python and numpy integers are accepted, booleans are not.
    minimum : int
        The smallest allowed value.
    maximum : int, optional
        The largest allowed value; no limit if omitted.

    Returns
    -------
    int
    """
    is_integer = isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
    if not is_integer or value < minimum or (maximum is not None and value > maximum):
        allowed = f">= {minimum}" if maximum is None else f"in [{minimum}, {maximum}]"
        raise ValueError(f"parameter {name!r} must be an integer {allowed}, got {_shown(value)}")
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
    """``value`` as a finite ``float`` inside an interval, or a ``ValueError`` naming ``name``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        What the caller passed: a Python or numpy real number (a 0-d array too). Booleans,
        strings, NaN and infinities are refused.
    low, high : float
        The interval's ends; an infinite end is always open.
    open_low, open_high : bool
        Whether the finite ends themselves are excluded.

    Returns
    -------
    float
    """
    if isinstance(value, bool | np.bool_ | str | bytes) or not _is_real_scalar(value):
        raise ValueError(f"parameter {name!r} must be a real number, got {_shown(value)}")
    number = float(value)
    too_low = number <= low if open_low else number < low
    too_high = number >= high if open_high else number > high
    if not math.isfinite(number) or too_low or too_high:
        left = "(" if open_low or math.isinf(low) else "["
        right = ")" if open_high or math.isinf(high) else "]"
        raise ValueError(
            f"parameter {name!r} must be a finite number in {left}{low:g}, {high:g}{right}, "
            f"got {_shown(value)}"
        )
    return number


def _is_real_scalar(value: Any) -> bool:
    if isinstance(value, numbers.Real):
        return True
    return isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf"


def positive(name: str, value: Any) -> float:
    """``value`` as a finite ``float > 0`` (a step size, a scale), or a ``ValueError``."""
    return real(name, value, low=0.0, open_low=True)


def boolean(name: str, value: Any) -> bool:
    """``value`` as a ``bool``: only ``True``/``False`` (numpy's too), never ``0`` or ``"no"``."""
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"parameter {name!r} must be True or False, got {_shown(value)}")
    return bool(value)


def choice(name: str, value: Any, options: Sequence[Any]) -> Any:
    """``value`` if it is one of ``options``, else a ``ValueError`` listing them."""
    if isinstance(value, list | dict | set | np.ndarray) or value not in tuple(options):
        listed = ", ".join(repr(option) for option in options)
        raise ValueError(f"parameter {name!r} must be one of {listed}; got {_shown(value)}")
    return value


def name_sequence(name: str, value: Any, *, minimum: int = 1, what: str = "names") -> list[Any]:
    """``value`` as a list of names (or registry entries), refusing a bare string.

    A string is itself a sequence, of letters: ``properties_table("relu")`` would look up
    ``"r"``, ``"e"``, ... This check says what went wrong instead.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : object
        A list or tuple (any non-string iterable) of names.
    minimum : int
        The fewest items allowed.
    what : str
        What the items are, for the message ("names", "seeds").

    Returns
    -------
    list
    """
    if isinstance(value, str | bytes):
        raise ValueError(
            f"parameter {name!r} must be a sequence of {what}, such as [{value!r}], "
            f"not the string {value!r}"
        )
    try:
        items = list(value)
    except TypeError:
        raise ValueError(
            f"parameter {name!r} must be a sequence of {what}, got {_shown(value)}"
        ) from None
    if len(items) < minimum:
        raise ValueError(
            f"parameter {name!r} needs at least {minimum} of its {what}, got {len(items)}"
        )
    return items


def number_sequence(name: str, value: Any, *, minimum: int = 1) -> list[float]:
    """``value`` as a list of finite floats (slider values), refusing a bare string or number."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise ValueError(f"parameter {name!r} must be a sequence of numbers, got {_shown(value)}")
    numbers_ = [real(f"{name}[{i}]", item) for i, item in enumerate(value)]
    if len(numbers_) < minimum:
        raise ValueError(
            f"parameter {name!r} needs at least {minimum} number(s), got {len(numbers_)}"
        )
    return numbers_


def _pair(name: str, value: Any, what: str) -> Any:
    """``value`` if it is a sequence of two items (not a string), else a ``ValueError``."""
    if (
        isinstance(value, str | bytes)
        or not isinstance(value, Sequence | np.ndarray)
        or len(value) != 2
    ):
        raise ValueError(f"parameter {name!r} must be a pair {what}, got {_shown(value)}")
    return value


def interval(name: str, value: Any) -> tuple[float, float]:
    """``value`` as ``(low, high)``, two finite numbers with ``low < high`` (axis limits)."""
    value = _pair(name, value, "(low, high)")
    low, high = real(f"{name}[0]", value[0]), real(f"{name}[1]", value[1])
    if not low < high:
        raise ValueError(f"parameter {name!r} must have low < high, got {_shown(value)}")
    return low, high


def figure_size(name: str, value: Any) -> tuple[float, float]:
    """``value`` as ``(width, height)`` in inches: two finite numbers in ``(0, 50]``."""
    value = _pair(name, value, "(width, height)")
    return tuple(
        real(f"{name}[{i}]", side, low=0.0, high=50.0, open_low=True)
        for i, side in enumerate(value)
    )


def finite_array(
    name: str,
    value: Any,
    *,
    ndim: int | None = None,
    min_length: int = 1,
    dtype: Any = np.float64,
) -> np.ndarray:
    """``value`` as a numeric array with no NaN or infinity, or a ``ValueError``.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : array_like
        The data.
    ndim : int, optional
        The required number of dimensions.
    min_length : int
        The fewest entries along the first axis (``1``: empty data is refused).
    dtype : numpy dtype
        The dtype of the result.

    Returns
    -------
    ndarray
    """
    try:
        array = np.asarray(value)
        if array.dtype.kind not in "biuf":
            raise TypeError
        array = array.astype(dtype, copy=False)
    except (TypeError, ValueError):
        message = f"parameter {name!r} must be an array of numbers, got {_shown(value)}"
        raise ValueError(message) from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(
            f"parameter {name!r} must have {ndim} dimension(s), got shape {array.shape}"
        )
    if array.ndim and len(array) < min_length:
        raise ValueError(
            f"parameter {name!r} must hold at least {min_length} row(s), got shape {array.shape}"
        )
    if not np.isfinite(array).all():
        raise ValueError(f"parameter {name!r} must hold finite numbers only (no NaN or inf)")
    return array


def records(name: str, value: Any, keys: Sequence[str]) -> list[Mapping[str, Any]]:
    """``value`` as a list of mappings that each have ``keys`` (rows of a table)."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise ValueError(
            f"parameter {name!r} must be a list of table rows (dicts), got {_shown(value)}"
        )
    for i, row in enumerate(value):
        missing = [key for key in keys if not isinstance(row, Mapping) or key not in row]
        if missing:
            raise ValueError(f"parameter {name!r}: row {i} lacks {missing}; got {_shown(row)}")
    return list(value)


def callable_(name: str, value: Any) -> Any:
    """``value`` if it can be called, else a ``ValueError`` naming ``name``."""
    if not callable(value):
        raise ValueError(f"parameter {name!r} must be callable, got {_shown(value)}")
    return value


def instance(name: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    """``value`` if it is an instance of ``kind``, else a ``ValueError`` wanting ``what``."""
    if not isinstance(value, kind):
        raise ValueError(f"parameter {name!r} must be {what}, got {_shown(value)}")
    return value


def seed_sequence(seed: Any) -> np.random.SeedSequence:
    """A ``SeedSequence`` from a non-negative integer seed, or a ``ValueError``."""
    return np.random.SeedSequence(_seed(seed, "a non-negative integer"))


def generator(seed: Any) -> np.random.Generator:
    """A fresh Generator from an integer seed (or the caller's own Generator, as is)."""
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(_seed(seed, "a non-negative integer or a numpy Generator"))


def _seed(seed: Any, allowed: str) -> int:
    if isinstance(seed, bool | np.bool_) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"parameter 'seed' must be {allowed}, got {_shown(seed)}")
    return int(seed)
