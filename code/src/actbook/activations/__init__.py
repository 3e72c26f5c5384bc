"""Activation maths: the registry of activations, their kernels and computed properties.

numpy, SciPy and SymPy only: nothing here draws or trains. Importing this subpackage
registers every activation of :mod:`._catalog`.
"""

from . import _catalog  # noqa: F401  (registers the activations)
from ._analysis import ApproximationError, Extremum, approximation_error, curve_minimum
from ._conventions import conventions_markdown, conventions_table
from ._distances import Gap, max_gap
from ._elementwise import SELU_ALPHA, SELU_SCALE, as_float_array
from ._gradcheck import numerical_jacobian
from ._properties import computed_properties, properties_markdown, properties_table
from ._quantisation import (
    AffineQuantiser,
    IntegerActivation,
    integer_hard_sigmoid,
    lookup_activation,
    sigmoid_quantisers,
)
from ._registry import Activation, Parameter, get, names, register, registry
from ._vector import GATED_UNITS, log_softmax, softmax, softmax_jacobian

__all__ = [
    "GATED_UNITS",
    "SELU_ALPHA",
    "SELU_SCALE",
    "Activation",
    "AffineQuantiser",
    "ApproximationError",
    "Extremum",
    "Gap",
    "IntegerActivation",
    "Parameter",
    "approximation_error",
    "as_float_array",
    "computed_properties",
    "conventions_markdown",
    "conventions_table",
    "curve_minimum",
    "get",
    "integer_hard_sigmoid",
    "log_softmax",
    "lookup_activation",
    "max_gap",
    "names",
    "numerical_jacobian",
    "properties_markdown",
    "properties_table",
    "register",
    "registry",
    "sigmoid_quantisers",
    "softmax",
    "softmax_jacobian",
]
