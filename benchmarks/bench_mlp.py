"""Time one training epoch of actbook's numpy MLP against the same network in PyTorch (CPU).

Usage (from the repository root; needs ``pip install torch==2.13.0``):

    python benchmarks/bench_mlp.py [--repeat 7] [--epochs 5] [--markdown FILE]

The networks are the ones the book trains in Part III:

* ``digits``: 64-32-10, ReLU, Adam(1e-3), batch 32, on load_digits' 1347 training images;
* ``moons`` : 2-16-2, tanh, SGD(0.1, momentum 0.9), batch 32, on 1000 moons points;
* ``deep``  : 2-32x9-3 (ten weight layers, 32 wide), tanh, Adam(1e-3), batch 32, on
  1000 spiral points.

One "epoch" is what :meth:`actbook.MLP.train_epoch` does and what the PyTorch loop below
does: draw a permutation, reorder the data, then for every minibatch a forward pass,
softmax cross-entropy, a backward pass and one optimiser step. Both sides start from the
same initial weights and see the same data and batch size; both run on one thread.
PyTorch's Adam runs its multi-tensor (``foreach=True``) implementation; the for-loop one
measured no faster here. Before timing, three float64 steps on the same minibatches are
run on both sides and the weights compared: they must agree to 1e-10, so that the two
columns time the same computation. Each figure is the minimum over ``repeat`` runs of
``epochs`` epochs, divided by ``epochs`` (the least-disturbed run: noise on a shared
machine only adds time).

Ratios are ours / torch at the same dtype: below 1 means the numpy MLP is faster.
"""

from __future__ import annotations

import os

# Single thread for every library, set before numpy or torch load their thread pools.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import actbook as ab  # noqa: E402
import numpy as np  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    sizes: tuple[int, ...]
    activation: str
    optimizer: str  # "adam" or "sgd"
    learning_rate: float
    momentum: float = 0.0


CASES = [
    Case("digits", (64, 32, 10), "relu", "adam", 1e-3),
    Case("moons", (2, 16, 2), "tanh", "sgd", 0.1, momentum=0.9),
    Case("deep", (2, *[32] * 9, 3), "tanh", "adam", 1e-3),
]
BATCH_SIZE = 32


def load(case: Case) -> tuple[np.ndarray, np.ndarray]:
    if case.name == "digits":
        data = ab.digits(seed=0)
    elif case.name == "moons":
        data = ab.make_dataset("moons", 1333, noise=0.2, seed=0)
    else:
        data = ab.make_dataset("spiral", 1333, n_classes=3, seed=0)
    return data.x_train, data.y_train


def best_per_epoch(run_epochs, repeat: int, epochs: int) -> float:
    """Minimum over ``repeat`` runs of the wall time of ``epochs`` epochs, per epoch."""
    run_epochs(1)  # warm-up: first-call allocations, lazy initialisation
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_epochs(epochs)
        times.append(time.perf_counter() - start)
    return min(times) / epochs


def time_ours(case: Case, x, y, dtype: str, repeat: int, epochs: int) -> float:
    model = ab.MLP(case.sizes, case.activation, dtype=dtype, seed=0)
    initial = model.get_parameters()
    if case.optimizer == "adam":
        optimizer = ab.Adam(case.learning_rate)
    else:
        optimizer = ab.SGD(case.learning_rate, momentum=case.momentum)
    state = optimizer.init_state(model.get_parameters())
    x = x.astype(dtype)

    def run(count: int) -> None:
        for _ in range(count):
            model.train_epoch(x, y, optimizer=optimizer, state=state, batch_size=BATCH_SIZE)

    model.set_parameters(initial)
    return best_per_epoch(run, repeat, epochs)


def torch_twin(case: Case, initial: ab.MLP, dtype: str):
    """The same network in PyTorch, with ``initial``'s weights, and its optimiser."""
    import torch

    torch_dtype = getattr(torch, dtype)
    layers: list = []
    activation = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[case.activation]
    for index, (w, b) in enumerate(zip(initial.weights, initial.biases, strict=True)):
        linear = torch.nn.Linear(*w.shape, dtype=torch_dtype)
        with torch.no_grad():
            # nn.Linear stores (out, in) and computes x W^T + b: transpose ours.
            linear.weight.copy_(torch.from_numpy(w.T.copy()))
            linear.bias.copy_(torch.from_numpy(b.copy()))
        layers.append(linear)
        if index < len(initial.weights) - 1:
            layers.append(activation())
    model = torch.nn.Sequential(*layers)
    if case.optimizer == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=case.learning_rate, foreach=True)
    else:
        optimizer = torch.optim.SGD(
            model.parameters(), lr=case.learning_rate, momentum=case.momentum
        )
    return model, optimizer


