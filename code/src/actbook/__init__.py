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
from ._benchmark_table import BenchmarkTable, benchmark_markdown, plot_benchmark, read_benchmark
from ._charts import (
    activation_grid,
    overlay_alt_text,
    overlay_explorer,
    plot_overlay,
    plot_probabilities,
    probabilities_alt_text,
)
from ._conventions import conventions_markdown, conventions_table
from ._datasets import (
    DATASETS,
    Dataset,
    circles,
    decision_grid,
    digits,
    make_dataset,
    moons,
    spiral,
    train_test_split,
    xor,
)
from ._display import Markdown, formula, markdown_table
from ._elementwise import as_float_array
from ._gradcheck import numerical_jacobian
from ._gradient_flow import GRADIENT_FLOW_INITS, GradientFlow, gradient_flow, gradient_flow_explorer
from ._labs import (
    DeadUnitRun,
    TrainingRun,
    born_dead_fraction,
    boundary_explorer,
    dead_unit_explorer,
    dead_unit_run,
    epochs_to_reach,
    hidden_pre_activations,
    max_pre_activation_trace,
    plot_band,
    plot_curves,
    plot_decision_regions,
    seed_sweep,
    series_colors,
    split_axes,
    train_per_activation,
)
from ._mlp import MLP, SGD, Adam, Gradients, History, initial_weights
from ._perceptron import LinearUnitTrace, adaline, perceptron, separable_points
from ._plot import (
    Picture,
    activation_alt_text,
    activation_figure,
    new_figure,
    plot_activation,
    png_bytes,
    show,
)
from ._properties import computed_properties, properties_markdown, properties_table
from ._registry import Activation, Parameter, get, names, register, registry
from ._regression import (
    HandFit,
    diabetes_feature,
    fit_by_hand,
    hand_fit_explorer,
    hand_gradient,
    hand_loss,
    hand_predict,
    plot_loss_curves,
)
from ._style import COLORS, RC_PARAMS, style
from ._vector import softmax_jacobian
from ._widgets import Control, Explorer, activation_explorer, explorer

__all__ = [
    "COLORS",
    "DATASETS",
    "GRADIENT_FLOW_INITS",
    "MLP",
    "RC_PARAMS",
    "SGD",
    "Activation",
    "Adam",
    "BenchmarkTable",
    "Control",
    "Dataset",
    "DeadUnitRun",
    "Explorer",
    "GradientFlow",
    "Gradients",
    "HandFit",
    "History",
    "LinearUnitTrace",
    "Markdown",
    "Parameter",
    "Picture",
    "TrainingRun",
    "activation_alt_text",
    "activation_explorer",
    "activation_figure",
    "activation_grid",
    "adaline",
    "as_float_array",
    "benchmark_markdown",
    "born_dead_fraction",
    "boundary_explorer",
    "circles",
    "computed_properties",
    "conventions_markdown",
    "conventions_table",
    "dead_unit_explorer",
    "dead_unit_run",
    "decision_grid",
    "diabetes_feature",
    "digits",
    "epochs_to_reach",
    "explorer",
    "fit_by_hand",
    "formula",
    "get",
    "gradient_flow",
    "gradient_flow_explorer",
    "hand_fit_explorer",
    "hand_gradient",
    "hand_loss",
    "hand_predict",
    "hidden_pre_activations",
    "initial_weights",
    "make_dataset",
    "markdown_table",
    "max_pre_activation_trace",
    "moons",
    "names",
    "new_figure",
    "numerical_jacobian",
    "overlay_alt_text",
    "overlay_explorer",
    "perceptron",
    "plot_activation",
    "plot_band",
    "plot_benchmark",
    "plot_curves",
    "plot_decision_regions",
    "plot_loss_curves",
    "plot_overlay",
    "plot_probabilities",
    "png_bytes",
    "probabilities_alt_text",
    "properties_markdown",
    "properties_table",
    "read_benchmark",
    "register",
    "registry",
    "seed_sweep",
    "separable_points",
    "series_colors",
    "show",
    "softmax_jacobian",
    "spiral",
    "split_axes",
    "style",
    "train_per_activation",
    "train_test_split",
    "xor",
]

__version__ = "0.1.0"
