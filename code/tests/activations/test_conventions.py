"""The "where libraries disagree" table: our column is computed, PyTorch's is measured."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import actbook as ab
import mpmath
import numpy as np
import pytest
from actbook.activations import _conventions
from actbook.activations._conventions import conventions, conventions_markdown, conventions_table

REFERENCE = json.loads((Path(__file__).parent / "data" / "torch_reference.json").read_text())
MEASURED = {c["key"]: c for c in REFERENCE["conventions"]}

# Rows where the package deliberately does not follow PyTorch's kink convention, with why.
# The registry's rule is "PyTorch's convention where PyTorch has one", so this is empty.
DEVIATIONS: dict[str, str] = {}


def _decode(values):
    return [float(v) for v in values]


def test_rows_are_complete():
    rows = conventions_table()
    assert len(rows) == len(conventions()) >= 10
    for row in rows:
        for key in ("what", "ours", "pytorch", "jax", "keras", "note"):
            assert isinstance(row[key], str)
            assert row[key], (row["what"], key)
        assert row["sources"], row["what"]


def test_unregistered_activations_say_so():
    for convention, row in zip(conventions(), conventions_table(), strict=True):
        registered = [n for n in convention.names if n in ab.names()]
        if registered:
            assert row["activation"] == registered[0]
            assert row["ours"] != "not in the package"
        else:
            assert row["activation"] is None
            assert row["ours"] == "not in the package"
            assert row["ours_values"] == ()


@pytest.mark.parametrize("convention", conventions(), ids=lambda c: c.what)
def test_pytorch_column_matches_measurement(convention):
    if convention.torch_key is None:
        return
    measured = MEASURED[convention.torch_key]
    if not convention.torch_values:
        return
    if convention.torch_quantity == "derivative":
        numbers = _decode(measured["derivative"])
    else:
        assert convention.torch_quantity == "value_minus_x"
        pairs = zip(_decode(measured["value"]), _decode(measured["x"]), strict=True)
        numbers = [v - x for v, x in pairs]
    assert numbers == pytest.approx(convention.torch_values, rel=1e-15)


def test_pytorch_definitions_match_measurement():
    # GELU: PyTorch's default gelu(1) is the exact erf form.
    assert _decode(MEASURED["gelu"]["value"])[0] == pytest.approx(
        0.5 * (1 + math.erf(1 / math.sqrt(2))), rel=1e-15
    )
    # Hard sigmoid: 0 at -3 and 1 at 3, i.e. relu6(x + 3) / 6, not the 0.2-slope one.
    assert _decode(MEASURED["hard_sigmoid"]["value"]) == [0.0, 1.0]
    # Softplus: PyTorch returns x itself above its threshold.
    assert _decode(MEASURED["softplus"]["value"]) == [25.0]


def test_ours_is_computed_from_the_registry():
    rows = {row["what"]: row for row in conventions_table()}
    relu = rows["ReLU′(0)"]
    assert relu["ours_values"] == (float(ab.get("relu").grad(np.zeros(1))[0]),)
    leaky = rows["Default negative slope of leaky ReLU"]
    assert leaky["ours_values"] == (ab.get("leaky_relu").defaults["negative_slope"],)
    slope_at_zero = rows["Leaky ReLU′(0), slope α = 0.01"]
    expected = ab.get("leaky_relu").grad(np.zeros(1), negative_slope=0.01)[0]
    assert slope_at_zero["ours_values"] == (float(expected),)


def test_ours_changes_when_the_code_does(monkeypatch):
    relu = ab.get("relu")

    def right_derivative(x):
        return (np.asarray(x) >= 0).astype(float)

    other = dataclasses.replace(relu, derivative=right_derivative)
    real_get = _conventions.get
    monkeypatch.setattr(
        _conventions, "get", lambda name: other if name == "relu" else real_get(name)
    )
    row = next(r for r in conventions_table() if r["what"] == "ReLU′(0)")
    assert row["ours"] == "1"
    assert row["ours_values"] == (1.0,)


@pytest.mark.parametrize("convention", conventions(), ids=lambda c: c.what)
def test_we_follow_pytorch_at_kinks(convention):
    activation = convention.activation()
    if activation is None or not convention.torch_values or convention.what in DEVIATIONS:
        return
    _, values = convention.ours(activation)
    assert values == pytest.approx(convention.torch_values, rel=1e-12), convention.what


def test_definition_rows_describe_our_code():
    rows = {row["what"]: row for row in conventions_table()}
    gelu = rows["GELU by default"]
    if gelu["activation"] is not None:
        assert gelu["ours"] in {"exact erf form", "tanh approximation"}
    hard_sigmoid = rows["Hard sigmoid definition"]
    if hard_sigmoid["activation"] is not None:
        assert hard_sigmoid["ours"].startswith(("relu6", "clip"))
    softplus = rows["Softplus for large x"]
    if softplus["activation"] is not None:
        value = float(ab.get(softplus["activation"])(np.array([25.0]))[0])
        assert softplus["ours_values"] == (value - 25.0,)


def test_markdown():
    text = conventions_markdown()
    lines = text.splitlines()
    assert lines[0] == "| What | actbook | PyTorch 2.13.0 | JAX | Keras | Note |"
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == len(conventions()) + 2  # header and separator
    assert "1. " in text
    # Every cited number in the table has a source line.
    cited = {
        int(n)
        for line in table
        for n in line.rsplit("[", 1)[-1].rstrip("] |").split(", ")
        if n.isdigit()
    }
    numbered = {int(line.split(".")[0]) for line in lines if line[:1].isdigit()}
    assert cited <= numbered


@pytest.mark.parametrize("beta", [0.25, 1.0, 4.0])
def test_softplus_cut_off_is_below_the_stated_bounds(beta):
    """The note's numbers: the cut-off changes softplus by < e^-20/β, relatively < e^-20/20."""
    softplus = ab.get("softplus")
    threshold = softplus.defaults["threshold"]
    x = threshold / beta * np.array([1 + 1e-12, 1.01, 1.1, 2.0])
    exact = np.array([float(mpmath.log1p(mpmath.exp(beta * mpmath.mpf(v))) / beta) for v in x])
    change = np.abs(softplus(x, beta=beta) - exact)
    assert change.max() < math.exp(-threshold) / beta
    assert (change / exact).max() < math.exp(-threshold) / threshold
    # ... and the bound is tight just above the threshold, not a loose overestimate.
    assert change[0] > 0.9 * math.exp(-threshold) / beta


def test_the_pytorch_version_named_is_the_one_measured():
    version = _conventions.TORCH_CHECKED_VERSION
    assert REFERENCE["torch_version"].split("+")[0] == version
    assert f"PyTorch {version}" in conventions_markdown().splitlines()[0]
