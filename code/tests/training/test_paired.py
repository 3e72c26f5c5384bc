"""The exact sign-flip test for paired seeds, against SciPy's permutation test."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest
from scipy import stats


@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_all_differences_of_one_sign_give_the_smallest_p_value(n):
    differences = -np.linspace(1.0, 2.0, n)
    assert ab.sign_flip_test(differences) == 2 / 2**n
    assert ab.sign_flip_test(-differences) == 2 / 2**n


@pytest.mark.parametrize("seed", range(6))
def test_matches_scipy_exact_permutation_test(seed):
    differences = np.random.default_rng(seed).normal(0.3, 1.0, size=7)
    reference = stats.permutation_test(
        (differences,),
        np.mean,
        permutation_type="samples",
        alternative="two-sided",
        n_resamples=np.inf,
    )
    assert ab.sign_flip_test(differences) == pytest.approx(reference.pvalue, rel=1e-12)


def test_mixed_signs_and_zeros():
    # Patterns of (1, -2, 3, 7, -1): 16 of the 32 have |mean| >= 8/5.
    assert ab.sign_flip_test([1.0, -2.0, 3.0, 7.0, -1.0]) == 0.5
    assert ab.sign_flip_test([0.0, 0.0, 0.0]) == 1.0
    # A zero difference flips to itself: (0, 1) has patterns +-1 only, both as extreme.
    assert ab.sign_flip_test([0.0, 1.0]) == 1.0


def test_input_is_not_modified():
    differences = np.array([-1.0, -2.0, 0.5])
    ab.sign_flip_test(differences)
    np.testing.assert_array_equal(differences, [-1.0, -2.0, 0.5])


@pytest.mark.parametrize("bad", [[], [1.0, np.nan], [[1.0, 2.0]], "abc", np.ones(21), [np.inf]])
def test_bad_differences_are_refused(bad):
    with pytest.raises(ValueError, match="'differences'"):
        ab.sign_flip_test(bad)
