"""Time per epoch of actbook's MLP for two versions of the package, in alternation.

Usage (from the repository root):

    python benchmarks/bench_mlp_buffers.py --before /path/to/old/code/src \
        [--after code/src] [--rounds 5] [--epochs 10]

Measures what changed between two source trees of ``actbook`` (e.g. before and after the
training loop reused its buffers), on the networks of ``bench_mlp.py`` (digits
64-32-10 ReLU Adam, moons 2-16-2 tanh SGD, deep 2-32x9-3 tanh Adam; batch 32), without
PyTorch. Each round runs one subprocess per tree, alternating, so that load from other
processes falls on both alike; a subprocess trains ``epochs`` epochs per network after a
warm-up epoch and reports the CPU time of the process per epoch (``time.process_time``:
on a shared machine the wall clock also counts other processes' time slices). The
minimum over the rounds is printed.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent


def one_run(epochs: int) -> dict[str, float]:
    """Milliseconds of CPU time per epoch for every network and dtype, in this process."""
    import actbook as ab

    sys.path.insert(0, str(HERE))
    from bench_mlp import BATCH_SIZE, CASES, load

    times = {}
    for case in CASES:
        x, y = load(case)
        for dtype in ("float64", "float32"):
            model = ab.MLP(case.sizes, case.activation, dtype=dtype, seed=0)
            if case.optimizer == "adam":
                optimizer = ab.Adam(case.learning_rate)
            else:
                optimizer = ab.SGD(case.learning_rate, momentum=case.momentum)
            state = optimizer.init_state(model.get_parameters())
            data = x.astype(dtype)
            model.train_epoch(data, y, optimizer=optimizer, state=state, batch_size=BATCH_SIZE)
            start = time.process_time()
            for _ in range(epochs):
                model.train_epoch(data, y, optimizer=optimizer, state=state, batch_size=BATCH_SIZE)
            times[f"{case.name} {dtype}"] = (time.process_time() - start) / epochs * 1e3
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="old actbook source tree")
    parser.add_argument("--after", type=Path, default=HERE.parent / "code" / "src")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(one_run(args.epochs)))
        return 0
    best: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    for _ in range(args.rounds):
        for label, tree in (("before", args.before), ("after", args.after)):
            environment = {
                **os.environ,
                "PYTHONPATH": f"{tree.resolve()}{os.pathsep}" + (os.environ.get("PYTHONPATH", "")),
            }
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--before",
                    ".",
                    "--epochs",
                    str(args.epochs),
                ],
                env=environment,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            for key, value in json.loads(output.splitlines()[-1]).items():
                best[label][key] = min(best[label].get(key, float("inf")), value)
    print(f"CPU ms per epoch, best of {args.rounds} rounds of {args.epochs} epochs, batch 32")
    print()
    print("| network | dtype | before | after | after / before |")
    print("| --- | --- | ---: | ---: | ---: |")
    for key, before in best["before"].items():
        after = best["after"][key]
        name, dtype = key.split()
        print(f"| {name} | {dtype} | {before:.2f} | {after:.2f} | {after / before:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
