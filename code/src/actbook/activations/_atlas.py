"""The atlas: one row per registered activation, every entry read from the registry.

A row gathers what the atlas page prints about an activation: its formulas, the computed
properties (never the declared ones, so a row cannot disagree with the implementation),
the names libraries give it and the chapter that teaches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._checks import name_sequence
from ._library_names import LibraryNames, library_names
from ._properties import _interval, computed_properties, range_text
from ._registry import Activation, get, registry

__all__ = [
    "AtlasRow",
    "atlas_formulas_markdown",
    "atlas_rows",
    "home_chapter",
    "library_names_markdown",
]

#: The chapter (document name under ``chapters/``) that defines and plots each activation.
#: The book's tests check that each one shows the activation's formula and a picture of it.
_HOME_CHAPTERS: dict[str, str] = {
    "identity": "identity",
    "step": "step",
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "lecun_tanh": "beyond_ridges",
    "log_sigmoid": "beyond_ridges",
    "arctan": "beyond_ridges",
    "softsign": "beyond_ridges",
    "isru": "beyond_ridges",
    "relu": "relu",
    "leaky_relu": "leaky_relu",
    "prelu": "leaky_relu",
    "rrelu": "beyond_ridges",
    "relu6": "hardware_friendly",
    "hard_tanh": "hardware_friendly",
    "squared_relu": "sparse_squared",
    "threshold": "sparse_squared",
    "sparse_sigmoid": "sparse_squared",
    "sparse_plus": "sparse_squared",
    "exponential": "beyond_ridges",
    "elu": "elu_selu",
    "selu": "elu_selu",
    "celu": "elu_selu",
    "gelu": "gelu",
    "gelu_tanh": "gelu",
    "quick_gelu": "gelu",
    "silu": "silu",
    "mish": "smooth_relus",
    "softplus": "smooth_relus",
    "squareplus": "smooth_relus",
    "bent_identity": "beyond_ridges",
    "hard_sigmoid": "hardware_friendly",
    "hard_sigmoid_legacy": "hardware_friendly",
    "hard_swish": "hardware_friendly",
    "tanhshrink": "sparse_squared",
    "softshrink": "sparse_squared",
    "hardshrink": "sparse_squared",
    "gaussian": "beyond_ridges",
    "sinc": "beyond_ridges",
    "sine": "beyond_ridges",
    "softmax": "softmax",
    "log_softmax": "softmax",
    "softmin": "softmax",
    "sparsemax": "sparse_squared",
    "glu": "gated_units",
    "swiglu": "gated_units",
    "geglu": "gated_units",
    "reglu": "gated_units",
    "bilinear": "gated_units",
    "maxout": "beyond_ridges",
}


def home_chapter(activation: str | Activation) -> str:
    """The document name of the chapter that teaches ``activation`` (``"silu"``).

    Raises
    ------
    ValueError
        If the activation is not registered or has no home chapter listed.
    """
    name = get(activation).name
    try:
        return _HOME_CHAPTERS[name]
    except KeyError:
        raise ValueError(
            f"activation {name!r} has no home chapter in actbook.activations._atlas"
        ) from None


@dataclass(frozen=True)
class AtlasRow:
    """Everything the atlas prints about one activation.

    Parameters
    ----------
    name, title : str
        Registry name and human name.
    latex, derivative_latex : str
        The registry's formulas (for activations that are not elementwise, the
        derivative is the Jacobian-vector product the registry defines).
    range, derivative_range : str
        Computed ranges in standard notation (open where an end is not attained); a
        union of pieces where a discontinuous function skips values.
    smoothness : str
        Computed continuity class: ``"C∞"``, ``"C1"``, ``"C0"`` or ``"discontinuous"``.
    monotonic, odd, zero_centred : bool
        Computed properties; zero-centred means ``E f(Z) = 0`` for standard normal ``Z``.
    exp_like_calls : int or None
        Transcendental calls (exp, log, tanh, erf, ...) in the SymPy definition; ``None``
        when there is none.
    elementwise : bool
        False for activations that mix entries; their properties are those of the 1-D
        slice ``curve_label`` describes.
    curve_label : str
        Which 1-D slice is plotted and described, empty for elementwise activations.
    names : LibraryNames
        What PyTorch, JAX, Keras and others call it.
    chapter : str
        Document name of the chapter that teaches it.
    """

    name: str
    title: str
    latex: str
    derivative_latex: str
    range: str
    derivative_range: str
    smoothness: str
    monotonic: bool
    odd: bool
    zero_centred: bool
    exp_like_calls: int | None
    elementwise: bool
    curve_label: str
    names: LibraryNames
    chapter: str


def _row(activation: Activation, properties: dict[str, Any]) -> AtlasRow:
    return AtlasRow(
        name=activation.name,
        title=activation.title,
        latex=activation.latex,
        derivative_latex=activation.derivative_latex,
        range=range_text(activation, properties),
        derivative_range=_interval(
            properties["derivative_range"],
            properties["derivative_range_closed"],
            properties["derivative_values"],
        ),
        smoothness=properties["smooth"],
        monotonic=properties["monotonic"],
        odd=properties["odd"],
        zero_centred=properties["zero_centred"],
        exp_like_calls=properties["exp_like_calls"],
        elementwise=activation.elementwise,
        curve_label="" if activation.elementwise else activation.curve_label,
        names=library_names(activation.name),
        chapter=home_chapter(activation.name),
    )


def atlas_rows(names: list[str] | None = None) -> list[AtlasRow]:
    """One :class:`AtlasRow` per activation, at default parameters.

    Parameters
    ----------
    names : list of str, optional
        Which activations, in order; every registered one, in registration order, if
        omitted.

    Returns
    -------
    list of AtlasRow
    """
    chosen = (
        [get(n) for n in name_sequence("names", names)] if names is not None else list(registry())
    )
    return [_row(a, computed_properties(a)) for a in chosen]


def checked_rows(rows: Any) -> list[AtlasRow]:
    """``rows`` as a list of :class:`AtlasRow`, every registered activation if ``None``.

    Raises
    ------
    ValueError
        Naming ``rows``, if it is empty or holds anything but atlas rows.
    """
    if rows is None:
        return atlas_rows()
    if isinstance(rows, str | AtlasRow) or not hasattr(rows, "__iter__"):
        raise ValueError(
            f"parameter 'rows' must be a list of AtlasRow (from ab.atlas_rows()), got {rows!r}"
        )
    rows = list(rows)
    if not rows or not all(isinstance(r, AtlasRow) for r in rows):
        raise ValueError(
            "parameter 'rows' must be a non-empty list of AtlasRow (from ab.atlas_rows())"
        )
    return rows


def _table_math(latex: str) -> str:
    """Inline math that survives a pipe table: ``|`` would end the cell."""
    latex = latex.replace(r"\left|", r"\left\vert ").replace(r"\right|", r"\right\vert ")
    return "$" + latex.replace("|", r"\vert ").replace("\n", " ") + "$"


def _pipe_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def atlas_formulas_markdown(rows: list[AtlasRow] | None = None) -> str:
    """Each activation's formula and derivative, as the registry defines them.

    Parameters
    ----------
    rows : list of AtlasRow, optional
        :func:`atlas_rows`'s output; every registered activation if omitted.

    Returns
    -------
    str
        A pipe table with inline math. For activations that are not elementwise the
        derivative column holds the registry's partial derivatives.
    """
    rows = checked_rows(rows)
    return _pipe_table(
        ["Activation", "f", "Derivative"],
        [[r.title, _table_math(r.latex), _table_math(r.derivative_latex)] for r in rows],
    )


def library_names_markdown(rows: list[AtlasRow] | None = None) -> str:
    """What PyTorch, JAX, Keras 3 and others call each activation.

    Parameters
    ----------
    rows : list of AtlasRow, optional
        :func:`atlas_rows`'s output; every registered activation if omitted.

    Returns
    -------
    str
        A pipe table; "—" where a library has no such function.
    """
    rows = checked_rows(rows)

    def cell(items: tuple[str, ...], code: bool = True) -> str:
        if not items:
            return "—"
        return ", ".join(f"`{item}`" if code else item for item in items)

    return _pipe_table(
        ["Activation", "PyTorch", "JAX", "Keras 3", "Elsewhere"],
        [
            [
                r.title,
                cell(r.names.pytorch),
                cell(r.names.jax),
                cell(r.names.keras),
                cell(r.names.elsewhere, code=False),
            ]
            for r in rows
        ],
    )
