"""Atlas rows: every registered activation, every property the computed one."""

from __future__ import annotations

import actbook as ab
import pytest
from actbook.activations import _atlas, _library_names


def test_every_registered_activation_has_a_home_chapter_and_library_names():
    assert set(_atlas._HOME_CHAPTERS) == set(ab.names())
    assert _library_names._unregistered_entries() == []
    for name in ab.names():
        assert isinstance(ab.library_names(name), ab.LibraryNames)


def test_rows_agree_with_the_computed_properties():
    rows = ab.atlas_rows()
    assert [r.name for r in rows] == ab.names()
    for row in rows:
        computed = ab.computed_properties(row.name)
        assert row.monotonic == computed["monotonic"]
        assert row.odd == computed["odd"]
        assert row.zero_centred == computed["zero_centred"]
        assert row.smoothness == computed["smooth"]
        assert row.exp_like_calls == computed["exp_like_calls"]
        assert row.latex == ab.get(row.name).latex
        assert row.chapter == ab.home_chapter(row.name)


@pytest.mark.parametrize(
    ("name", "value_range", "slope_range"),
    [
        ("sigmoid", "(0, 1)", "(0, 0.25]"),
        ("relu", "[0, ∞)", "{0, 1}"),
        ("step", "{0, 1}", "{0}"),
        ("tanh", "(−1, 1)", "(0, 1]"),
        ("gelu", "[−0.17, ∞)", "[−0.129, 1.13]"),
        # Discontinuous functions can skip values: their ranges are unions.
        ("threshold", "{0} ∪ (1, ∞)", "{0, 1}"),
        ("hardshrink", "(−∞, −0.5) ∪ {0} ∪ (0.5, ∞)", "{0, 1}"),
        ("softshrink", "(−∞, ∞)", "{0, 1}"),
    ],
)
def test_ranges_use_standard_notation(name, value_range, slope_range):
    (row,) = ab.atlas_rows([name])
    assert (row.range, row.derivative_range) == (value_range, slope_range)


def test_only_discontinuous_functions_have_gaps_in_their_range():
    # The image of the real line under a continuous function is an interval.
    for row in ab.atlas_rows():
        if row.smoothness != "discontinuous":
            assert "∪" not in row.range, row.name


def test_library_names_are_those_the_libraries_use():
    silu = ab.library_names("silu")
    assert "nn.SiLU" in silu.pytorch
    assert {"jax.nn.silu", "jax.nn.swish"} <= set(silu.jax)
    assert "keras.activations.swish" in silu.keras
    # jax.nn.gelu is the tanh approximation unless told otherwise.
    assert "jax.nn.gelu" in ab.library_names("gelu_tanh").jax
    assert "jax.nn.gelu" not in ab.library_names("gelu").jax
    assert "HF gelu_new" in ab.library_names("gelu_tanh").elsewhere
    assert ab.library_names("maxout").all == ()


def test_names_with_arguments_stay_whole_and_defaults_are_matched():
    # A comma inside a call does not split the name.
    assert ab.library_names("threshold").pytorch == ("nn.Threshold(1, 0)",)
    assert ab.library_names("threshold").keras == ("keras.activations.threshold(x, 1, 0)",)
    # Keras's leaky ReLU slope defaults to 0.2 and its PReLU starts at 0: the names carry
    # the arguments that give the registry's defaults (0.01, 0.25).
    leaky_slope = ab.get("leaky_relu").defaults["negative_slope"]
    assert ab.library_names("leaky_relu").keras == (
        f"keras.activations.leaky_relu(negative_slope={leaky_slope:g})",
    )
    prelu_slope = ab.get("prelu").defaults["a"]
    assert f"Constant({prelu_slope:g})" in ab.library_names("prelu").keras[0]
    # Hugging Face's ACT2CLS has no hard swish; it has two more spellings of tanh GELU.
    assert not any("hardswish" in n for n in ab.library_names("hard_swish").all)
    assert {"gelu_fast", "gelu_python_tanh"} <= set(ab.library_names("gelu_tanh").elsewhere)
    for name in ab.names():
        for item in ab.library_names(name).all:
            assert item.count("(") == item.count(")"), (name, item)


def test_formulas_table_escapes_pipes_inside_math():
    text = ab.atlas_formulas_markdown(ab.atlas_rows(["softsign", "relu"]))
    header, rule, softsign, relu = text.splitlines()
    assert softsign.count("|") == 4  # only the cell borders
    assert r"\vert" in softsign
    assert relu.startswith("| Rectified linear unit (ReLU) | $")


def test_names_table_marks_missing_names():
    text = ab.library_names_markdown(ab.atlas_rows(["hard_swish", "isru"]))
    assert "`keras.activations.hard_silu`" in text
    assert text.splitlines()[-1] == "| Inverse square root unit (ISRU) | — | — | — | — |"


def test_unknown_activations_are_refused():
    with pytest.raises(ValueError, match="unknown activation"):
        ab.home_chapter("nope")
    with pytest.raises(ValueError, match="unknown activation"):
        ab.library_names("nope")
