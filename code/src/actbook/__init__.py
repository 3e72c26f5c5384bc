"""actbook: the shared code of the interactive textbook on activation functions.

The public surface is what this module re-exports; the underscore modules are private.
Importing the package registers the activations and changes nothing global (no
matplotlib settings, no numpy error state).

Examples
--------
>>> import actbook as ab
>>> float(ab.get("sigmoid")(0.0))
0.5
"""

from . import _catalog  # noqa: F401  (registers the activations)
from ._elementwise import as_float_array
from ._plot import (
    Picture,
    activation_alt_text,
    activation_figure,
    new_figure,
    plot_activation,
    png_bytes,
    show,
)
from ._registry import Activation, Parameter, get, names, register, registry
from ._style import COLORS, RC_PARAMS, style
from ._vector import softmax_jacobian
from ._widgets import Control, activation_explorer, explorer

__all__ = [
    "COLORS",
    "RC_PARAMS",
    "Activation",
    "Control",
    "Parameter",
    "Picture",
    "activation_alt_text",
    "activation_explorer",
    "activation_figure",
    "as_float_array",
    "explorer",
    "get",
    "names",
    "new_figure",
    "plot_activation",
    "png_bytes",
    "register",
    "registry",
    "show",
    "softmax_jacobian",
    "style",
]

__version__ = "0.1.0"
