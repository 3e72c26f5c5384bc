"""Write PyTorch reference training steps for the numpy MLP's test.

Run from the repository root after ``pip install torch==2.13.0`` (the CPU wheel):

    python scripts/mlp_torch_reference.py          # writes the file OUTPUT names
    python scripts/mlp_torch_reference.py --check  # exit 1 if the committed file is stale

For a few small networks (activations, losses and optimisers that the book uses) the
script draws initial weights and three minibatches from a fixed numpy seed, trains the
``torch.nn`` twin of the network for three steps in float64 and records the loss before
each step and all parameters after the last one, in actbook's flat layout
(``W_1, b_1, W_2, b_2, ...`` with ``W`` of shape ``(fan_in, fan_out)``). The test
``code/tests/test_mlp.py`` replays the steps with :meth:`actbook.MLP.train_step` and
does not need torch.

Gated cases (``"gated"``: one flag per hidden layer) build each gated hidden layer as one
``torch.nn.Linear(fan_in, 2 units)`` whose output is split with ``chunk(2, dim=-1)`` into
the value and the gate, ``value * act(gate)``: the layout of our ``[V | W]`` weights and
the way SwiGLU and GEGLU layers are usually written in PyTorch.

Conventions mapped onto PyTorch: our ``"mse"`` loss is ``1/(2n) sum ||out - t||^2``,
which is ``0.5 * k * MSELoss()`` for ``k`` outputs, so the script writes it out instead
of using ``MSELoss``; our ``SGD(momentum, nesterov)`` and ``Adam`` follow
``torch.optim``'s formulas, so those are used as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "code" / "tests" / "training" / "data" / "mlp_torch_reference.json"
STEPS = 3
BATCH = 6

CASES = [
    {
        "name": "tanh_cross_entropy_sgd_momentum",
        "sizes": [3, 5, 4],
        "activation": "tanh",
        "params": {},
        "loss": "cross_entropy",
        "optimizer": {"kind": "sgd", "learning_rate": 0.1, "momentum": 0.9},
    },
    {
        "name": "relu_cross_entropy_sgd",
        "sizes": [3, 8, 3],
        "activation": "relu",
        "params": {},
        "loss": "cross_entropy",
        "optimizer": {"kind": "sgd", "learning_rate": 0.2},
    },
    {
        "name": "leaky_relu_cross_entropy_adam",
        "sizes": [3, 6, 5, 4],
        "activation": "leaky_relu",
        "params": {"negative_slope": 0.1},
        "loss": "cross_entropy",
        "optimizer": {"kind": "adam", "learning_rate": 0.01},
    },
    {
        "name": "sigmoid_mse_nesterov",
        "sizes": [3, 4, 2],
        "activation": "sigmoid",
        "params": {},
        "loss": "mse",
        "optimizer": {"kind": "sgd", "learning_rate": 0.05, "momentum": 0.8, "nesterov": True},
    },
    {
        "name": "swiglu_cross_entropy_adam",
        "sizes": [3, 5, 4],
        "activation": "silu",
        "params": {},
        "gated": [True],
        "loss": "cross_entropy",
        "optimizer": {"kind": "adam", "learning_rate": 0.01},
    },
    {
        "name": "geglu_then_dense_cross_entropy_sgd_momentum",
        "sizes": [3, 6, 5, 4],
        "activation": "gelu",
        "params": {},
        "gated": [True, False],
        "loss": "cross_entropy",
        "optimizer": {"kind": "sgd", "learning_rate": 0.1, "momentum": 0.9},
    },
    {
        "name": "reglu_mse_sgd",
        "sizes": [3, 4, 2],
        "activation": "relu",
        "params": {},
        "gated": [True],
        "loss": "mse",
        "optimizer": {"kind": "sgd", "learning_rate": 0.05},
    },
]


def _columns(case: dict) -> list[int]:
    """Stored outputs of each layer: twice the units for a gated hidden layer."""
    gated = [*case.get("gated", [False] * (len(case["sizes"]) - 2)), False]
    return [2 * n if g else n for n, g in zip(case["sizes"][1:], gated, strict=True)]


def draw(case: dict, rng: np.random.Generator) -> dict:
    """Initial parameters (flat, our layout) and the minibatches, from ``rng``."""
    sizes = case["sizes"]
    flat = []
    for fan_in, fan_out in zip(sizes[:-1], _columns(case), strict=True):
        flat += list(rng.normal(scale=0.6, size=fan_in * fan_out))
        flat += list(rng.normal(scale=0.2, size=fan_out))
    batches = []
    for _ in range(STEPS):
        x = rng.normal(size=(BATCH, sizes[0]))
        if case["loss"] == "cross_entropy":
            y = rng.integers(0, sizes[-1], size=BATCH)
        else:
            y = rng.normal(size=(BATCH, sizes[-1]))
        batches.append({"x": x.tolist(), "y": y.tolist()})
    return {"initial": [float(v) for v in flat], "batches": batches}


def train_torch(case: dict, drawn: dict) -> dict:
    import torch

    class Gated(torch.nn.Module):
        """value * act(gate), the halves of the preceding Linear's output."""

        def __init__(self, act):
            super().__init__()
            self.act = act

        def forward(self, z):
            value, gate = z.chunk(2, dim=-1)
            return value * self.act(gate)

    sizes = case["sizes"]
    activation = {
        "tanh": torch.nn.Tanh,
        "relu": torch.nn.ReLU,
        "sigmoid": torch.nn.Sigmoid,
        "leaky_relu": lambda: torch.nn.LeakyReLU(case["params"]["negative_slope"]),
        "silu": torch.nn.SiLU,
        "gelu": torch.nn.GELU,
    }[case["activation"]]
    gated = case.get("gated", [False] * (len(sizes) - 2))
    flat = np.array(drawn["initial"])
    layers, offset = [], 0
    for index, (fan_in, fan_out) in enumerate(zip(sizes[:-1], _columns(case), strict=True)):
        linear = torch.nn.Linear(fan_in, fan_out, dtype=torch.float64)
        w = flat[offset : offset + fan_in * fan_out].reshape(fan_in, fan_out)
        offset += fan_in * fan_out
        b = flat[offset : offset + fan_out]
        offset += fan_out
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w.T.copy()))  # torch keeps (out, in)
            linear.bias.copy_(torch.from_numpy(b.copy()))
        layers.append(linear)
        if index < len(sizes) - 2:
            layers.append(Gated(activation()) if gated[index] else activation())
    model = torch.nn.Sequential(*layers)
    spec = dict(case["optimizer"])
    kind, rate = spec.pop("kind"), spec.pop("learning_rate")
    if kind == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=rate, **spec)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=rate, **spec)

    losses = []
    for batch in drawn["batches"]:
        x = torch.tensor(batch["x"], dtype=torch.float64)
        out = model(x)
        if case["loss"] == "cross_entropy":
            loss = torch.nn.functional.cross_entropy(out, torch.tensor(batch["y"]))
        else:
            target = torch.tensor(batch["y"], dtype=torch.float64)
            loss = 0.5 * ((out - target) ** 2).sum(dim=1).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    final = []
    for layer in layers:
        if isinstance(layer, torch.nn.Linear):
            final += layer.weight.detach().numpy().T.ravel().tolist()
            final += layer.bias.detach().numpy().tolist()
    return {"losses": losses, "final": final}


def build() -> dict:
    import torch

    rng = np.random.default_rng(20240601)
    cases = []
    for case in CASES:
        drawn = draw(case, rng)
        cases.append({**case, **drawn, **train_torch(case, drawn)})
    return {"torch_version": torch.__version__, "steps": STEPS, "cases": cases}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args(argv)
    text = json.dumps(build(), indent=1) + "\n"
    if args.check:
        current = OUTPUT.read_text() if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale; rerun without --check")
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
