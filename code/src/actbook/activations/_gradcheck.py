"""Finite differences: the independent check of every derivative a chapter states.

A chapter that claims a gradient (the softmax Jacobian, PReLU's slope gradient, the
cross-entropy shortcut) compares it with :func:`numerical_jacobian`, which knows nothing
about the formula: it only evaluates the function at nearby points.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._checks import callable_, finite_array, positive

__all__ = ["numerical_jacobian"]


def numerical_jacobian(
    function: Callable[[np.ndarray], Any], x: Any, *, step: float = 1e-6
) -> np.ndarray:
    r"""Central-difference Jacobian of ``function`` at ``x``.

    Entry ``[i..., j...]`` approximates :math:`\partial f_i / \partial x_j` by
    :math:`(f(x + h e_j) - f(x - h e_j)) / 2h`, whose error is :math:`O(h^2)` for a
    function that is smooth near ``x`` (rounding adds about :math:`\epsilon / h`, so
    ``h = 1e-6`` balances the two near 1e-10 in float64). Away from kinks only: at a
    kink the quotient averages the two one-sided slopes.

    Parameters
    ----------
    function : callable
        ``function(x) -> array_like``; called with float64 arrays shaped like ``x``.
    x : array_like
        The point, a scalar or an array of any shape.
    step : float
        The difference step ``h > 0``.

    Returns
    -------
    ndarray, shape ``np.shape(function(x)) + np.shape(x)``
        For scalar ``x`` and scalar output, a 0-d array (the derivative).

    Examples
    --------
    >>> import numpy as np
    >>> float(numerical_jacobian(np.sin, 0.0))
    1.0
    >>> numerical_jacobian(lambda v: v**2, np.array([1.0, 2.0])).round(6)
    array([[2., 0.],
           [0., 4.]])
    """
    callable_("function", function)
    step = positive("step", step)
    point = finite_array("x", x, min_length=0)
    point = np.array(point, dtype=np.float64)
    out_shape = np.shape(function(point.copy()))
    columns = []
    for j in range(point.size):
        # Copies, not views: the function may keep or modify its argument.
        plus, minus = point.copy(), point.copy()
        plus.flat[j] += step
        minus.flat[j] -= step
        difference = np.asarray(function(plus), np.float64) - np.asarray(
            function(minus), np.float64
        )
        columns.append(difference / (2 * step))
    # Stack the input dimension last, then restore its shape.
    stacked = np.stack(columns, axis=-1) if columns else np.zeros((*out_shape, 0))
    return stacked.reshape(out_shape + point.shape)
