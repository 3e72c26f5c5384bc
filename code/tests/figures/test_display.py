"""Markdown outputs: formulas from the registry and tables."""

from __future__ import annotations

import actbook as ab
import pytest


def test_formula_is_the_registry_latex():
    sigmoid = ab.get("sigmoid")
    text = ab.formula("sigmoid")._repr_markdown_()
    assert f"f(x) = {sigmoid.latex}" in text
    assert f"f'(x) = {sigmoid.derivative_latex}" in text
    assert text.count("$$") == 4


def test_formula_of_vector_activation_has_no_f_of_x():
    text = str(ab.formula("softmax"))
    assert "f(x)" not in text and "softmax" in text


def test_markdown_table_escapes_and_checks_rows():
    table = ab.markdown_table(["a", "b"], [[1, "x|y"]])._repr_markdown_()
    assert table.splitlines() == ["| a | b |", "| --- | --- |", r"| 1 | x\|y |"]
    with pytest.raises(ValueError, match="rows"):
        ab.markdown_table(["a", "b"], [[1]])
