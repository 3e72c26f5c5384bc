"""Rich text for chapters: formulas and tables rendered as Markdown.

A chapter shows ``actbook.formula("sigmoid")`` instead of typing LaTeX, so the formula
on the page is the one generated from the registry's SymPy definition, the same object
the tests check. Markdown outputs are parsed as MyST by the book
(``nb_render_markdown_format: myst``) and rendered by Jupyter as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .._checks import name_sequence
from ..activations import Activation, get

__all__ = ["Markdown", "formula", "markdown_table"]


@dataclass(frozen=True)
class Markdown:
    """Markdown text that Jupyter and the book render (``text/markdown``)."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def formula(activation: str | Activation) -> Markdown:
    """The activation's function and derivative as display math, from the registry."""
    return Markdown(get(activation).formula_markdown())


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Markdown:
    """A Markdown pipe table; cells are converted with ``str`` and ``|`` is escaped.

    Parameters
    ----------
    headers : sequence of str
        Column titles.
    rows : sequence of sequence
        One sequence of cells per row, each as long as ``headers``.

    Raises
    ------
    ValueError
        If a row's length differs from the number of headers.
    """

    def cell(value: Any) -> str:
        return str(value).replace("|", r"\|").replace("\n", " ")

    headers = name_sequence("headers", headers, what="column titles")
    rows = name_sequence("rows", rows, minimum=0, what="rows")
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join(" --- " for _ in headers) + "|")
    for number, row in enumerate(rows):
        if isinstance(row, str) or not isinstance(row, Sequence) or len(row) != len(headers):
            raise ValueError(
                f"parameter 'rows': row {number} must be a sequence of {len(headers)} cells, "
                f"got {row!r}"
            )
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    return Markdown("\n".join(lines))
