"""The registered activations.

Each entry ties a numpy implementation (``_elementwise``, ``_vector``) to its SymPy
definition, parameters, declared properties and bibliography keys (``references.bib`` at
the book's root). Importing this module registers the entries; it changes nothing else.
"""

from __future__ import annotations

import math

import sympy

from . import _elementwise as ew
from . import _vector as vec
from ._registry import Activation, Parameter, register

__all__: list[str] = []

_POSITIVE = (0.0, math.inf)


def _cases(*pairs):
    """A SymPy ``Piecewise`` from ``(value, condition)`` pairs, the last one ``True``."""
    return sympy.Piecewise(*pairs)


register(
    Activation(
        name="identity",
        title="Identity (linear)",
        function=ew.identity,
        derivative=ew.identity_derivative,
        sympy_expression=lambda x: x,
        sympy_derivative=lambda x: sympy.Integer(1),
        summary="Leaves the pre-activation unchanged; used for regression outputs.",
        references=("widrow1960adaptive",),
        properties={"range": (-math.inf, math.inf), "monotonic": True, "zero_centred": True},
    )
)

register(
    Activation(
        name="step",
        title="Binary step (Heaviside)",
        function=ew.step,
        derivative=ew.step_derivative,
        sympy_expression=lambda x: _cases((1, x >= 0), (0, True)),
        sympy_derivative=lambda x: sympy.Integer(0),
        summary="Fires 1 when the input reaches 0: the perceptron's threshold unit.",
        references=("mcculloch1943logical", "rosenblatt1958perceptron"),
        properties={"range": (0.0, 1.0), "monotonic": True, "zero_centred": False},
    )
)

register(
    Activation(
        name="sigmoid",
        title="Logistic sigmoid",
        function=ew.sigmoid,
        derivative=ew.sigmoid_derivative,
        sympy_expression=lambda x: 1 / (1 + sympy.exp(-x)),
        sympy_derivative=lambda x: sympy.exp(-x) / (1 + sympy.exp(-x)) ** 2,
        summary="Squashes any input into (0, 1); the output of binary classifiers.",
        references=("rumelhart1986learning", "cybenko1989approximation"),
        properties={"range": (0.0, 1.0), "monotonic": True, "zero_centred": False},
    )
)

register(
    Activation(
        name="tanh",
        title="Hyperbolic tangent",
        function=ew.tanh,
        derivative=ew.tanh_derivative,
        sympy_expression=lambda x: sympy.tanh(x),
        sympy_derivative=lambda x: 1 - sympy.tanh(x) ** 2,
        summary="A zero-centred sigmoid with range (-1, 1): tanh(x) = 2 sigmoid(2x) - 1.",
        references=("lecun1998efficient",),
        properties={"range": (-1.0, 1.0), "monotonic": True, "zero_centred": True},
    )
)

register(
    Activation(
        name="relu",
        title="Rectified linear unit (ReLU)",
        function=ew.relu,
        derivative=ew.relu_derivative,
        sympy_expression=lambda x: sympy.Max(0, x),
        sympy_derivative=lambda x: _cases((1, x > 0), (0, True)),
        summary="max(0, x): cheap, sparse and non-saturating for positive inputs.",
        references=("nair2010rectified", "glorot2011deep"),
        properties={"range": (0.0, math.inf), "monotonic": True, "zero_centred": False},
    )
)

register(
    Activation(
        name="leaky_relu",
        title="Leaky ReLU",
        function=ew.leaky_relu,
        derivative=ew.leaky_relu_derivative,
        parameters=(
            Parameter(
                name="negative_slope",
                default=0.01,
                low=0.0,
                high=0.3,
                valid=_POSITIVE,
                symbol="alpha",
                description="slope for negative inputs (PyTorch 0.01; Keras 0.2 or 0.3)",
            ),
        ),
        sympy_expression=lambda x, negative_slope: _cases((x, x >= 0), (negative_slope * x, True)),
        sympy_derivative=lambda x, negative_slope: _cases((1, x > 0), (negative_slope, True)),
        summary="ReLU with a small slope for negative inputs, so no unit is ever dead.",
        references=("maas2013rectifier",),
        properties={"range": (-math.inf, math.inf), "monotonic": True, "zero_centred": False},
    )
)

register(
    Activation(
        name="softmax",
        title="Softmax",
        function=vec.softmax,
        derivative=vec.softmax_diagonal,
        parameters=(
            Parameter(
                name="temperature",
                default=1.0,
                low=0.25,
                high=4.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="T",
                description="divides the scores: high T flattens, low T sharpens",
            ),
        ),
        latex_override=(
            r"\operatorname{softmax}(\mathbf{x})_i = "
            r"\frac{e^{x_i / T}}{\sum_{j=1}^{n} e^{x_j / T}}"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \operatorname{softmax}(\mathbf{x})_i}{\partial x_j} = "
            r"\frac{1}{T}\, s_i \left(\delta_{ij} - s_j\right)"
        ),
        summary="Turns a vector of scores into probabilities; the multi-class output.",
        references=("bridle1990probabilistic",),
        properties={"range": (0.0, 1.0), "monotonic": True, "zero_centred": False},
        elementwise=False,
        curve=vec.softmax_slice,
        curve_derivative=vec.softmax_slice_derivative,
        curve_label="first output of softmax([x, 0]), which is sigmoid(x / T)",
    )
)
