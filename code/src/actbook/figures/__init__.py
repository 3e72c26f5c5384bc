"""Figures: everything that draws, from one style entry point (:func:`style`).

Plots, charts, explorers (ipywidgets), the chapters' rich-text display helpers, and the
drawing halves of the training experiments; each ``_name`` module here draws what
``actbook.training._name`` computes.
"""

from ._benchmark_table import BenchmarkTable, benchmark_markdown, plot_benchmark, read_benchmark
from ._charts import (
    activation_grid,
    overlay_alt_text,
    overlay_explorer,
    plot_overlay,
    plot_probabilities,
    probabilities_alt_text,
)
from ._curves import (
    Curve,
    activation_curves_alt_text,
    activation_curves_figure,
    plot_activation_curves,
)
from ._display import Markdown, formula, markdown_table
from ._experiments import (
    boundary_explorer,
    dead_unit_explorer,
    plot_band,
    plot_curves,
    plot_decision_regions,
    series_colors,
    split_axes,
)
from ._gradient_flow import gradient_flow_explorer
from ._hand_fit import hand_fit_explorer, plot_loss_curves
from ._losses import plot_training_losses, training_loss_figure
from ._mlp import decision_regions_figure, regression_fit_figure
from ._neuron import neuron_explorer, two_input_neuron_figure
from ._perceptron import (
    linear_unit_figure,
    loss_along_weight_figure,
    perceptron_explorer,
    plot_linear_unit,
)
from ._plot import (
    Picture,
    activation_alt_text,
    activation_figure,
    new_figure,
    plot_activation,
    png_bytes,
    show,
)
from ._softmax import softmax_vs_sigmoids_figure, temperature_explorer
from ._style import COLORS, RC_PARAMS, style
from ._tables import seed_results_table, slope_table
from ._widgets import Control, Explorer, activation_explorer, explorer

__all__ = [
    "COLORS",
    "RC_PARAMS",
    "BenchmarkTable",
    "Control",
    "Curve",
    "Explorer",
    "Markdown",
    "Picture",
    "activation_alt_text",
    "activation_curves_alt_text",
    "activation_curves_figure",
    "activation_explorer",
    "activation_figure",
    "activation_grid",
    "benchmark_markdown",
    "boundary_explorer",
    "dead_unit_explorer",
    "decision_regions_figure",
    "explorer",
    "formula",
    "gradient_flow_explorer",
    "hand_fit_explorer",
    "linear_unit_figure",
    "loss_along_weight_figure",
    "markdown_table",
    "neuron_explorer",
    "new_figure",
    "overlay_alt_text",
    "overlay_explorer",
    "perceptron_explorer",
    "plot_activation",
    "plot_activation_curves",
    "plot_band",
    "plot_benchmark",
    "plot_curves",
    "plot_decision_regions",
    "plot_linear_unit",
    "plot_loss_curves",
    "plot_overlay",
    "plot_probabilities",
    "plot_training_losses",
    "png_bytes",
    "probabilities_alt_text",
    "read_benchmark",
    "regression_fit_figure",
    "seed_results_table",
    "series_colors",
    "show",
    "slope_table",
    "softmax_vs_sigmoids_figure",
    "split_axes",
    "style",
    "temperature_explorer",
    "training_loss_figure",
    "two_input_neuron_figure",
]
