"""The activation registry: one record per activation, the book's single source of truth.

Each :class:`Activation` holds the numpy function and derivative, the parameters with
their defaults and ranges, the SymPy definition that the book's LaTeX is generated from,
declared properties and bibliography keys. Chapters, tables, widgets and tests all read
these records; nothing about an activation is written down twice.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .._checks import real

__all__ = ["Activation", "Parameter", "get", "names", "register", "registry"]


@dataclass(frozen=True)
class Parameter:
    r"""A scalar parameter of an activation.

    Parameters
    ----------
    name : str
        Keyword name used by the numpy function, e.g. ``"alpha"``.
    default : float
        Value used when the caller gives none (PyTorch's default where PyTorch has one).
    low, high : float
        The interval the book explores (slider range, derivative checks).
    valid : tuple of float
        The closed-or-open interval of admissible values, ``(lower, upper)``.
    open_lower, open_upper : bool
        Whether the corresponding end of ``valid`` is excluded.
    symbol : str
        SymPy name of the symbol used in formulas (``"alpha"`` prints as
        its LaTeX form, \alpha, in formulas); the parameter's name if empty.
    description : str
        One line saying what the parameter does.
    """

    name: str
    default: float
    low: float
    high: float
    valid: tuple[float, float] = (-math.inf, math.inf)
    open_lower: bool = False
    open_upper: bool = False
    symbol: str = ""
    description: str = ""

    def check(self, value: Any) -> float:
        """Return ``value`` as a float, or raise ``ValueError`` naming the parameter.

        NaN, infinities, booleans and strings are refused: no activation's formula has a
        meaning for them (an infinite ``alpha`` of ELU gives ``-inf`` and NaN).

        Parameters
        ----------
        value : float
            The candidate value.

        Returns
        -------
        float
            The validated value.
        """
        lower, upper = self.valid
        return real(
            self.name,
            value,
            low=lower,
            high=upper,
            open_low=self.open_lower,
            open_high=self.open_upper,
        )

    def grid(self, count: int = 5) -> list[float]:
        """Evenly spaced values over ``[low, high]`` that always include the default.

        Parameters
        ----------
        count : int
            Number of values before the default is added.

        Returns
        -------
        list of float
            Sorted, rounded, distinct values.
        """
        values = {round(float(v), 6) for v in np.linspace(self.low, self.high, count)}
        values.add(round(float(self.default), 6))
        return sorted(values)


@dataclass(frozen=True)
class Activation:
    """One activation function and everything the book says about it.

    Parameters
    ----------
    name : str
        Registry key, snake_case (``"leaky_relu"``).
    title : str
        Human name (``"Leaky ReLU"``).
    function, derivative : callable
        ``f(x, **params) -> ndarray``. Numpy implementations; the derivative is with
        respect to ``x`` (for vector-valued activations, the Jacobian-vector product
        with a vector of ones along ``axis``, see the function's docstring).
    parameters : tuple of Parameter
        Scalar parameters, in the order the formula mentions them.
    sympy_expression : callable, optional
        ``sympy_expression(x, **symbols) -> sympy.Expr`` defining the activation
        symbolically. Elementwise activations have one; the LaTeX shown in the book is
        generated from it. For others it is optional and defines the plotted 1-D slice
        (``curve``); their LaTeX comes from the overrides.
    sympy_derivative : callable, optional
        A hand-simplified SymPy derivative. Tests prove it equals the derivative of
        ``sympy_expression`` away from kinks; it exists only to print a readable formula
        and to fix the convention at kinks.
    latex_override, derivative_latex_override : str, optional
        LaTeX for activations that are not elementwise (softmax), where SymPy gives none.
    summary : str
        One sentence for tables.
    references : tuple of str
        Keys into the book's ``references.bib``.
    properties : mapping
        Declared properties (range, monotonic, ...). Tests recompute them from the
        implementation and compare.
    elementwise : bool
        False for activations that mix entries (softmax, GLU, maxout).
    curve, curve_derivative : callable, optional
        For activations that are not elementwise: a scalar-to-scalar slice used to plot
        them, ``curve(x, **params)``, and its derivative. ``curve_label`` says which slice.
    curve_label : str
        How the plotted slice is defined, e.g. ``"first output of softmax([x, 0])"``.
    """

    name: str
    title: str
    function: Callable[..., np.ndarray]
    derivative: Callable[..., np.ndarray]
    parameters: tuple[Parameter, ...] = ()
    sympy_expression: Callable[..., Any] | None = None
    sympy_derivative: Callable[..., Any] | None = None
    latex_override: str | None = None
    derivative_latex_override: str | None = None
    summary: str = ""
    references: tuple[str, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=dict)
    elementwise: bool = True
    curve: Callable[..., np.ndarray] | None = None
    curve_derivative: Callable[..., np.ndarray] | None = None
    curve_label: str = ""

    # -- parameters ---------------------------------------------------------------
    @property
    def defaults(self) -> dict[str, float]:
        """Default value of every parameter, by name."""
        return {p.name: p.default for p in self.parameters}

    def resolve(self, params: Mapping[str, Any] | None = None) -> dict[str, float]:
        """Fill in defaults and validate ``params``.

        Raises
        ------
        ValueError
            If a name is unknown or a value lies outside its valid interval.
        """
        params = dict(params or {})
        by_name = {p.name: p for p in self.parameters}
        unknown = sorted(set(params) - set(by_name))
        if unknown:
            raise ValueError(
                f"{self.name} has no parameter {unknown[0]!r}; "
                f"its parameters are {sorted(by_name) or 'none'}"
            )
        return {
            name: p.check(params[name]) if name in params else p.default
            for name, p in by_name.items()
        }

    # -- evaluation -----------------------------------------------------------------
    def __call__(self, x: Any, *, out: np.ndarray | None = None, **params: Any) -> np.ndarray:
        """Evaluate the activation at ``x`` with validated parameters.

        ``out``, if given, is an array of ``x``'s shape and float dtype that receives the
        result and is returned (it may be ``x`` itself). Vector-valued activations
        refuse it with a ``ValueError``.
        """
        return _with_out(self.function, x, out, self.resolve(params))

    def grad(self, x: Any, *, out: np.ndarray | None = None, **params: Any) -> np.ndarray:
        """Evaluate the derivative at ``x`` with validated parameters (and ``out``)."""
        return _with_out(self.derivative, x, out, self.resolve(params))

    def plot_values(self, x: Any, **params: Any) -> tuple[np.ndarray, np.ndarray]:
        """The curve and its derivative that the book plots over ``x``.

        Elementwise activations plot ``f`` and ``f'``; others plot the slice named by
        ``curve_label``.
        """
        resolved = self.resolve(params)
        if self.elementwise:
            return self.function(x, **resolved), self.derivative(x, **resolved)
        if self.curve is None or self.curve_derivative is None:
            raise ValueError(f"{self.name} has no 1-D slice to plot")
        return self.curve(x, **resolved), self.curve_derivative(x, **resolved)

    # -- symbolic -------------------------------------------------------------------
    def symbols(self) -> tuple[Any, dict[str, Any]]:
        """The SymPy symbol ``x`` and one real symbol per parameter."""
        import sympy

        x = sympy.Symbol("x", real=True)
        params = {p.name: sympy.Symbol(p.symbol or p.name, real=True) for p in self.parameters}
        return x, params

    def expression(self, **values: float) -> Any:
        """The SymPy expression, symbolic in its parameters unless values are given."""
        if self.sympy_expression is None:
            raise ValueError(f"{self.name} has no symbolic definition")
        x, params = self.symbols()
        params.update({k: _sympy_number(v) for k, v in values.items()})
        return self.sympy_expression(x, **params)

    def derivative_expression(self, **values: float) -> Any:
        """The SymPy derivative: the hand-simplified one if given, else ``diff``."""
        if self.sympy_derivative is None:
            import sympy

            x, _ = self.symbols()
            return sympy.diff(self.expression(**values), x)
        x, params = self.symbols()
        params.update({k: _sympy_number(v) for k, v in values.items()})
        return self.sympy_derivative(x, **params)

    @cached_property
    def latex(self) -> str:
        """LaTeX of ``f(x)``, generated from the SymPy definition."""
        if self.latex_override is not None:
            return self.latex_override
        return _latex(self.expression())

    @cached_property
    def derivative_latex(self) -> str:
        """LaTeX of ``f'(x)``, generated from the SymPy derivative."""
        if self.derivative_latex_override is not None:
            return self.derivative_latex_override
        return _latex(self.derivative_expression())

    def formula_markdown(self) -> str:
        """A Markdown block with the function and its derivative, for a chapter.

        A formula too long for the book's column is broken after terms of its sum (see
        :func:`_display`); its terms are those of :attr:`latex` and
        :attr:`derivative_latex`, unchanged.
        """
        if not self.elementwise:
            return f"$$\n{self.latex}\n$$\n\n$$\n{self.derivative_latex}\n$$"
        value = _display("f(x)", self.latex, self.latex_override is None and self.expression)
        slope = _display(
            "f'(x)",
            self.derivative_latex,
            self.derivative_latex_override is None and self.derivative_expression,
        )
        return f"$$\n{value}\n$$\n\n$$\n{slope}\n$$"


def _with_out(
    function: Callable[..., np.ndarray], x: Any, out: np.ndarray | None, params: dict[str, float]
) -> np.ndarray:
    """``function(x, **params)``, passing ``out`` on only when it is given.

    ``out`` is not a parameter of the activation (``resolve`` would refuse it); the
    function checks it. A function without ``out`` (a vector-valued activation, or an
    entry registered from outside the book) refuses one by name.
    """
    if out is None:
        return function(x, **params)
    if not takes_out(function):
        raise ValueError(f"parameter 'out' is not supported by {function.__name__}")
    return function(x, out=out, **params)


@functools.cache
def takes_out(function: Callable[..., np.ndarray]) -> bool:
    """Whether ``function`` has numpy's ``out=`` keyword (every elementwise kernel does)."""
    return "out" in inspect.signature(function).parameters


def _sympy_number(value: float) -> Any:
    import sympy

    return sympy.nsimplify(value, rational=True)


def _latex(expr: Any) -> str:
    import sympy

    return sympy.latex(expr, fold_frac_powers=True)


#: LaTeX longer than this many characters is broken into lines for display. Every
#: generated formula of the book up to this length fits the 688-pixel column; the
#: tanh-GELU derivative (272 characters) rendered 831 pixels wide on one line.
_LINE_CHARACTERS = 200


def _display(lhs: str, latex: str, expression: Callable[[], Any] | bool) -> str:
    """``lhs = latex`` as display maths, broken after terms of a sum when too long.

    The lines are the terms of ``expression()`` as SymPy prints them in ``latex`` (same
    order, same signs), grouped greedily up to :data:`_LINE_CHARACTERS` and aligned in
    an ``aligned`` block, the later lines indented. ``expression`` is ``False`` for
    LaTeX written by hand (overrides), which is shown as it is.
    """
    if len(latex) <= _LINE_CHARACTERS or not expression:
        return f"{lhs} = {latex}"
    import sympy

    expr = expression()
    if not isinstance(expr, sympy.Add):
        return f"{lhs} = {latex}"
    pieces = []
    for i, term in enumerate(expr.as_ordered_terms()):
        if i == 0:
            pieces.append(_latex(term))
        elif term.could_extract_minus_sign():
            pieces.append("- " + _latex(-term))
        else:
            pieces.append("+ " + _latex(term))
    if " ".join(pieces) != latex:  # a form the printer writes otherwise: keep it whole
        return f"{lhs} = {latex}"
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + len(piece) > _LINE_CHARACTERS:
            lines.append(piece)
        else:
            lines[-1] += " " + piece
    body = " \\\\\n& \\quad ".join(lines)
    return f"\\begin{{aligned}}\n{lhs} = {{}} & {body}\n\\end{{aligned}}"


_REGISTRY: dict[str, Activation] = {}


def _key(name: str) -> str:
    """The registry key a name is looked up by: lower case, ``-`` and spaces as ``_``."""
    return name.strip().lower().replace("-", "_").replace(" ", "_")


def _check_entry(activation: Any) -> None:
    """Refuse an entry that :func:`get` could not find or the book could not serve."""
    if not isinstance(activation, Activation):
        raise ValueError(f"parameter 'activation' must be an Activation, got {activation!r}")
    name = activation.name
    if not isinstance(name, str) or not name or _key(name) != name:
        raise ValueError(
            f"an activation's name must be a non-empty lower-case snake_case string "
            f"(as get() looks it up), got {name!r}"
        )
    for role in ("function", "derivative"):
        if not callable(getattr(activation, role)):
            raise ValueError(f"activation {name!r}: {role!r} must be callable")
    if not all(isinstance(p, Parameter) for p in activation.parameters):
        raise ValueError(f"activation {name!r}: 'parameters' must hold Parameter objects")
    for parameter in activation.parameters:
        parameter.check(parameter.default)
        if not parameter.low <= parameter.default <= parameter.high:
            raise ValueError(
                f"activation {name!r}: the default of {parameter.name!r} lies outside its "
                f"explored range [{parameter.low}, {parameter.high}]"
            )
    if not activation.elementwise and activation.curve is None:
        raise ValueError(f"activation {name!r} is not elementwise and needs a 1-D 'curve'")


def register(activation: Activation) -> Activation:
    """Add ``activation`` to the registry after checking it; names must be unique.

    Raises
    ------
    ValueError
        If the entry is incomplete (name, callables, parameters) or its name is taken.
    """
    _check_entry(activation)
    if activation.name in _REGISTRY:
        raise ValueError(f"activation {activation.name!r} is already registered")
    _REGISTRY[activation.name] = activation
    return activation


def get(name: str | Activation) -> Activation:
    """Return the registered activation called ``name``.

    Raises
    ------
    ValueError
        If no activation has that name; the message suggests the closest names.
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise ValueError(
            f"an activation is named by a string or given as an Activation, got {name!r}"
        )
    key = _key(name)
    try:
        return _REGISTRY[key]
    except KeyError:
        close = difflib.get_close_matches(key, list(_REGISTRY), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"unknown activation {name!r}{hint}") from None


def names() -> list[str]:
    """Names of all registered activations, in registration order."""
    return list(_REGISTRY)


def registry() -> Iterator[Activation]:
    """Iterate over all registered activations, in registration order."""
    return iter(list(_REGISTRY.values()))
