"""Time every elementwise activation and its derivative against PyTorch and a plain copy.

Usage (from the repository root; torch is optional, its columns are blank without it):

    python benchmarks/bench_activations.py [--size 10000000] [--repeat 7]
                                           [--only relu sigmoid ...] [--markdown FILE]

What is timed, on the same float32 array of ``size`` standard-normal values times 3
(so every kink at 0, ±1, ±3, 6 sees both sides), single-threaded:

* ``ours f``   : the registry's numpy function at default parameters, writing into a
  preallocated buffer (``out=``), as a training loop that reuses its arrays does.
* ``ours f'``  : the registry's numpy derivative, likewise with ``out=``.
* ``torch f``  : the PyTorch CPU built-in on a tensor sharing the array's memory.
* ``torch f'`` : PyTorch's backward kernel alone. The forward graph is built once
  outside the timer, then ``torch.autograd.grad(y, x, ones, retain_graph=True)`` is
  timed: that runs exactly the derivative kernel (e.g. ``threshold_backward``,
  ``sigmoid_backward``), which also multiplies by the incoming gradient (ones).
* ``copy``     : ``np.copyto`` into a preallocated buffer: one read and one write, the
  memory-bandwidth floor for any elementwise function; ``new copy``: ``x.copy()``, the
  floor of a function that returns a new array. Both are timed in every row's rounds
  and printed in its last two columns.

PyTorch's functional calls return a new tensor (most have no ``out=``), so its columns
include the allocation that ours avoid; the allocating copy ``x.copy()`` shows what a
fresh array costs. Below the table, ReLU without ``out=`` and GELU in float64 (f and f'
beside PyTorch's) are printed as extra lines.

Each row times its own copy and allocating copy in the same rounds as its kernels, and
its ours/copy ratios divide by that copy: minima over the same moments of load. Each
figure is the minimum over ``repeat`` rounds of the process's CPU time
(``time.process_time``; ``--wall`` for the wall clock), the least-disturbed round: noise
on a shared machine only ever adds time. Rounds interleave ours, PyTorch and the copy, so
load from other processes affects all columns alike. Ratios above 1 mean ours is slower. Targets
reported against: median ours/torch <= 0.9, no ratio above 2, ReLU (with out=) within
1.25x the copy.
"""

from __future__ import annotations

import os

# Single thread for every library, set before numpy or torch load their thread pools.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from functools import partial  # noqa: E402
from pathlib import Path  # noqa: E402

import actbook as ab  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# CPU time of this process rather than wall time: on a shared machine the wall clock
# also counts the slices in which other processes hold the core, which with a load of
# several processes per core dwarfs the kernels themselves. Contention for caches and
# memory bandwidth still shows. ``--wall`` switches back to the wall clock.
CLOCK = time.process_time
TARGET_MEDIAN = 0.9
TARGET_MAX = 2.0
TARGET_RELU_COPY = 1.25

# Entries whose PyTorch counterpart does no work, so a ratio would mean nothing.
NOT_COMPARABLE = {
    "identity": "nn.Identity returns its input tensor itself; ours copies x into the buffer",
}


def best_times(funcs: dict, repeat: int) -> dict:
    """Minimum wall time of each function over ``repeat`` interleaved rounds.

    Each round calls every function once, so a burst of load from other processes hits
    ours and PyTorch's alike and the ratios stay fair; one warm-up round comes first.
    """
    best = dict.fromkeys(funcs, float("inf"))
    for round_ in range(repeat + 1):
        for key, func in funcs.items():
            start = CLOCK()
            func()
            elapsed = CLOCK() - start
            if round_:
                best[key] = min(best[key], elapsed)
    return best


def torch_callables():
    """``(torch, adapters)`` or ``(None, {})`` when torch is not installed."""
    try:
        import torch
        import torch.nn.functional as functional
    except ImportError:
        return None, {}
    torch.set_num_threads(1)
    sys.path.insert(0, str(ROOT / "scripts"))
    from torch_reference import _adapters  # the same name -> PyTorch mapping as the tests

    return torch, _adapters(torch, functional)


