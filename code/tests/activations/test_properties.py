"""Declared properties in the registry agree with the ones computed from the code."""

from __future__ import annotations

import dataclasses
import math

import actbook as ab
import mpmath
import numpy as np
import pytest
import sympy
from actbook.activations._properties import (
    PROPERTY_KEYS,
    Extremum,
    computed_properties,
    curve_minimum,
    properties_markdown,
    properties_table,
    property_mismatches,
    saturation_onset,
)

ENTRIES = [a for a in ab.registry() if a.properties]


@pytest.fixture(scope="module")
def computed():
    # Computing is deterministic but not free (sympy, 4e5-point grids): once per module.
    return {a.name: computed_properties(a) for a in ab.registry()}


def test_every_entry_is_computable(computed):
    for name, props in computed.items():
        assert set(props) == {*PROPERTY_KEYS, "mean_output", "values", "derivative_values"}, name
        lo, hi = props["range"]
        assert lo <= hi, name
        assert props["bounded_above"] is (hi < math.inf)
        assert props["bounded_below"] is (lo > -math.inf)


@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_declared_properties_match_computed(activation, computed):
    assert property_mismatches(activation, computed[activation.name]) == []


@pytest.mark.parametrize("activation", ENTRIES, ids=lambda a: a.name)
def test_every_declared_key_is_checked(activation):
    # A declared key this module does not compute would be an unchecked claim.
    unknown = sorted(set(activation.properties) - set(PROPERTY_KEYS))
    assert unknown == [], f"{activation.name} declares unchecked properties {unknown}"


# -- the check catches wrong declarations --------------------------------------------------
def _relu_with(**wrong):
    relu = ab.get("relu")
    return dataclasses.replace(relu, name="fake_relu", properties={**relu.properties, **wrong})


WRONG_DECLARATIONS = {
    "range": (-1.0, math.inf),
    "range_closed": (False, False),
    "monotonic": False,
    "odd": True,
    "zero_centred": True,
    "bounded_above": True,
    "bounded_below": False,
    "smooth": "C1",
    "derivative_range": (0.0, 2.0),
    "derivative_range_closed": (False, False),
    "identity_near_origin": True,
    "exp_like_calls": 1,
}


@pytest.mark.parametrize("key", PROPERTY_KEYS)
def test_a_wrong_declaration_is_reported(key):
    fake = _relu_with(**{key: WRONG_DECLARATIONS[key]})
    problems = property_mismatches(fake)
    assert len(problems) == 1
    assert key in problems[0]


def test_a_correct_fake_passes():
    fake = _relu_with(
        range=(0.0, math.inf),
        smooth="C0",
        derivative_range=(0.0, 1.0),
        exp_like_calls=0,
        identity_near_origin=False,
    )
    assert property_mismatches(fake) == []


def test_rounded_declaration_is_accepted_but_not_a_wrong_one():
    # A function with an interior minimum: x * sigmoid(x) (SiLU), min -0.2784645 at 1.278.
    def silu(x):
        x = np.asarray(x, dtype=float)
        return x * ab.get("sigmoid").function(x)

    def silu_derivative(x):
        x = np.asarray(x, dtype=float)
        s = ab.get("sigmoid").function(x)
        with np.errstate(invalid="ignore"):
            return s + x * ab.get("sigmoid").derivative(x)

    base = ab.Activation(
        name="fake_silu",
        title="fake SiLU",
        function=silu,
        derivative=silu_derivative,
        sympy_expression=lambda x: x / (1 + sympy.exp(-x)),
    )
    props = computed_properties(base)
    assert props["range"][0] == pytest.approx(-0.278464542761074, abs=1e-12)
    assert props["smooth"] == "C-infinity"
    assert props["monotonic"] is False
    assert props["exp_like_calls"] == 1
    good = dataclasses.replace(base, properties={"range": (-0.2785, math.inf)})
    bad = dataclasses.replace(base, properties={"range": (-0.25, math.inf)})
    assert property_mismatches(good) == []
    assert property_mismatches(bad) != []


# -- definitions on known cases --------------------------------------------------------------
def test_odd_and_zero_centred_are_kept_apart():
    tanh = computed_properties("tanh")
    assert tanh["odd"] is True and tanh["zero_centred"] is True
    # Leaky ReLU takes both signs and f(0) = 0, but it is not odd and its mean is positive.
    leaky = computed_properties("leaky_relu")
    assert leaky["odd"] is False and leaky["zero_centred"] is False
    assert leaky["mean_output"] == pytest.approx(0.99 / math.sqrt(2 * math.pi), rel=1e-6)
    # GELU: E[Z Phi(Z)] = E[phi(Z)] = 1 / (2 sqrt(pi)), not 0.
    gelu = computed_properties("gelu")
    assert gelu["zero_centred"] is False
    assert gelu["mean_output"] == pytest.approx(1 / (2 * math.sqrt(math.pi)), rel=1e-9)


