"""The atlas's table: a thumbnail per activation beside its computed properties.

The any-two overlay that the atlas page shows is :func:`actbook.overlay_explorer`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..activations import Activation, get
from ..activations._atlas import AtlasRow, checked_rows
from ._benchmark_table import BenchmarkTable
from ._display import Markdown, markdown_table
from ._plot import Picture, broken_at_jumps, curve_name, fixed_layout, new_figure, show
from ._style import COLORS, style

__all__ = ["atlas_markdown", "atlas_thumbnail"]

_THUMBNAIL_XLIM = (-4.0, 4.0)
_THUMBNAIL_SIZE = (1.6, 0.95)


def atlas_thumbnail(activation: str | Activation) -> Picture:
    """A small picture of ``f`` (solid) and ``f′`` (dashed) over ``−4 ≤ x ≤ 4``.

    Each thumbnail has its own vertical scale, chosen by matplotlib, and no tick labels:
    it shows the shape; the overlay explorer compares values.

    Parameters
    ----------
    activation : str or Activation

    Returns
    -------
    Picture
    """
    act = get(activation)
    fig, ax = new_figure(figsize=_THUMBNAIL_SIZE)
    fixed_layout(ax, left=0.02, right=0.98, bottom=0.04, top=0.96)
    x = np.linspace(*_THUMBNAIL_XLIM, 241)
    values, slopes = act.plot_values(x)
    with style():
        ax.axhline(0, color=COLORS["muted"], linewidth=0.6)
        ax.axvline(0, color=COLORS["muted"], linewidth=0.6)
        ax.plot(*broken_at_jumps(x, values), color=COLORS["function"], linewidth=1.6)
        ax.plot(
            *broken_at_jumps(x, slopes), color=COLORS["derivative"], linewidth=1.2, linestyle="--"
        )
        ax.set_xlim(*_THUMBNAIL_XLIM)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
    low, high = _THUMBNAIL_XLIM
    alt = (
        f"Thumbnail of the {curve_name(act)}: the function solid, its derivative "
        f"dashed, for x from {low:g} to {high:g}."
    )
    return show(fig, alt)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _cost(row: AtlasRow, benchmark: BenchmarkTable | None) -> str:
    """Transcendental calls, and the measured time per value where there is one.

    Nanoseconds per value, not a ratio to the benchmark's copy floor: the floor is the
    best copy of the whole run, so ratios to it scatter (see the cost chapter).
    """
    calls = "—" if row.exp_like_calls is None else str(row.exp_like_calls)
    if benchmark is None:
        return calls
    try:
        nanoseconds = benchmark.ns_per_value(benchmark.row(row.name).get("ours f"))
    except ValueError:
        nanoseconds = None
    return calls if nanoseconds is None else f"{calls}; {nanoseconds:.2g} ns"


def atlas_markdown(
    rows: Sequence[AtlasRow] | None = None, *, benchmark: BenchmarkTable | None = None
) -> Markdown:
    """The atlas table: thumbnail, name and chapter, computed properties, cost.

    Parameters
    ----------
    rows : sequence of AtlasRow, optional
        :func:`actbook.atlas_rows`'s output; every registered activation if omitted.
    benchmark : BenchmarkTable, optional
        A committed benchmark run (:func:`actbook.read_benchmark`); its forward time
        per value joins the cost column where it was measured.

    Returns
    -------
    Markdown
        One row per activation. The name links to its chapter (``{doc}`` targets resolve
        in the book; the page sits beside the chapters). Properties of activations that
        are not elementwise are those of the plotted slice, marked with an asterisk.
    """
    rows = checked_rows(rows)
    headers = [
        "Plot",
        "Activation",
        "Range",
        "Range of f′",
        "Smoothness",
        "Monotonic",
        "Zero-centred",
        "Odd",
        "Cost",
    ]
    table_rows = []
    for row in rows:
        picture = atlas_thumbnail(row.name)
        mark = "" if row.elementwise else "\\*"
        table_rows.append(
            [
                picture.html().replace("max-width:100%", "max-width:8rem"),
                f'[{row.title}](./{row.chapter}.md){mark}<br>`ab.get("{row.name}")`',
                row.range,
                row.derivative_range,
                row.smoothness,
                _yes(row.monotonic),
                _yes(row.zero_centred),
                _yes(row.odd),
                _cost(row, benchmark),
            ]
        )
    return markdown_table(headers, table_rows)
