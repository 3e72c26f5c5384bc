"""Activation maths: the registry of activations, their kernels and computed properties.

numpy, SciPy and SymPy only: nothing here draws or trains. Importing this subpackage
registers every activation of :mod:`._catalog`.
"""

from . import _catalog  # noqa: F401  (registers the activations)
from ._conventions import conventions_markdown, conventions_table
from ._elementwise import SELU_ALPHA, SELU_SCALE, as_float_array
from ._gradcheck import numerical_jacobian
from ._properties import computed_properties, properties_markdown, properties_table
from ._registry import Activation, Parameter, get, names, register, registry
from ._vector import log_softmax, softmax, softmax_jacobian

__all__ = [
    "SELU_ALPHA",
    "SELU_SCALE",
    "Activation",
    "Parameter",
    "as_float_array",
    "computed_properties",
    "conventions_markdown",
    "conventions_table",
    "get",
    "log_softmax",
    "names",
    "numerical_jacobian",
    "properties_markdown",
    "properties_table",
    "register",
    "registry",
    "softmax",
    "softmax_jacobian",
]
