"""The registry's records: lookup, parameters, evaluation and generated formulas."""

from __future__ import annotations

import math

import actbook as ab
import numpy as np
import pytest
import sympy
from actbook.activations._registry import _LINE_CHARACTERS, _display, _latex


# -- lookup -----------------------------------------------------------------------------------
def test_names_are_unique_snake_case_and_in_registration_order():
    names = ab.names()
    assert len(names) == len(set(names))
    assert names == [a.name for a in ab.registry()]
    for name in names:
        assert name == name.lower() and " " not in name and "-" not in name


@pytest.mark.parametrize("spelling", ["leaky_relu", "Leaky-ReLU", " leaky relu "])
def test_get_normalises_spelling(spelling):
    assert ab.get(spelling).name == "leaky_relu"


def test_get_passes_records_through():
    record = ab.get("tanh")
    assert ab.get(record) is record


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [
        ("sigmod", "sigmoid"),
        ("relu_6", "relu6"),
        ("sofplus", "softplus"),
        ("gelu_tan", "gelu_tanh"),
    ],
)
def test_unknown_names_suggest_close_ones(typo, suggestion):
    with pytest.raises(ValueError, match="unknown activation") as info:
        ab.get(typo)
    assert repr(suggestion) in str(info.value)
    assert "did you mean" in str(info.value)


def test_unknown_name_without_close_match_has_no_suggestion():
    with pytest.raises(ValueError, match="unknown activation") as info:
        ab.get("qwertyuiop")
    assert "did you mean" not in str(info.value)


def test_registering_a_taken_name_fails():
    with pytest.raises(ValueError, match="already registered"):
        ab.register(ab.get("relu"))


# -- parameters -------------------------------------------------------------------------------
def test_parameter_check_accepts_and_converts():
    p = ab.Parameter("alpha", 1.0, 0.1, 2.0, valid=(0.0, math.inf), open_lower=True)
    assert p.check(1) == 1.0 and isinstance(p.check(1), float)
    assert p.check(np.int64(2)) == 2.0
    assert p.check(np.array(0.5)) == 0.5  # a 0-d array is a number
    assert p.check(np.float32(2.5)) == 2.5  # outside the explored range is still valid


@pytest.mark.parametrize(
    "value", [0.0, -1.0, math.nan, math.inf, "abc", "0.5", None, [1.0], True, np.array([1.0])]
)
def test_parameter_check_refuses_with_the_name(value):
    p = ab.Parameter("alpha", 1.0, 0.1, 2.0, valid=(0.0, math.inf), open_lower=True)
    with pytest.raises(ValueError, match="'alpha'"):
        p.check(value)


def test_parameter_check_closed_and_open_ends():
    closed = ab.Parameter("b", 0.5, 0.0, 1.0, valid=(0.0, 1.0))
    assert closed.check(0.0) == 0.0 and closed.check(1.0) == 1.0
    opened = ab.Parameter("b", 0.5, 0.0, 1.0, valid=(0.0, 1.0), open_lower=True, open_upper=True)
    for end in (0.0, 1.0):
        with pytest.raises(ValueError, match=r"\(0, 1\)"):
            opened.check(end)


def test_parameter_grid():
    p = ab.Parameter("t", 20.0, 5.0, 40.0)
    grid = p.grid()
    assert grid == sorted(set(grid))
    assert grid[0] == 5.0 and grid[-1] == 40.0 and 20.0 in grid
    assert len(grid) == 6  # five evenly spaced values plus the default
    assert ab.Parameter("s", 0.01, 0.0, 0.3).grid(3) == [0.0, 0.01, 0.15, 0.3]
    assert ab.Parameter("s", 0.0, 0.0, 1.0).grid(2) == [0.0, 1.0]


@pytest.mark.parametrize("activation", list(ab.registry()), ids=lambda a: a.name)
def test_parameters_are_well_formed(activation):
    for p in activation.parameters:
        assert p.low <= p.default <= p.high, p.name
        assert p.check(p.default) == p.default
        for value in p.grid():
            p.check(value)  # the explored range lies inside the valid one
        assert p.description
    assert activation.resolve() == activation.defaults


def test_resolve_fills_defaults_and_validates():
    softplus = ab.get("softplus")
    assert softplus.resolve({"beta": 2}) == {"beta": 2.0, "threshold": 20.0}
    with pytest.raises(ValueError, match="has no parameter 'gamma'"):
        softplus.resolve({"gamma": 1.0})
    with pytest.raises(ValueError, match="'beta'"):
        softplus.resolve({"beta": 0.0})
    with pytest.raises(ValueError, match="none"):
        ab.get("relu").resolve({"alpha": 1.0})


