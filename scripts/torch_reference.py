"""Write PyTorch reference values for every registry activation that PyTorch has.

Run from the repository root after ``pip install torch==2.13.0`` (the CPU wheel):

    python scripts/torch_reference.py            # writes the file OUTPUT names
    python scripts/torch_reference.py --check    # exit 1 if the committed file is stale

Values are float64 on the CPU: the function and its derivative by autograd (the gradient
of ``sum(f(x))``, which for an elementwise ``f`` is ``f'(x)`` entry by entry), on one
fixed grid that includes 0, ±0 signs, tiny and huge magnitudes, ±inf, NaN and the kink
points of the piecewise activations. Each entry is evaluated at its registry defaults
and, if it has parameters, at one other admissible setting. The test
``code/tests/test_torch_reference.py`` compares the package with this file and does not
need torch.

The file also records PyTorch's derivative at the kinks that the book's
"where libraries disagree" table talks about (``conventions`` key), so that table's
PyTorch column is checked against PyTorch itself.

Non-finite numbers are stored as the strings ``"inf"``, ``"-inf"`` and ``"nan"`` to keep
the JSON strict.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

import actbook as ab
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "code" / "tests" / "activations" / "data" / "torch_reference.json"


def reference_grid() -> np.ndarray:
    """The fixed evaluation grid (sorted, NaN last)."""
    core = np.linspace(-8.0, 8.0, 65)  # step 0.25: hits ±0.5, ±1, ±2.5, ±3, ±6
    magnitudes = [1e-300, 1e-8, 0.1, 10.0, 20.0, 25.0, 30.0, 50.0, 100.0, 1e3, 1e10, 1e300]
    extra = [m * s for m in magnitudes for s in (1.0, -1.0)]
    points = np.unique(np.concatenate([core, extra, [-np.inf, np.inf]]))
    # -0.0 is kept separately: np.unique merges it with 0.0.
    return np.concatenate([points, [-0.0, np.nan]])


def _encode(values: np.ndarray) -> list:
    out = []
    for v in np.asarray(values, dtype=np.float64).ravel():
        v = float(v)
        if math.isnan(v):
            out.append("nan")
        elif math.isinf(v):
            out.append("inf" if v > 0 else "-inf")
        else:
            out.append(v)
    return out


class UnsupportedError(Exception):
    """PyTorch's built-in has no counterpart for these parameter values."""


def _only_at(call: Callable, **fixed: float) -> Callable:
    """Wrap a built-in that hard-codes parameters: refuse other values (case skipped)."""

    def wrapped(x, **params):
        if params != fixed:
            raise UnsupportedError(f"PyTorch's built-in fixes {fixed}, asked for {params}")
        return call(x)

    return wrapped


