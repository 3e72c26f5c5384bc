"""The package agrees with PyTorch (CPU, float64) on the committed reference values.

``code/tests/activations/data/torch_reference.json`` is written by ``scripts/torch_reference.py``;
this test only reads it, so torch is not needed here. Comparisons are exact up to
``rtol = 1e-12`` (a few ulps of accumulated rounding) unless an entry below says why
the two implementations legitimately differ by more.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import actbook as ab
import numpy as np
import pytest

DATA = Path(__file__).parent / "data" / "torch_reference.json"
REFERENCE = json.loads(DATA.read_text())

RTOL = 1e-12

# (name, "value" | "derivative") -> (rtol, atol, why). Everything else uses RTOL, atol=0.
LOOSER = {
    ("sigmoid", "derivative"): (
        RTOL,
        1e-16,
        "PyTorch forms s * (1 - s); for x > ~20, 1 - s cancels and keeps only an absolute "
        "accuracy of ~1e-16, while ours (e / (1 + e)^2) keeps full relative accuracy.",
    ),
    ("tanh", "derivative"): (
        RTOL,
        1e-16,
        "PyTorch forms 1 - tanh(x)^2, which cancels for |x| > ~10 (absolute accuracy "
        "~1e-16); ours (4 e / (1 + e)^2, e = exp(-2|x|)) keeps relative accuracy.",
    ),
    ("softmax", "value"): (
        1e-15,
        1e-300,
        "Same formula; summation order differs by a rounding or two; underflowing "
        "probabilities may differ in the subnormal range.",
    ),
    ("softmax", "derivative"): (
        1e-15,
        1e-16,
        "PyTorch's Jacobian diagonal is s - s*s by autograd; ours s * (1 - s) / T: "
        "equal up to cancellation in 1 - s near s = 1.",
    ),
    ("softplus", "value"): (
        1e-9,
        0.0,
        "PyTorch returns x itself where beta * x > threshold = 20 (dropping "
        "log1p(exp(-beta x)) < 2.1e-9); ours keeps that term, so relative differences up "
        "to 2.1e-9 / 20 = 1e-10 occur just above the threshold.",
    ),
    ("softplus", "derivative"): (
        0.0,
        2.1e-9,
        "PyTorch's derivative is exactly 1 above its threshold 20; ours is sigmoid(beta "
        "x), which differs from 1 by less than exp(-20) = 2.1e-9 there.",
    ),
}

# Where PyTorch computes 1 + erf(...) or 1 + tanh(...) for very negative x, the sum cancels
# to 0 (or keeps a few bits) while ours keeps the tiny value via erfc / exp: an absolute
# tolerance of 1e-14 covers PyTorch's rounding without hiding a wrong formula, which would
# be off by far more at moderate x.
_CANCELS_LEFT = 1e-14
LOOSER.update(
    {
        ("gelu", "value"): (RTOL, _CANCELS_LEFT, "PyTorch: x/2 (1 + erf(x/√2)) cancels."),
        ("gelu", "derivative"): (RTOL, _CANCELS_LEFT, "Same cancellation in Φ(x) + x φ(x)."),
        ("gelu_tanh", "value"): (RTOL, _CANCELS_LEFT, "PyTorch: x/2 (1 + tanh(u)) cancels."),
        ("gelu_tanh", "derivative"): (RTOL, _CANCELS_LEFT, "Same cancellation in 1 + tanh."),
        ("softsign", "derivative"): (
            RTOL,
            1e-16,
            "PyTorch differentiates x / (1 + |x|) by the quotient rule, 1/(1+|x|) - "
            "|x|/(1+|x|)^2, which cancels for large |x|; ours is 1/(1+|x|)^2.",
        ),
        ("hard_sigmoid", "derivative"): (
            3e-8,
            0.0,
            "PyTorch's hardsigmoid_backward multiplies by the constant 1/6 held in float32 "
            "even for float64 tensors (0.1666666716...), a relative error of 3e-8.",
        ),
        ("tanhshrink", "value"): (
            RTOL,
            1e-15,
            "PyTorch forms x - tanh(x), which cancels to 0 for |x| < ~1e-5; ours keeps "
            "x^3/3 there.",
        ),
        ("tanhshrink", "derivative"): (
            RTOL,
            1e-16,
            "PyTorch forms 1 - (1 - tanh^2) = tanh^2 by autograd with a rounding of ~1e-16 near 0.",
        ),
        ("sinc", "value"): (
            RTOL,
            1e-15,
            "PyTorch evaluates sin(πx)/(πx) with π x rounded, so sinc(n) for integers n is "
            "~1e-17 instead of 0; ours is exactly 0 at the integers.",
        ),
        ("sinc", "derivative"): (RTOL, 1e-15, "Same rounding of π x as for the value."),
    }
)

# (name, kind, x) -> why. Single points where PyTorch's formula is inaccurate.
EXCUSED_POINTS = {
    ("sinc", "derivative", x): (
        "PyTorch differentiates sin(πx)/(πx) by the quotient rule, cos(πx)/x - "
        "sin(πx)/(πx²), which cancels near 0 (error ~ eps/|x| = 1e-8 here); ours uses the "
        "series -π²x/3 there."
    )
    for x in (-1e-8, 1e-8)
}

EXCUSED_POINTS.update(
    {
        ("sine", kind, x): (
            "PyTorch rounds omega_0 * x before the sine: at omega_0 = 30 and |x| = 1e300 the "
            "rounding (about 1e284) spans many periods, so its value is the sine of another "
            "number; ours is the sine of the exact product (checked against mpmath in "
            "test_elementwise.py). At omega_0 = 1 the product is exact and the two agree."
        )
        for kind in ("value", "derivative")
        for x in (-1e300, 1e300)
    }
)

# (name, x) -> why. Points where our derivative takes a different value from PyTorch's
# by a deliberate convention at a kink; each is also a row of the conventions table.
KINK_CONVENTIONS: dict[tuple[str, float], str] = {}


def _decode(values) -> np.ndarray:
    return np.array([float(v) for v in values], dtype=np.float64)


GRID = _decode(REFERENCE["grid"])


def _cases():
    for name, entry in REFERENCE["entries"].items():
        for index, case in enumerate(entry["cases"]):
            yield pytest.param(name, case, id=f"{name}-{index}")


def _ours(name: str, params: dict, x: np.ndarray, entry: dict):
    activation = ab.get(name)
    if activation.elementwise:
        return activation(x, **params), activation.grad(x, **params)
    rows = x.reshape(-1, entry["row_length"])
    return activation(rows, **params).ravel(), activation.grad(rows, **params).ravel()


def _compare(name: str, kind: str, x: np.ndarray, ours: np.ndarray, theirs: np.ndarray):
    rtol, atol, _ = LOOSER.get((name, kind), (RTOL, 0.0, ""))
    problems = []
    if ours.shape != theirs.shape:
        return [f"{kind}: ours has {ours.size} values, torch {theirs.size}"]
    if theirs.size != x.size:
        # GLU halves each row: label its outputs by the value half a of the input.
        per_row = REFERENCE["entries"][name]["row_length"]
        kept = theirs.size // (x.size // per_row)
        x = x.reshape(-1, per_row)[:, :kept].ravel()
    for xi, a, b in zip(x, ours, theirs, strict=True):
        if math.isnan(xi):
            # The package's rule is NaN in, NaN out. PyTorch's derivative masks such as
            # (x > 0) turn NaN into a finite slope, and heaviside(NaN) is 0 there.
            if not math.isnan(a):
                problems.append(f"{kind} at x=nan: ours {a!r}, expected NaN")
            continue
        if math.isnan(b) and abs(xi) >= 1e300 and not math.isnan(a):
            # PyTorch evaluates its formula at ±inf or where it overflows (x^3 at 1e300):
            # inf * 0 = NaN; the package promises the mathematical limit there instead.
            continue
        if (name, kind, float(xi)) in EXCUSED_POINTS:
            continue
        if math.isnan(a) or math.isnan(b):
            same = math.isnan(a) and math.isnan(b)
        elif math.isinf(a) or math.isinf(b):
            same = a == b
        else:
            same = abs(a - b) <= atol + rtol * abs(b)
        if not same and (kind == "value" or (name, float(xi)) not in KINK_CONVENTIONS):
            problems.append(f"{kind} at x={xi!r}: ours {a!r}, torch {b!r}")
    return problems


@pytest.mark.parametrize(("name", "case"), list(_cases()))
def test_matches_torch(name, case):
    if name not in ab.names():
        pytest.skip(f"{name} is in the reference file but no longer registered")
    entry = REFERENCE["entries"][name]
    x = _decode(entry["x"]) if "x" in entry else GRID
    value, derivative = _ours(name, case["params"], x, entry)
    problems = _compare(name, "value", x, np.asarray(value), _decode(case["value"]))
    if case["derivative"] is not None:
        problems += _compare(
            name, "derivative", x, np.asarray(derivative), _decode(case["derivative"])
        )
    assert problems == [], "\n".join(problems[:10])


def test_grid_has_the_hard_cases():
    finite = GRID[np.isfinite(GRID)]
    assert np.isnan(GRID).any()
    assert {-np.inf, np.inf} <= set(GRID[np.isinf(GRID)])
    assert finite.max() >= 1e300
    assert finite.min() <= -1e300
    assert np.any((finite == 0) & np.signbit(finite))
    assert {0.0, -3.0, 3.0, 6.0, 20.0, 25.0} <= set(finite)


def test_reference_is_small():
    assert DATA.stat().st_size < 300 * 1024


def test_skips_have_reasons():
    for name, reason in REFERENCE["skipped"].items():
        assert reason, name


def test_reference_covers_the_registry():
    # Activations registered after the file was generated are neither compared nor
    # skipped: say so (visible with -ra) rather than fail someone else's change.
    covered = set(REFERENCE["entries"]) | set(REFERENCE["skipped"])
    missing = [name for name in ab.names() if name not in covered]
    if missing:
        pytest.skip(f"re-run scripts/torch_reference.py to cover {missing}")


def test_looser_tolerances_name_real_entries():
    for name, kind in LOOSER:
        assert kind in {"value", "derivative"}
        assert name in REFERENCE["entries"] or name not in ab.names(), name