def _torch_pair(torch, call, x: np.ndarray, params: dict) -> dict:
    """PyTorch's forward call and backward kernel on ``x``, or nothing if unmapped."""
    xt = torch.from_numpy(x)
    try:
        forward = partial(call, xt, **params)
        forward()  # raises here if the parameters are not mapped
    except (TypeError, RuntimeError):
        return {}
    try:
        leaf = xt.clone().requires_grad_(True)
        y = call(leaf, **params)
        backward = partial(torch.autograd.grad, y, leaf, torch.ones_like(y), retain_graph=True)
        backward()
    except RuntimeError:
        return {"torch_f": forward}  # no autograd formula (heaviside)
    return {"torch_f": forward, "torch_df": backward}


def measure_float64_gelu(size: int, repeat: int) -> dict | None:
    """GELU f and f' in float64 with out=, beside PyTorch's, interleaved; None without torch."""
    torch, adapters = torch_callables()
    if torch is None or "gelu" not in adapters:
        return None
    x = np.random.default_rng(0).standard_normal(size) * 3
    buffer = np.empty_like(x)
    gelu = ab.get("gelu")
    funcs = {
        "ours_f": partial(gelu, x, out=buffer),
        "ours_df": partial(gelu.grad, x, out=buffer),
        **_torch_pair(torch, adapters["gelu"][1], x, {}),
    }
    return best_times(funcs, repeat)


def measure(size: int, repeat: int, only: list[str] | None) -> list[dict]:
    """Time every selected elementwise activation, each beside its own copy floors."""
    rng = np.random.default_rng(0)
    x = (rng.standard_normal(size, dtype=np.float32) * 3).astype(np.float32)
    buffer = np.empty_like(x)
    result = np.empty_like(x)  # what ours write into (out=)
    torch, adapters = torch_callables()
    rows = []
    for activation in ab.registry():
        if not activation.elementwise or (only and activation.name not in only):
            continue
        params = activation.defaults
        funcs = {
            "ours_f": partial(activation.function, x, **params, out=result),
            "ours_df": partial(activation.derivative, x, **params, out=result),
            # The floors are timed in the same rounds as the row they divide, so a ratio
            # compares minima over the same moments of load. A function that returns a
            # new array also pays for fresh pages (the allocator hands 40 MB blocks back
            # to the OS on free): the allocating copy shows that share.
            "copy": partial(np.copyto, buffer, x),
            "alloc": x.copy,
        }
        if activation.name == "relu":
            funcs["ours_f_new"] = partial(activation.function, x)  # a new array each call
        comparable = activation.name not in NOT_COMPARABLE
        if torch is not None and comparable and activation.name in adapters:
            funcs.update(_torch_pair(torch, adapters[activation.name][1], x, params))
        times = best_times(funcs, repeat)
        rows.append({"name": activation.name, "torch_f": None, "torch_df": None, **times})
    return rows


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a / b


def summarise(rows: list[dict]) -> tuple[list[dict], dict]:
    """Add ratio columns; return the rows and the summary numbers.

    Each row's ratios to the copy use the copy timed in that row's own rounds; the floors
    printed in the header are the medians of those per-row floors.
    """
    for row in rows:
        row["f_vs_torch"] = _ratio(row["ours_f"], row["torch_f"])
        row["df_vs_torch"] = _ratio(row["ours_df"], row["torch_df"])
        row["f_vs_copy"] = row["ours_f"] / row["copy"]
        row["df_vs_copy"] = row["ours_df"] / row["copy"]
    copies = [row["copy"] for row in rows]
    torch_ratios = [r[k] for r in rows for k in ("f_vs_torch", "df_vs_torch") if r[k] is not None]
    summary = {
        "copy_ms": statistics.median(copies) * 1e3,
        "copy_range_ms": (min(copies) * 1e3, max(copies) * 1e3),
        "allocating_copy_ms": statistics.median(row["alloc"] for row in rows) * 1e3,
        "median_vs_torch": statistics.median(torch_ratios) if torch_ratios else None,
        "max_vs_torch": max(torch_ratios) if torch_ratios else None,
        "over_max": sorted(
            f"{r['name']} {k[:2].rstrip('_')}"
            for r in rows
            for k in ("f_vs_torch", "df_vs_torch")
            if r[k] is not None and r[k] > TARGET_MAX
        ),
        "relu_vs_copy": next((r["f_vs_copy"] for r in rows if r["name"] == "relu"), None),
        "relu_new_ms": next(
            (r["ours_f_new"] * 1e3 for r in rows if r["name"] == "relu" and "ours_f_new" in r),
            None,
        ),
    }
    return rows, summary