def test_selu_is_zero_centred_without_being_odd():
    selu = computed_properties("selu")
    # Self-normalising by design: zero mean for standard-normal inputs, yet not odd.
    assert abs(selu["mean_output"]) < 1e-12
    assert selu["zero_centred"] is True
    assert selu["odd"] is False


# Each end: attained at a finite input (True) or only approached (False), from the maths.
ATTAINED = {
    "sigmoid": ((False, False), (False, True)),  # (0, 1); sigma' in (0, 1/4], max at 0
    "tanh": ((False, False), (False, True)),
    "relu": ((True, False), (True, True)),  # [0, inf); slopes {0, 1}
    "relu6": ((True, True), (True, True)),
    "hard_tanh": ((True, True), (True, True)),
    "softplus": ((False, False), (False, False)),  # (0, inf); slope (0, 1)
    "elu": ((False, False), (False, True)),  # (-alpha, inf); slope (0, 1]
    "silu": ((True, False), (True, True)),  # the minimum and both extreme slopes are reached
    "gelu": ((True, False), (True, True)),
    "hard_swish": ((True, False), (False, False)),  # slope only approaches -1/2 and 3/2
    "tanhshrink": ((False, False), (True, False)),  # slope tanh^2 in [0, 1)
    "gaussian": ((False, True), (True, True)),  # (0, 1]; slope extremes at +-1/sqrt(2)
    "sine": ((True, True), (True, True)),
    "softmax": ((False, False), (False, True)),  # its slice s(1 - s) peaks at 1/4
    "sparsemax": ((True, True), (True, True)),
    "exponential": ((False, False), (False, False)),
}


@pytest.mark.parametrize("name", sorted(ATTAINED))
def test_which_ends_are_attained(name):
    props = computed_properties(name)
    assert (props["range_closed"], props["derivative_range_closed"]) == ATTAINED[name]


def test_no_end_is_reached_only_beyond_the_points_checked():
    # _attained looks at |x| <= 10 (beyond, floats round to asymptotes). An activation
    # that reached an end only farther out would be misreported: check none does, on
    # [-40, 40], with the ends reported as open.
    x = np.linspace(-40.0, 40.0, 160_001)
    for name in ab.names():
        activation = ab.get(name)
        props = computed_properties(name)
        f = activation.function if activation.elementwise else activation.curve
        df = activation.derivative if activation.elementwise else activation.curve_derivative
        if f is None or df is None:
            continue
        params = activation.resolve({})
        for func, (lo, hi), closed in (
            (f, props["range"], props["range_closed"]),
            (df, props["derivative_range"], props["derivative_range_closed"]),
        ):
            with np.errstate(all="ignore"):
                values = np.asarray(func(x, **params), dtype=float)
            inner = np.abs(x) <= 15  # floats do not yet round to an asymptote here
            for end, is_closed in ((lo, closed[0]), (hi, closed[1])):
                if math.isfinite(end) and not is_closed:
                    assert not np.any(values[inner] == end), (name, end)


def test_tables_print_standard_interval_notation():
    text = ab.properties_markdown(ab.properties_table(["sigmoid", "relu", "step", "silu"]))
    rows = {line.split(" | ")[0].strip("| "): line.split(" | ") for line in text.splitlines()[2:]}
    assert rows["Logistic sigmoid"][1:3] == ["(0, 1)", "(0, 0.25]"]
    assert rows["Rectified linear unit (ReLU)"][1:3] == ["[0, ∞)", "{0, 1}"]
    assert rows["Binary step (Heaviside)"][1] == "{0, 1}"
    assert rows["SiLU / swish"][1] == "[−0.278, ∞)"


def test_tiny_cutoff_jumps_are_not_structure():
    if "softplus" not in ab.names():
        pytest.skip("no softplus registered")
    # softplus switches to x above its threshold, a jump of log1p(exp(-20)) = 2.1e-9.
    props = computed_properties("softplus")
    assert props["smooth"] == "C-infinity"
    assert props["monotonic"] is True


def test_identity_near_origin_ignores_the_kink_convention():
    # leaky ReLU with slope 1 is the identity: the kink disappears.
    assert computed_properties("leaky_relu", {"negative_slope": 1.0})["identity_near_origin"]
    assert not computed_properties("relu")["identity_near_origin"]


def test_smoothness_classes():
    assert computed_properties("step")["smooth"] == "discontinuous"
    assert computed_properties("relu")["smooth"] == "C0"
    assert computed_properties("sigmoid")["smooth"] == "C-infinity"
    assert computed_properties("leaky_relu", {"negative_slope": 1.0})["smooth"] == "C-infinity"


def test_numeric_smoothness_for_entries_without_sympy():
    relu = ab.get("relu")
    numeric = dataclasses.replace(relu, name="numeric_relu", sympy_expression=None)
    step = dataclasses.replace(ab.get("step"), name="numeric_step", sympy_expression=None)
    sigmoid = dataclasses.replace(ab.get("sigmoid"), name="numeric_sig", sympy_expression=None)
    assert computed_properties(numeric)["smooth"] == "C0"
    assert computed_properties(step)["smooth"] == "discontinuous"
    assert computed_properties(sigmoid)["smooth"] == "C-infinity"
    assert computed_properties(sigmoid)["exp_like_calls"] is None