def _adapters(torch, functional) -> dict[str, tuple[str, Callable]]:
    """Registry name -> (PyTorch spelling, callable taking a tensor and our parameters).

    A callable raises ``TypeError`` when given a parameter it does not understand; the
    entry is then skipped with that reason, never compared at a wrong setting.
    """
    f = functional
    table: dict[str, tuple[str, Callable]] = {
        "identity": ("torch.nn.Identity", lambda x: torch.nn.Identity()(x)),
        "step": ("torch.heaviside(x, 1)", lambda x: torch.heaviside(x, torch.ones_like(x))),
        "sigmoid": ("torch.sigmoid", lambda x: torch.sigmoid(x)),
        "tanh": ("torch.tanh", lambda x: torch.tanh(x)),
        "relu": ("F.relu", lambda x: f.relu(x)),
        "leaky_relu": (
            "F.leaky_relu",
            lambda x, negative_slope: f.leaky_relu(x, negative_slope=negative_slope),
        ),
        "relu6": ("F.relu6", lambda x: f.relu6(x)),
        # Compositions of built-ins where PyTorch has no function of its own: they pin
        # down PyTorch's float64 values and autograd's slopes, kinks included.
        "squared_relu": ("torch.square(F.relu(x))", lambda x: torch.square(f.relu(x))),
        "sparse_sigmoid": ("(F.hardtanh(x) + 1) / 2", lambda x: (f.hardtanh(x) + 1) / 2),
        "elu": ("F.elu", lambda x, alpha: f.elu(x, alpha=alpha)),
        "selu": ("F.selu", lambda x: f.selu(x)),
        "celu": ("F.celu", lambda x, alpha: f.celu(x, alpha=alpha)),
        "gelu": ("F.gelu(approximate='none')", lambda x: f.gelu(x)),
        "gelu_tanh": ("F.gelu(approximate='tanh')", lambda x: f.gelu(x, approximate="tanh")),
        "mish": ("F.mish", lambda x: f.mish(x)),
        "softplus": (
            "F.softplus",
            lambda x, beta=1.0, threshold=20.0: f.softplus(x, beta=beta, threshold=threshold),
        ),
        "softsign": ("F.softsign", lambda x: f.softsign(x)),
        "hardtanh": (
            "F.hardtanh",
            lambda x, min_val=-1.0, max_val=1.0: f.hardtanh(x, min_val, max_val),
        ),
        "hard_sigmoid": ("F.hardsigmoid", lambda x: f.hardsigmoid(x)),
        "hard_swish": ("F.hardswish", lambda x: f.hardswish(x)),
        "hardshrink": ("F.hardshrink", lambda x, lambd: f.hardshrink(x, lambd)),
        "softshrink": ("F.softshrink", lambda x, lambd: f.softshrink(x, lambd)),
        "tanhshrink": ("F.tanhshrink", lambda x: f.tanhshrink(x)),
        "logsigmoid": ("F.logsigmoid", lambda x: f.logsigmoid(x)),
        "threshold": (
            "F.threshold",
            lambda x, threshold, value: f.threshold(x, threshold, value),
        ),
        "prelu": ("F.prelu", lambda x, a: f.prelu(x, torch.tensor([a], dtype=x.dtype))),
        "rrelu": (
            "F.rrelu(training=False)",
            lambda x, lower, upper: f.rrelu(x, lower, upper, training=False),
        ),
        "silu": ("F.silu", _only_at(lambda x: f.silu(x), beta=1.0)),
        "arctan": ("torch.atan", lambda x: torch.atan(x)),
        "exponential": ("torch.exp", lambda x: torch.exp(x)),
        "sinc": ("torch.sinc", lambda x: torch.sinc(x)),
        # SIREN's activation has no module of its own; torch.sin of the product is how
        # its implementations write it (the product rounds there, not here).
        "sine": (
            "torch.sin(omega_0 * x)",
            lambda x, omega_0: torch.sin(omega_0 * x),
        ),
    }
    aliases = {
        "linear": "identity",
        "heaviside": "step",
        "binary_step": "step",
        "logistic": "sigmoid",
        "swish": "silu",
        "hardsigmoid": "hard_sigmoid",
        "hardswish": "hard_swish",
        "hard_silu": "hard_swish",
        "hard_tanh": "hardtanh",
        "hard_shrink": "hardshrink",
        "soft_shrink": "softshrink",
        "tanh_shrink": "tanhshrink",
        "log_sigmoid": "logsigmoid",
        "gelu_exact": "gelu",
        "gelu_erf": "gelu",
        "gelu_approx": "gelu_tanh",
        "gelu_approximate": "gelu_tanh",
    }
    for alias, target in aliases.items():
        table.setdefault(alias, table[target])
    return table


#: Registry entries PyTorch has no built-in for, with the reason recorded in the file.
NOT_IN_TORCH = {
    "quick_gelu": (
        "PyTorch has no quick GELU; CLIP and Hugging Face transformers write "
        "x * torch.sigmoid(1.702 * x) themselves"
    ),
}


def _parameter_cases(activation: ab.Activation) -> list[dict[str, float]]:
    """Defaults, plus one setting that moves every parameter off its default."""
    cases = [activation.defaults]
    if activation.parameters:
        other = {}
        for p in activation.parameters:
            choices = [v for v in (p.high, p.low, (p.low + p.high) / 2) if v != p.default]
            for v in choices:
                try:
                    other[p.name] = p.check(v)
                    break
                except ValueError:
                    continue
        if other and other != activation.defaults:
            cases.append({**activation.defaults, **other})
    return cases


