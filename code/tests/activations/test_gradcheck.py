"""Finite differences agree with known derivatives and keep the shapes straight."""

from __future__ import annotations

import actbook as ab
import numpy as np
import pytest


def test_scalar_function_of_scalar_gives_its_derivative():
    slope = ab.numerical_jacobian(np.exp, 1.0)
    assert slope.shape == ()
    assert float(slope) == pytest.approx(np.e, rel=1e-9)


def test_elementwise_function_gives_a_diagonal_jacobian():
    x = np.array([-1.5, 0.3, 2.0])
    jacobian = ab.numerical_jacobian(np.tanh, x)
    np.testing.assert_allclose(jacobian, np.diag(1 - np.tanh(x) ** 2), atol=1e-9)


def test_shape_is_output_shape_then_input_shape():
    x = np.arange(6.0).reshape(2, 3)
    jacobian = ab.numerical_jacobian(lambda v: v.sum(axis=1), x)
    assert jacobian.shape == (2, 2, 3)
    np.testing.assert_allclose(jacobian[0, 0], 1.0)
    np.testing.assert_allclose(jacobian[0, 1], 0.0)


def test_softmax_jacobian_matches_the_package():
    z = np.array([1.0, -0.5, 2.0, 0.0])
    numeric = ab.numerical_jacobian(ab.get("softmax").function, z)
    np.testing.assert_allclose(numeric, ab.softmax_jacobian(z), atol=1e-9)


def test_the_argument_is_not_modified():
    x = np.array([1.0, 2.0])
    ab.numerical_jacobian(np.sin, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


@pytest.mark.parametrize("step", [0.0, -1e-6, float("nan"), "small"])
def test_bad_step_is_reported_by_name(step):
    with pytest.raises(ValueError, match="step"):
        ab.numerical_jacobian(np.sin, 0.0, step=step)
