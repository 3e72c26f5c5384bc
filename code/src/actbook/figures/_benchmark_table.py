"""Read the committed activation benchmark, for the chapter on cost.

``benchmarks/bench_activations.py`` prints its measurements as Markdown, and the
"Measured" section of ``benchmarks/README.md`` keeps one such run under version control.
The book renders that committed table, never live timings: a page must be the same on
every build, and a timing taken while the book builds measures the build machine's load.

:func:`read_benchmark` parses the section back into numbers: the header line (array size,
repetitions, the two copy floors), the paragraphs before it (command, machine, caveats)
as text, and the table that follows, with ``—`` read as "not measured".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes

from .._checks import instance, positive
from ._display import Markdown, markdown_table
from ._plot import Picture, new_figure, show
from ._style import COLORS, style

__all__ = [
    "BenchmarkTable",
    "benchmark_context_markdown",
    "benchmark_figure",
    "benchmark_markdown",
    "plot_benchmark",
    "read_benchmark",
    "slower_than_torch_markdown",
]

_HEADER = re.compile(
    r"(?P<size>[\d,]+) float32 values, single thread, best of (?P<repeat>\d+); times in ms; "
    r"copy floor \(.*?\) (?P<copy>[\d.]+) ms; allocating copy \(.*?\) (?P<alloc>[\d.]+) ms"
)


@dataclass(frozen=True)
class BenchmarkTable:
    """One committed run of the activation benchmark.

    Parameters
    ----------
    size, repeat : int
        Values per array and timed repetitions (the minimum is reported).
    copy_ms, allocating_copy_ms : float
        The memory floors: copying into a preallocated buffer, and ``x.copy()``.
    context : str
        The paragraphs before the numbers: how, where and at which commit it was
        measured, and any caveat about the conditions.
    columns : tuple of str
        The table's column titles, ``"activation"`` first.
    rows : tuple of dict
        One per activation: the name under ``"activation"``, every other column as a
        float (times in ms, ratios as plain numbers) or ``None`` where not measured.
    """

    size: int
    repeat: int
    copy_ms: float
    allocating_copy_ms: float
    context: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]

    def row(self, name: str) -> dict[str, Any]:
        """The row of activation ``name``."""
        for row in self.rows:
            if row["activation"] == name:
                return row
        raise ValueError(f"the benchmark has no row {name!r}")

    def ns_per_value(self, milliseconds: float | None) -> float | None:
        """Convert a time for the whole array into nanoseconds per value."""
        return None if milliseconds is None else milliseconds * 1e6 / self.size

    def slower_than_torch(self, factor: float) -> list[dict[str, Any]]:
        """The rows whose forward pass takes more than ``factor`` times PyTorch's."""
        return [
            row
            for row in self.rows
            if row.get("f ours/torch") is not None and row["f ours/torch"] > factor
        ]


def _number(cell: str) -> float | None:
    cell = cell.strip()
    if cell in {"—", "-", ""}:
        return None
    return float(cell.rstrip("x").replace(",", ""))