def _evaluate(torch, call: Callable, x: np.ndarray, params: dict[str, float]):
    """Function values and autograd derivative (``None`` if autograd refuses)."""
    tensor = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = call(tensor, **params)
    values = y.detach().numpy().copy()
    try:
        (grad,) = torch.autograd.grad(y, tensor, torch.ones_like(y))
        derivative = grad.numpy().copy()
    except RuntimeError:
        derivative = None
    return values, derivative


#: Vector-valued registry entries without a PyTorch function, and why ("skipped" key).
NOT_IN_TORCH |= {
    name: (
        f"torch.nn.functional has glu only: models write {name} by hand as {spelling} on "
        "the two halves (x.chunk(2, dim=-1)), so there is no library function to compare"
    )
    for name, spelling in {
        "swiglu": "a * F.silu(b)",
        "geglu": "a * F.gelu(b)",
        "reglu": "a * F.relu(b)",
        "bilinear": "a * b",
    }.items()
}


def _vector_adapters(torch) -> dict[str, tuple[str, Callable, bool]]:
    """Vector-valued entries: (spelling, row function, whether to compare derivatives).

    Our derivative of softmax, log-softmax and softmin is the diagonal of the Jacobian
    along the last axis; GLU's derivative has a different meaning (see its docstring),
    so only its values are compared.
    """
    return {
        "softmax": (
            "torch.softmax(x / T, dim=-1); derivative: Jacobian diagonal",
            lambda t, temperature: torch.softmax(t / temperature, dim=-1),
            True,
        ),
        "log_softmax": (
            "torch.log_softmax(x, dim=-1); derivative: Jacobian diagonal",
            lambda t: torch.log_softmax(t, dim=-1),
            True,
        ),
        "softmin": (
            "torch.nn.functional.softmin(x, dim=-1); derivative: Jacobian diagonal",
            lambda t: torch.nn.functional.softmin(t, dim=-1),
            True,
        ),
        "glu": (
            "torch.nn.functional.glu(x, dim=-1); values only",
            lambda t: torch.nn.functional.glu(t, dim=-1),
            False,
        ),
    }


def _vector_case(torch, call: Callable, x: np.ndarray, params: dict, jacobian: bool):
    """Row values and, if asked, the diagonal of each row's Jacobian."""
    rows = x.reshape(-1, 4)
    values, diagonals = [], []
    for row in rows:
        tensor = torch.tensor(row, dtype=torch.float64)
        values.append(call(tensor, **params).numpy())
        if jacobian:
            jac = torch.autograd.functional.jacobian(lambda t: call(t, **params), tensor)
            diagonals.append(torch.diagonal(jac).numpy())
    return np.concatenate(values), (np.concatenate(diagonals) if jacobian else None)


def _softmax_rows() -> np.ndarray:
    """Score vectors of length 4: moderate, huge spread, ties, -inf entries, +inf, NaN."""
    return np.array(
        [
            [0.0, 1.0, 2.0, 3.0],
            [-1.5, 0.25, 0.25, 4.0],
            [1000.0, 0.0, -1000.0, 1.0],
            [-np.inf, 0.0, 1.0, -np.inf],
            [np.inf, 0.0, 1.0, 2.0],
            [np.nan, 0.0, 1.0, 2.0],
            [-745.0, -745.0, -746.0, -800.0],
            [1e-300, -1e-300, 0.0, 0.0],
        ]
    )


