"""Affine quantisation, lookup tables and the table-free integer hard sigmoid."""

from __future__ import annotations

import math

import actbook as ab
import numpy as np
import pytest
from actbook.activations._quantisation import (
    AffineQuantiser,
    _fixed_point,
    _multiply_by_fixed_point,
    integer_hard_sigmoid,
    lookup_activation,
    sigmoid_quantisers,
)


# -- AffineQuantiser ---------------------------------------------------------------------------
def test_for_range_covers_the_range_with_an_exact_zero():
    q = AffineQuantiser.for_range(-1.0, 3.0)
    assert (q.qmin, q.qmax) == (-128, 127)
    assert q.scale == pytest.approx(4 / 255)
    assert q.dequantise(q.quantise(0.0)) == 0.0
    assert q.low == pytest.approx(-1.0, abs=q.scale / 2)
    assert q.high == pytest.approx(3.0, abs=q.scale / 2)


def test_for_range_widens_to_contain_zero_and_supports_unsigned_codes():
    q = AffineQuantiser.for_range(2.0, 6.0, bits=4, signed=False)
    assert (q.qmin, q.qmax, q.zero_point) == (0, 15, 0)
    assert (q.low, q.high) == (0.0, 6.0)


def test_quantise_rounds_to_the_nearest_code_and_saturates():
    q = AffineQuantiser(0.5, 3, -8, 7)
    x = np.array([-np.inf, -100.0, -0.25, 0.0, 0.24, 0.25, 1.0, 1e300, np.inf])
    codes = q.quantise(x)
    assert codes.dtype == np.int64
    # -0.25 and 0.25 are half a step from 0: halves go away from zero.
    assert codes.tolist() == [-8, -8, 2, 3, 3, 4, 5, 7, 7]
    assert q.dequantise(codes).tolist() == [-5.5, -5.5, -0.5, 0.0, 0.0, 0.5, 1.0, 2.0, 2.0]


def test_round_trip_error_is_at_most_half_a_step_inside_the_range():
    q = AffineQuantiser.for_range(-3.0, 5.0)
    x = np.linspace(q.low, q.high, 10_001)
    assert np.max(np.abs(q.dequantise(q.quantise(x)) - x)) <= q.scale / 2 * (1 + 1e-12)
    assert q.codes.tolist() == list(range(-128, 128))


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"scale": 0.0, "zero_point": 0}, "scale"),
        ({"scale": math.nan, "zero_point": 0}, "scale"),
        ({"scale": 1.0, "zero_point": 0.5}, "zero_point"),
        ({"scale": 1.0, "zero_point": 200}, "zero_point"),
        ({"scale": 1.0, "zero_point": 0, "qmin": 5, "qmax": 5}, "qmin"),
    ],
)
def test_bad_quantisers_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        AffineQuantiser(**kwargs)


def test_bad_ranges_and_nan_are_refused():
    with pytest.raises(ValueError, match="bits"):
        AffineQuantiser.for_range(0.0, 1.0, bits=1)
    with pytest.raises(ValueError, match="low"):
        AffineQuantiser.for_range(1.0, 1.0)
    with pytest.raises(ValueError, match="NaN"):
        AffineQuantiser(1.0, 0).quantise([0.0, np.nan])


# -- fixed-point rescaling ---------------------------------------------------------------------
@pytest.mark.parametrize("real", [2.65625, 1 / 3, 0.75, 1.0, 1e-6, 1000.1])
def test_fixed_point_multiplier_is_31_bits_and_accurate(real):
    multiplier, shift = _fixed_point(real)
    assert 2**30 <= multiplier < 2**31
    assert abs(multiplier / 2**shift - real) <= real * 2**-31


def test_multiply_by_fixed_point_rounds_like_the_real_product():
    q = np.arange(-300, 301, dtype=np.int64)
    for real in (8 / 3, 0.3, 85 / 32):
        multiplier, shift = _fixed_point(real)
        product = q * real
        expected = np.floor(product + 0.5)  # halves up, as the shift rounds
        got = _multiply_by_fixed_point(q, multiplier, shift)
        # Only an exact half (q = 5 for 0.3) may round either way: 0.3 has no finite
        # binary form, and its 31-bit multiplier lies a little above it.
        tie = np.abs(product - np.round(product - 0.5) - 0.5) < 1e-9
        assert np.array_equal(got[~tie], expected[~tie]), real
        assert np.all(np.abs(got - product) <= 0.5 + 1e-9)
    # Exact halves of a dyadic multiplier round up.
    multiplier, shift = _fixed_point(0.5)
    assert _multiply_by_fixed_point(np.array([-3, -1, 1, 3]), multiplier, shift).tolist() == [
        -1,
        0,
        1,
        2,
    ]


def test_fixed_point_refuses_what_it_cannot_represent():
    for real in (0.0, -1.0, 2.0**30, math.inf):
        with pytest.raises(ValueError, match="real"):
            _fixed_point(real)