def read_benchmark(path: str | Path) -> BenchmarkTable:
    """Parse the "Measured" section of the benchmark README.

    Parameters
    ----------
    path : str or Path
        ``benchmarks/README.md``, or any Markdown file with a ``## Measured`` section
        holding the output of ``bench_activations.py``.

    Returns
    -------
    BenchmarkTable
        The numbers.

    Raises
    ------
    ValueError
        If the section, its header line or its table is missing.
    """
    if not isinstance(path, str | Path) or not Path(path).is_file():
        raise ValueError(f"parameter 'path' must name a benchmark file, got {path!r}")
    text = Path(path).read_text(encoding="utf-8")
    match = re.search(r"^## Measured\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if match is None:
        raise ValueError(f"{path} has no '## Measured' section")
    section = match.group(1)
    header = _HEADER.search(section)
    if header is None:
        raise ValueError(f"{path}: the Measured section lacks the benchmark's header line")
    # Everything the section says before the numbers: the command, the machine, caveats.
    before = section[: header.start()].strip()
    context = "\n\n".join(" ".join(p.split()) for p in before.split("\n\n") if p.strip())
    table = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    if len(table) < 3:
        raise ValueError(f"{path}: the Measured section has no table")
    columns = tuple(cell.strip() for cell in table[0].strip("|").split("|"))
    rows = []
    for line in table[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(columns):
            raise ValueError(f"{path}: table row {line!r} has {len(cells)} cells")
        row: dict[str, Any] = {columns[0]: cells[0]}
        row.update(
            {column: _number(cell) for column, cell in zip(columns[1:], cells[1:], strict=True)}
        )
        rows.append(row)
    return BenchmarkTable(
        size=int(header["size"].replace(",", "")),
        repeat=int(header["repeat"]),
        copy_ms=float(header["copy"]),
        allocating_copy_ms=float(header["alloc"]),
        context=context,
        columns=columns,
        rows=tuple(rows),
    )


def benchmark_markdown(table: BenchmarkTable) -> Markdown:
    """The benchmark as a table of nanoseconds per value, for a chapter.

    Parameters
    ----------
    table : BenchmarkTable
        From :func:`read_benchmark`.

    Returns
    -------
    Markdown
        One row per activation: the forward and derivative times of the package and of
        PyTorch in ns per value (``—`` where not measured), and the package's forward
        time as a multiple of PyTorch's.
    """
    instance("table", table, BenchmarkTable, "a BenchmarkTable from read_benchmark()")

    def ns(milliseconds: float | None) -> str:
        value = table.ns_per_value(milliseconds)
        return "—" if value is None else f"{value:.2f}"

    def ratio(ours: float, torch: float | None) -> str:
        return "—" if torch is None else f"{ours / torch:.1f}×"

    rows = [
        [
            row["activation"],
            ns(row["ours f"]),
            ns(row["ours f'"]),
            ns(row["torch f"]),
            ns(row["torch f'"]),
            ratio(row["ours f"], row["torch f"]),
        ]
        for row in table.rows
    ]
    headers = ["activation", "ours f (ns/value)", "ours f′", "PyTorch f", "PyTorch f′"]
    return markdown_table([*headers, "ours f / PyTorch f"], rows)


def plot_benchmark(ax: Axes, table: BenchmarkTable, names: Sequence[str] | None = None) -> None:
    """Horizontal bars: nanoseconds per value of each activation, ours and PyTorch's.

    The two copy floors are drawn as vertical lines, so that every bar reads as a
    multiple of the cost of merely moving the data.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    table : BenchmarkTable
        From :func:`read_benchmark`.
    names : sequence of str, optional
        The activations to show, top to bottom; every row of the table if omitted.
    """
    instance("table", table, BenchmarkTable, "a BenchmarkTable from read_benchmark()")
    rows = table.rows if names is None else [table.row(name) for name in names]
    names = [row["activation"] for row in rows]
    positions = range(len(names))
    ours = [table.ns_per_value(row["ours f"]) for row in rows]
    torch = [table.ns_per_value(row["torch f"]) or 0.0 for row in rows]
    height = 0.38
    with style():
        ax.barh(
            [p - height / 2 for p in positions],
            ours,
            height,
            color=COLORS["function"],
            label="ours (numpy)",
        )
        ax.barh(
            [p + height / 2 for p in positions],
            torch,
            height,
            color=COLORS["derivative"],
            label="PyTorch",
        )
        ax.axvline(
            table.ns_per_value(table.copy_ms),
            color=COLORS["muted"],
            linestyle=":",
            label="copy into a buffer",
        )
        ax.axvline(
            table.ns_per_value(table.allocating_copy_ms),
            color=COLORS["reference"],
            linestyle="--",
            linewidth=1.5,
            label="copy into a new array",
        )
        ax.set_yticks(list(positions), names)
        ax.invert_yaxis()
        ax.set_xlabel("nanoseconds per value (forward pass)")
        ax.legend(loc="lower right", fontsize=8)


def benchmark_context_markdown(table: BenchmarkTable) -> Markdown:
    """How the benchmark was run (:attr:`BenchmarkTable.context`), as a block quote.

    Parameters
    ----------
    table : BenchmarkTable
        From :func:`read_benchmark`.

    Returns
    -------
    Markdown
        One quoted paragraph per paragraph of the context.
    """
    instance("table", table, BenchmarkTable, "a BenchmarkTable from read_benchmark()")
    return Markdown("\n>\n".join(f"> {paragraph}" for paragraph in table.context.split("\n\n")))


def slower_than_torch_markdown(table: BenchmarkTable, factor: float = 3.0) -> Markdown:
    """The activations whose forward pass takes more than ``factor`` times PyTorch's.

    Parameters
    ----------
    table : BenchmarkTable
        From :func:`read_benchmark`.
    factor : float
        The threshold, a multiple of PyTorch's time.

    Returns
    -------
    Markdown
        The names in bold, each with its ratio (``"none"`` if there is none).
    """
    instance("table", table, BenchmarkTable, "a BenchmarkTable from read_benchmark()")
    factor = positive("factor", factor)
    slow = table.slower_than_torch(factor)
    return Markdown(
        ", ".join(f"**{row['activation']}** ({row['f ours/torch']:.1f}×)" for row in slow) or "none"
    )


def benchmark_figure(table: BenchmarkTable, names: Sequence[str] | None = None) -> Picture:
    """:func:`plot_benchmark` as a picture, with alt text from the times shown.

    The figure's height grows with the number of bars. The alt text gives the range of
    PyTorch's times per value (with the fastest and the slowest activation) and the two
    copy floors.

    Parameters
    ----------
    table : BenchmarkTable
        From :func:`read_benchmark`.
    names : sequence of str, optional
        The activations to show, top to bottom; every row of the table if omitted.

    Returns
    -------
    Picture
    """
    instance("table", table, BenchmarkTable, "a BenchmarkTable from read_benchmark()")
    shown = [row["activation"] for row in table.rows] if names is None else list(names)
    fig, ax = new_figure(figsize=(6.0, 0.32 * len(shown) + 1.3))
    plot_benchmark(ax, table, names=shown)
    torch_ns = {
        name: table.ns_per_value(table.row(name)["torch f"])
        for name in shown
        if table.row(name)["torch f"] is not None
    }
    alt = (
        "Horizontal bar chart of the forward time per value, in nanoseconds, of "
        f"{len(shown)} activation{'' if len(shown) == 1 else 's'}, the package's numpy "
        "version and PyTorch's side by side."
    )
    if torch_ns:
        fastest, slowest = min(torch_ns, key=torch_ns.get), max(torch_ns, key=torch_ns.get)
        alt += (
            f" PyTorch's bars range from {torch_ns[fastest]:.1f} ns ({fastest}) to "
            f"{torch_ns[slowest]:.1f} ns ({slowest})."
        )
    alt += (
        " Vertical lines mark the copy into a preallocated buffer at "
        f"{table.ns_per_value(table.copy_ms):.2f} ns and the copy into a new array at "
        f"{table.ns_per_value(table.allocating_copy_ms):.2f} ns."
    )
    return show(fig, alt)