def same_steps(case: Case, x, y, steps: int = 3) -> float:
    """Largest weight difference after ``steps`` identical float64 minibatch steps.

    Checks that the two sides really train the same network with the same update rule.
    """
    import torch

    ours = ab.MLP(case.sizes, case.activation, seed=0)
    model, optimizer = torch_twin(case, ours, "float64")
    if case.optimizer == "adam":
        rule = ab.Adam(case.learning_rate)
    else:
        rule = ab.SGD(case.learning_rate, momentum=case.momentum)
    state = rule.init_state(ours.get_parameters())
    loss_function = torch.nn.CrossEntropyLoss()
    for step in range(steps):
        xb, yb = (
            x[step * BATCH_SIZE : (step + 1) * BATCH_SIZE],
            y[step * BATCH_SIZE : (step + 1) * BATCH_SIZE],
        )
        ours._step_gradients(ours._inputs(xb), yb.astype(np.intp))
        rule.step(ours._params, ours._grads, state)
        optimizer.zero_grad(set_to_none=True)
        loss_function(model(torch.from_numpy(xb)), torch.from_numpy(yb)).backward()
        optimizer.step()
    linears = [layer for layer in model if isinstance(layer, torch.nn.Linear)]
    return max(
        float(np.abs(w - linear.weight.detach().numpy().T).max())
        for w, linear in zip(ours.weights, linears, strict=True)
    )


def time_torch(case: Case, x, y, initial: ab.MLP, dtype: str, repeat: int, epochs: int) -> float:
    import torch

    model, optimizer = torch_twin(case, initial, dtype)
    inputs = torch.from_numpy(x.astype(dtype))
    targets = torch.from_numpy(y)
    generator = torch.Generator().manual_seed(0)
    loss_function = torch.nn.CrossEntropyLoss()
    n = len(targets)

    def run(count: int) -> None:
        for _ in range(count):
            order = torch.randperm(n, generator=generator)
            xs, ys = inputs[order], targets[order]
            for start in range(0, n, BATCH_SIZE):
                optimizer.zero_grad(set_to_none=True)
                batch = slice(start, start + BATCH_SIZE)
                loss = loss_function(model(xs[batch]), ys[batch])
                loss.backward()
                optimizer.step()

    return best_per_epoch(run, repeat, epochs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    header = (
        "| network | samples | batches/epoch | dtype | ours ms/epoch | torch ms/epoch "
        "| ours / torch |\n|---|---:|---:|---|---:|---:|---:|"
    )
    rows = []
    for case in CASES:
        x, y = load(case)
        batches = -(-len(y) // BATCH_SIZE)
        difference = same_steps(case, x, y)
        print(f"{case.name}: max |W_ours - W_torch| after 3 float64 steps = {difference:.1e}")
        if difference > 1e-10:
            raise SystemExit(f"{case.name}: the two implementations disagree")
        for dtype in ("float64", "float32"):
            ours = time_ours(case, x, y, dtype, args.repeat, args.epochs)
            # A fresh model with the same seed has the initial weights torch must copy.
            start = ab.MLP(case.sizes, case.activation, dtype=dtype, seed=0)
            theirs = time_torch(case, x, y, start, dtype, args.repeat, args.epochs)
            label = "-".join(map(str, case.sizes)) if len(case.sizes) < 5 else "2-32x9-3"
            rows.append(
                f"| {case.name} {label} {case.activation} {case.optimizer} | {len(y)} | "
                f"{batches} | {dtype} | {1e3 * ours:.2f} | {1e3 * theirs:.2f} | "
                f"{ours / theirs:.2f} |"
            )
            print(rows[-1], flush=True)
    environment = (
        f"Python {platform.python_version()}, numpy {np.__version__}, torch "
        f"{torch.__version__}, {platform.machine()}, 1 thread; best of {args.repeat} runs "
        f"of {args.epochs} epochs, batch {BATCH_SIZE}."
    )
    table = "\n".join([header, *rows])
    print()
    print(table)
    print()
    print(environment)
    if args.markdown:
        args.markdown.write_text(table + "\n\n" + environment + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