def test_call_grad_and_plot_values_use_validated_parameters():
    elu = ab.get("elu")
    x = np.array([-1.0, 2.0])
    np.testing.assert_array_equal(elu(x, alpha=2.0), [2.0 * math.expm1(-1.0), 2.0])
    np.testing.assert_array_equal(elu.grad(x), [math.exp(-1.0), 1.0])
    value, slope = elu.plot_values(x, alpha=0.5)
    np.testing.assert_array_equal(value, elu(x, alpha=0.5))
    np.testing.assert_array_equal(slope, elu.grad(x, alpha=0.5))
    with pytest.raises(ValueError, match="'alpha'"):
        elu.plot_values(x, alpha=-1.0)


def test_plot_values_of_a_vector_entry_use_its_slice():
    softmax = ab.get("softmax")
    x = np.linspace(-3, 3, 7)
    value, slope = softmax.plot_values(x, temperature=2.0)
    np.testing.assert_allclose(value, 1 / (1 + np.exp(-x / 2)), rtol=1e-15)
    np.testing.assert_allclose(slope, value * (1 - value) / 2, rtol=1e-14)


def test_an_unplottable_record_says_so():
    record = ab.Activation(
        name="bare", title="Bare", function=np.sort, derivative=np.sort, elementwise=False
    )
    with pytest.raises(ValueError, match="no 1-D slice"):
        record.plot_values(np.zeros(3))
    with pytest.raises(ValueError, match="no symbolic definition"):
        record.expression()


# -- symbolic ---------------------------------------------------------------------------------
ELEMENTWISE = [a for a in ab.registry() if a.elementwise]


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_latex_is_generated_from_sympy(activation):
    assert activation.latex == sympy.latex(activation.expression(), fold_frac_powers=True)
    assert activation.derivative_latex == _latex(activation.derivative_expression())
    markdown = activation.formula_markdown()
    assert markdown.startswith("$$\nf(x) = ") or markdown.startswith("$$\n\\begin{aligned}")
    assert activation.latex in _unbroken(markdown)
    assert activation.derivative_latex in _unbroken(markdown)


def _unbroken(markdown: str) -> str:
    """A formula block with the line breaks of :func:`_display` taken out again."""
    return (
        markdown.replace("\\begin{aligned}\n", "")
        .replace("\n\\end{aligned}", "")
        .replace(" = {} & ", " = ")
        .replace(" \\\\\n& \\quad ", " ")
    )


def test_a_formula_too_wide_for_the_column_is_broken_after_terms_of_its_sum():
    tanh_form = ab.get("gelu_tanh")
    assert len(tanh_form.derivative_latex) > _LINE_CHARACTERS
    markdown = tanh_form.formula_markdown()
    block = markdown.split("$$")[3]
    assert block.startswith("\n\\begin{aligned}\nf'(x) = {} & ")
    lines = block.strip().splitlines()[1:-1]
    assert len(lines) == 2 and all(len(line) <= _LINE_CHARACTERS + 20 for line in lines)
    assert lines[1].startswith("& \\quad + ")
    assert f"f'(x) = {tanh_form.derivative_latex}" in _unbroken(markdown)
    # Short formulas, and LaTeX written by hand, stay on one line.
    assert "aligned" not in ab.get("sigmoid").formula_markdown()
    assert "aligned" not in ab.get("softmax").formula_markdown()
    assert _display("f(x)", "x" * 300, False) == "f(x) = " + "x" * 300


@pytest.mark.parametrize("activation", ELEMENTWISE, ids=lambda a: a.name)
def test_symbols_are_real_and_named_after_the_parameters(activation):
    x, params = activation.symbols()
    assert x.is_real and str(x) == "x"
    assert list(params) == [p.name for p in activation.parameters]
    assert all(s.is_real for s in params.values())
    assert activation.expression().free_symbols <= {x, *params.values()}


def test_parameter_symbols_print_as_greek_letters():
    assert r"\alpha" in ab.get("leaky_relu").latex
    assert r"\beta" in ab.get("silu").latex
    assert r"\lambda" in ab.get("softshrink").latex


def test_expression_substitutes_exact_parameter_values():
    x, _ = ab.get("leaky_relu").symbols()
    expr = ab.get("leaky_relu").expression(negative_slope=0.01)
    assert expr.subs(x, -100) == -1  # 0.01 became the rational 1/100


def test_derivative_expression_defaults_to_diff():
    record = ab.Activation(
        name="cube",
        title="Cube",
        function=lambda x: np.asarray(x) ** 3,
        derivative=lambda x: 3 * np.asarray(x) ** 2,
        sympy_expression=lambda x: x**3,
    )
    x, _ = record.symbols()
    assert record.derivative_expression() == 3 * x**2
    assert record.derivative_latex == "3 x^{2}"


def test_vector_entries_use_their_latex_overrides():
    for activation in ab.registry():
        if activation.elementwise:
            continue
        assert activation.latex == activation.latex_override
        assert activation.derivative_latex == activation.derivative_latex_override
        markdown = activation.formula_markdown()
        assert "f(x)" not in markdown and activation.latex in markdown
