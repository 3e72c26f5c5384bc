"""Activation maths: the registry of activations, their kernels and computed properties.

numpy, SciPy and SymPy only: nothing here draws or trains. Importing this subpackage
registers every activation of :mod:`._catalog`.
"""

from . import _catalog  # noqa: F401  (registers the activations)
from ._atlas import (
    AtlasRow,
    atlas_formulas_markdown,
    atlas_rows,
    home_chapter,
    library_names_markdown,
)
from ._conventions import conventions_markdown, conventions_table
from ._distances import Gap, max_gap
from ._elementwise import SELU_ALPHA, SELU_SCALE, as_float_array
from ._gradcheck import numerical_jacobian
from ._library_names import LibraryNames, library_names
from ._properties import (
    Extremum,
    computed_properties,
    curve_minimum,
    properties_markdown,
    properties_table,
    saturation_onset,
)
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
    "AtlasRow",
    "Extremum",
    "Gap",
    "IntegerActivation",
    "LibraryNames",
    "Parameter",
    "as_float_array",
    "atlas_formulas_markdown",
    "atlas_rows",
    "computed_properties",
    "conventions_markdown",
    "conventions_table",
    "curve_minimum",
    "get",
    "home_chapter",
    "integer_hard_sigmoid",
    "library_names",
    "library_names_markdown",
    "log_softmax",
    "lookup_activation",
    "max_gap",
    "names",
    "numerical_jacobian",
    "properties_markdown",
    "properties_table",
    "register",
    "registry",
    "saturation_onset",
    "sigmoid_quantisers",
    "softmax",
    "softmax_jacobian",
]
