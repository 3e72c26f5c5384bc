"""The exact sign-flip test for paired runs: two networks trained once per seed.

When two networks are trained on the same seeds, and a seed fixes something both runs
share (here the minibatch order), the results come in pairs: run ``i`` of one network
goes with run ``i`` of the other, and the ``2n`` numbers are not exchangeable, so
comparing the two groups as if they were (a rank test on ``2n`` values, or "do the two
ranges overlap?") is not valid. What the design does justify is the randomisation test
on the paired differences: if the two networks were interchangeable, each difference
would be as likely to have one sign as the other, so all ``2**n`` sign patterns are
equally likely, and the p-value is the share of them whose mean difference is at least
as large in size as the one observed (Fisher's randomisation test for matched pairs).

Its smallest possible value is ``2 / 2**n``, reached when every difference has the same
sign: with 5 seeds that is 1/16, so five seeds can never reach 5 %, however large the
effect.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from .._checks import finite_array

__all__ = ["sign_flip_test"]

#: Exact enumeration visits 2**n sign patterns; beyond this many pairs it is too slow.
_MAX_PAIRS = 20


def sign_flip_test(differences: Any) -> float:
    """Exact two-sided p-value of the paired sign-flip test on the mean difference.

    Parameters
    ----------
    differences : array_like, shape (n,)
        One difference per pair (e.g. per seed: the gated network's final loss minus the
        dense network's), ``1 <= n <= 20``, finite.

    Returns
    -------
    float
        The fraction of the ``2**n`` sign patterns ``s`` with
        ``|mean(s * differences)| >= |mean(differences)|``; at least ``2 / 2**n`` unless
        every difference is 0 (then 1).

    Examples
    --------
    >>> sign_flip_test([-0.05, -0.07, -0.06, -0.08, -0.05])  # all five agree: 2/32
    0.0625
    """
    values = finite_array("differences", differences, ndim=1)
    if len(values) > _MAX_PAIRS:
        raise ValueError(
            f"parameter 'differences': the exact test enumerates 2**n sign patterns; "
            f"at most {_MAX_PAIRS} pairs, got {len(values)}"
        )
    signs = np.array(list(itertools.product((1.0, -1.0), repeat=len(values))))
    means = np.abs(signs @ values) / len(values)
    observed = abs(float(values.mean()))
    # The observed pattern itself is among the 2**n; a relative tolerance keeps it (and its
    # mirror image) counted despite rounding in the sums.
    return float(np.mean(means >= observed * (1 - 1e-12)))