# -- lookup tables and the integer hard sigmoid ------------------------------------------------
@pytest.mark.parametrize("bits", [4, 5, 6, 8, 10])
def test_integer_hard_sigmoid_equals_the_correctly_rounded_table(bits):
    inputs, outputs = sigmoid_quantisers(bits)
    integer = integer_hard_sigmoid(inputs, outputs)
    table = lookup_activation("hard_sigmoid", inputs, outputs)
    assert np.array_equal(integer.table, table.table)
    # Correctly rounded: within half an output step of the real hard sigmoid.
    assert integer.rounding_error() <= outputs.scale / 2 * (1 + 1e-12)


def test_integer_hard_sigmoid_with_other_zero_points():
    inputs = AffineQuantiser(0.125, 17, -128, 127)
    outputs = AffineQuantiser.for_range(0.0, 1.0, bits=8, signed=False)
    integer = integer_hard_sigmoid(inputs, outputs)
    assert np.array_equal(integer.table, lookup_activation("hard_sigmoid", inputs, outputs).table)


def test_integer_hard_sigmoid_computes_on_integers_only():
    inputs, outputs = sigmoid_quantisers(8)
    integer = integer_hard_sigmoid(inputs, outputs)
    codes = integer.codes(np.array([-128, -48, 0, 48, 127], dtype=np.int8))
    assert codes.dtype == np.int64
    assert outputs.dequantise(codes).tolist() == pytest.approx([0, 0, 0.5, 1, 1], abs=0.002)
    with pytest.raises(ValueError, match="integer codes"):
        integer.codes(np.array([0.5]))
    with pytest.raises(ValueError, match=r"\[-128, 127\]"):
        integer.codes(np.array([128]))


def test_integer_hard_sigmoid_needs_three_to_be_whole_steps():
    inputs = AffineQuantiser.for_range(-8.0, 8.0)  # step 16/255
    with pytest.raises(ValueError, match="'input'"):
        integer_hard_sigmoid(inputs, AffineQuantiser.for_range(0.0, 1.0))


def test_sigmoid_table_rounds_correctly_and_uses_fewer_levels_than_codes():
    inputs, outputs = sigmoid_quantisers(8)
    table = lookup_activation("sigmoid", inputs, outputs)
    assert table.method == "a 256-entry lookup table"
    assert table.rounding_error() <= outputs.scale / 2 * (1 + 1e-12)
    assert 90 < table.levels < 256
    # Monotone function, monotone table.
    assert np.all(np.diff(table.table) >= 0)


def test_calling_on_reals_quantises_first():
    inputs, outputs = sigmoid_quantisers(8)
    table = lookup_activation("sigmoid", inputs, outputs)
    x = np.array([-100.0, -0.03, 0.0, 0.03, 2.0])
    rounded_input = inputs.dequantise(inputs.quantise(x))
    expected = outputs.dequantise(outputs.quantise(ab.get("sigmoid")(rounded_input)))
    assert np.array_equal(table(x), expected)


def test_max_error_is_exact_at_the_cell_ends():
    # 4-bit sigmoid table: the input step is 1, so code c covers [c - 1/2, c + 1/2]; for a
    # monotone sigmoid the worst error of each cell is at one of its two ends.
    inputs, outputs = sigmoid_quantisers(4)
    table = lookup_activation("sigmoid", inputs, outputs)
    s = ab.get("sigmoid")
    out = outputs.dequantise(table.table)
    codes = inputs.codes
    lows = np.maximum(codes - 0.5, inputs.low)
    highs = np.minimum(codes + 0.5, inputs.high)
    brute = max(np.max(np.abs(out - s(lows))), np.max(np.abs(out - s(highs))))
    assert table.max_error() == pytest.approx(brute, rel=1e-12)
    dense = np.linspace(inputs.low, inputs.high, 200_001)
    assert table.max_error() >= np.max(np.abs(table(dense) - s(dense)))


def test_hard_sigmoid_error_against_sigmoid_is_the_approximation_gap_at_8_bits():
    inputs, outputs = sigmoid_quantisers(8)
    integer = integer_hard_sigmoid(inputs, outputs)
    gap = ab.max_gap("hard_sigmoid", "sigmoid").value
    error = integer.max_error("sigmoid")
    # The 8-bit grid adds at most half an input step times the slope, plus rounding.
    assert gap - 0.01 < error < gap + 0.01


def test_sigmoid_quantisers_validate_and_use_power_of_two_steps():
    inputs, outputs = sigmoid_quantisers(6)
    assert (inputs.scale, inputs.zero_point, inputs.qmin, inputs.qmax) == (0.25, 0, -32, 31)
    assert (outputs.low, outputs.high) == (0.0, 1.0)
    with pytest.raises(ValueError, match="bits"):
        sigmoid_quantisers(1)
    with pytest.raises(ValueError, match="limit"):
        sigmoid_quantisers(8, limit=-1.0)


def test_lookup_checks_parameters():
    inputs, outputs = sigmoid_quantisers(8)
    with pytest.raises(ValueError, match="beta"):
        lookup_activation("softplus", inputs, outputs, beta=-1.0)