def test_table_covers_the_registry(computed):
    rows = properties_table()
    assert [r["name"] for r in rows] == ab.names()
    for row in rows:
        expected = computed[row["name"]]
        assert row["smooth"] == expected["smooth"]
    text = properties_markdown(rows)
    assert text.count("\n") == len(rows) + 1
    assert "| Rectified linear unit (ReLU) | [0, ∞) |" in text


# -- minima of non-monotone curves ----------------------------------------------------------
OMEGA = float(mpmath.lambertw(mpmath.exp(-1)))  # W(1/e): SiLU's dip is -(1 + W), -W


@pytest.mark.parametrize("beta", [0.25, 1.0, 1.702, 4.0, 10.0])
def test_silu_minimum_is_the_lambert_w_closed_form(beta):
    minimum = curve_minimum("silu", {"beta": beta})
    assert minimum.x == pytest.approx(-(1 + OMEGA) / beta, rel=1e-12)
    assert minimum.value == pytest.approx(-OMEGA / beta, rel=1e-12)


def test_gelu_minimum_solves_phi_equals_minus_x_density():
    minimum = curve_minimum("gelu")
    with mpmath.workdps(30):
        root = mpmath.findroot(lambda t: mpmath.ncdf(t) + t * mpmath.npdf(t), -0.75)
        depth = root * mpmath.ncdf(root)
    assert minimum.x == pytest.approx(float(root), rel=1e-12)
    assert minimum.value == pytest.approx(float(depth), rel=1e-14)


def test_minima_agree_with_the_declared_ranges():
    for name in ("gelu", "gelu_tanh", "quick_gelu", "silu", "mish", "hard_swish"):
        minimum = curve_minimum(name)
        assert minimum.value == pytest.approx(ab.get(name).properties["range"][0], rel=1e-12)
    assert curve_minimum("hard_swish") == Extremum(x=-1.5, value=-0.375)
    quick = curve_minimum("quick_gelu")
    silu = curve_minimum("silu", {"beta": 1.702})
    assert (quick.x, quick.value) == (silu.x, silu.value)


def test_the_lowest_of_several_minima_is_returned():
    sinc = curve_minimum("sinc", bracket=(-6.0, 0.0))
    assert sinc.value == pytest.approx(ab.get("sinc").properties["range"][0], rel=1e-12)
    assert -1.5 < sinc.x < -1.4  # the first dip is the deepest: sin(pi x)/(pi x) near -1.43


def test_no_minimum_is_an_error():
    with pytest.raises(ValueError, match="no local minimum"):
        curve_minimum("silu", {"beta": 0.0})  # x / 2 is a straight line
    with pytest.raises(ValueError, match="no local minimum"):
        curve_minimum("sigmoid")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"bracket": (0.0, -1.0)}, "bracket"),
        ({"bracket": (-1.0, math.inf)}, "bracket"),
        ({"points": 1}, "points"),
        ({"points": 10.5}, "points"),
        ({"params": {"beta": math.nan}}, "beta"),
    ],
)
def test_minimum_bad_arguments_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        curve_minimum("silu", **kwargs)


@pytest.mark.parametrize(
    ("name", "level", "start", "end"),
    [("tanh", 1.0, 15.0, 25.0), ("sigmoid", 1.0, 30.0, 40.0), ("sigmoid", 0.0, -700.0, -800.0)],
)
def test_saturation_onset_is_the_first_float_at_the_level(name, level, start, end):
    f = ab.get(name)
    x = saturation_onset(name, level, start=start, end=end)
    assert f(x) == level
    assert f(np.nextafter(x, start)) != level
    # the whole stretch from x to end is at the level (sampled)
    assert np.all(f(np.linspace(x, end, 10_001)) == level)


def test_saturation_onset_matches_the_rounding_analysis():
    # 1 + exp(-x) rounds to 1 once exp(-x) <= 2**-53: x = 53 ln 2 (to an ulp of exp)
    assert saturation_onset("sigmoid", 1.0, start=30.0, end=40.0) == pytest.approx(
        53 * math.log(2), abs=1e-12
    )
    # exp(x) underflows to 0 below half the smallest subnormal, 2**-1075
    assert saturation_onset("sigmoid", 0.0, start=-700.0, end=-800.0) == pytest.approx(
        -1075 * math.log(2), abs=1e-12
    )


def test_saturation_onset_refuses_bad_brackets():
    with pytest.raises(ValueError, match="'start'"):
        saturation_onset("sigmoid", 1.0, start=40.0, end=50.0)
    with pytest.raises(ValueError, match="'end'"):
        saturation_onset("sigmoid", 1.0, start=0.0, end=10.0)
    with pytest.raises(ValueError, match="'level'"):
        saturation_onset("sigmoid", math.nan, start=0.0, end=40.0)
    with pytest.raises(ValueError, match="'end'"):
        saturation_onset("sigmoid", 1.0, start=0.0, end=math.inf)