def _conventions(torch, functional) -> list[dict]:
    """PyTorch's derivative at the kinks the conventions table discusses."""
    f = functional
    probes = [
        ("relu", "F.relu", lambda x: f.relu(x), [0.0]),
        ("relu6", "F.relu6", lambda x: f.relu6(x), [0.0, 6.0]),
        ("leaky_relu", "F.leaky_relu(0.01)", lambda x: f.leaky_relu(x, 0.01), [0.0]),
        ("elu_alpha_0.5", "F.elu(alpha=0.5)", lambda x: f.elu(x, alpha=0.5), [0.0]),
        ("selu", "F.selu", lambda x: f.selu(x), [0.0]),
        ("hard_sigmoid", "F.hardsigmoid", lambda x: f.hardsigmoid(x), [-3.0, 3.0]),
        ("hard_swish", "F.hardswish", lambda x: f.hardswish(x), [-3.0, 3.0]),
        ("hardtanh", "F.hardtanh", lambda x: f.hardtanh(x), [-1.0, 1.0]),
        ("softplus", "F.softplus", lambda x: f.softplus(x), [25.0]),
        ("gelu", "F.gelu", lambda x: f.gelu(x), [1.0]),
        (
            "sparse_sigmoid",
            "(F.hardtanh(x) + 1) / 2",
            lambda x: (f.hardtanh(x) + 1) / 2,
            [-1.0, 1.0],
        ),
    ]
    out = []
    for key, spelling, call, points in probes:
        values, derivative = _evaluate(torch, call, np.array(points), {})
        out.append(
            {
                "key": key,
                "torch": spelling,
                "x": _encode(np.array(points)),
                "value": _encode(values),
                "derivative": _encode(derivative),
            }
        )
    return out


def build() -> dict:
    """Evaluate PyTorch for every registry entry it has; return the JSON document."""
    import torch
    import torch.nn.functional as functional

    torch.set_num_threads(1)
    adapters = _adapters(torch, functional)
    vectors = _vector_adapters(torch)
    grid = reference_grid()
    entries: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    for activation in ab.registry():
        name = activation.name
        if name in vectors:
            spelling, call, jacobian = vectors[name]
            rows = _softmax_rows().ravel()
            cases = []
            for params in _parameter_cases(activation):
                values, derivative = _vector_case(torch, call, rows, params, jacobian)
                cases.append(
                    {
                        "params": params,
                        "value": _encode(values),
                        "derivative": None if derivative is None else _encode(derivative),
                    }
                )
            entries[name] = {"torch": spelling, "x": _encode(rows), "row_length": 4, "cases": cases}
            continue
        if name in NOT_IN_TORCH:
            skipped[name] = NOT_IN_TORCH[name]
            continue
        if name not in adapters:
            kind = "vector-valued" if not activation.elementwise else "elementwise"
            skipped[name] = f"no PyTorch built-in mapped for this {kind} activation"
            continue
        spelling, call = adapters[name]
        if not activation.elementwise:
            skipped[name] = "vector-valued without a mapped reference"
            continue
        cases, refused = [], []
        try:
            for params in _parameter_cases(activation):
                try:
                    values, derivative = _evaluate(torch, call, grid, params)
                except UnsupportedError as why:
                    refused.append({"params": params, "reason": str(why)})
                    continue
                cases.append(
                    {
                        "params": params,
                        "value": _encode(values),
                        "derivative": None if derivative is None else _encode(derivative),
                    }
                )
        except TypeError as error:
            skipped[name] = f"parameters {sorted(activation.defaults)} not mapped ({error})"
            continue
        if refused:
            entries[name] = {"torch": spelling, "cases": cases, "skipped_cases": refused}
            continue
        entries[name] = {"torch": spelling, "cases": cases}
    return {
        "generated_by": "scripts/torch_reference.py",
        "torch_version": torch.__version__,
        "dtype": "float64",
        "grid": _encode(grid),
        "entries": entries,
        "skipped": skipped,
        "conventions": _conventions(torch, functional),
    }


def dump(document: dict) -> str:
    """Serialise compactly: one line per array keeps diffs readable and the file small."""
    return json.dumps(document, indent=1, sort_keys=False, allow_nan=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--check", action="store_true", help="compare with the file instead of writing"
    )
    args = parser.parse_args(argv)
    text = dump(build())
    if args.check:
        current = args.output.read_text() if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale; re-run scripts/torch_reference.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    size = args.output.stat().st_size
    document = json.loads(text)
    print(
        f"wrote {args.output.relative_to(ROOT)} ({size / 1024:.0f} KB): "
        f"{len(document['entries'])} entries, skipped {sorted(document['skipped'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