def _fmt(value: float | None, unit: str = "x") -> str:
    if value is None:
        return "—"
    return f"{value:.2f}{unit}" if unit == "x" else f"{value:.1f}"


def render(rows: list[dict], summary: dict, size: int, repeat: int) -> str:
    """A Markdown table plus the summary lines against the targets."""
    lines = [
        f"{size:,} float32 values, single thread, best of {repeat}; times in ms; "
        f"copy floor (np.copyto into a preallocated buffer, median of the rows' own floors) "
        f"{summary['copy_ms']:.1f} ms; "
        f"allocating copy (x.copy(), likewise) {summary['allocating_copy_ms']:.1f} ms; "
        "each row's ours/copy divides by the copy timed in its own rounds "
        "({:.1f}–{:.1f} ms over the rows).".format(*summary["copy_range_ms"]),
        "",
        "| activation | ours f | torch f | f ours/torch | f ours/copy | "
        "ours f' | torch f' | f' ours/torch | f' ours/copy | copy | new copy |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        cells = [
            r["name"],
            _fmt(r["ours_f"] * 1e3, "ms"),
            _fmt(None if r["torch_f"] is None else r["torch_f"] * 1e3, "ms"),
            _fmt(r["f_vs_torch"]),
            _fmt(r["f_vs_copy"]),
            _fmt(r["ours_df"] * 1e3, "ms"),
            _fmt(None if r["torch_df"] is None else r["torch_df"] * 1e3, "ms"),
            _fmt(r["df_vs_torch"]),
            _fmt(r["df_vs_copy"]),
            _fmt(r["copy"] * 1e3, "ms"),
            _fmt(r["alloc"] * 1e3, "ms"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    median = summary["median_vs_torch"]
    lines += [
        "",
        f"* median ours/torch over f and f': {_fmt(median)} (target ≤ {TARGET_MEDIAN}x): "
        + ("met" if median is not None and median <= TARGET_MEDIAN else "missed"),
        f"* largest ours/torch: {_fmt(summary['max_vs_torch'])} (target ≤ {TARGET_MAX}x); "
        f"above it: {', '.join(summary['over_max']) or 'none'}",
        f"* ReLU ours/copy with out=: {_fmt(summary['relu_vs_copy'])} "
        f"(target ≤ {TARGET_RELU_COPY}x); without out= (a new array each call): "
        f"{_fmt(summary['relu_new_ms'], 'ms')} ms",
        *(f"* {name}: no PyTorch ratio, {why}" for name, why in NOT_COMPARABLE.items()),
    ]
    gelu64 = summary.get("gelu_float64")
    if gelu64 and "torch_f" in gelu64:
        lines.append(
            f"* gelu in float64 (same values, with out=): f {gelu64['ours_f'] * 1e3:.1f} ms "
            f"against torch {gelu64['torch_f'] * 1e3:.1f} ms "
            f"({gelu64['ours_f'] / gelu64['torch_f']:.2f}x); f' "
            f"{gelu64['ours_df'] * 1e3:.1f} ms against {gelu64['torch_df'] * 1e3:.1f} ms "
            f"({gelu64['ours_df'] / gelu64['torch_df']:.2f}x)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", nargs="*", help="registry names to time (default: all)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--wall", action="store_true", help="time wall clock, not CPU time")
    args = parser.parse_args(argv)
    if args.wall:
        global CLOCK
        CLOCK = time.perf_counter
    rows, summary = summarise(measure(args.size, args.repeat, args.only))
    if not args.only or "gelu" in args.only:
        summary["gelu_float64"] = measure_float64_gelu(args.size, args.repeat)
    text = render(rows, summary, args.size, args.repeat)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
