"""Figures: everything that draws, from one style entry point (:func:`style`).

Plots, charts, explorers (ipywidgets), the chapters' rich-text display helpers, and the
drawing halves of the training experiments; each ``_name`` module here draws what
``actbook.training._name`` computes. ``_approximations`` and ``_gates`` draw numbers from
``actbook.activations`` (approximation errors, minima).
"""

from ._approximations import approximation_alt_text, approximation_figure, plot_approximations
from ._atlas import atlas_markdown, atlas_thumbnail
from ._benchmark_table import (
    BenchmarkTable,
    benchmark_context_markdown,
    benchmark_figure,
    benchmark_markdown,
    plot_benchmark,
    read_benchmark,
    slower_than_torch_markdown,
)
from ._charts import (
    activation_grid,
    overlay_alt_text,
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
from ._distances import gap_alt_text, gap_explorer, plot_gap
from ._experiments import (
    born_dead_figure,
    boundary_explorer,
    dead_unit_explorer,
    dead_unit_markdown,
    learning_curves_figure,
    max_pre_activations_figure,
    plot_band,
    plot_born_dead,
    plot_curves,
    plot_decision_regions,
    plot_learning_curves,
    plot_max_pre_activations,
    plot_seed_bands,
    seed_bands_figure,
    seed_sweep_markdown,
    series_colors,
    split_axes,
    training_runs_markdown,
)
from ._gated import (
    gated_comparison_alt_text,
    gated_unit_alt_text,
    gated_unit_explorer,
    plot_gated_pairs,
    plot_gated_unit,
    unit_name,
)
from ._gates import (
    gelu_gate_alt_text,
    gelu_gate_explorer,
    plot_gelu_gate,
    plot_silu_beta,
    silu_beta_alt_text,
    silu_beta_explorer,
)
from ._gradient_flow import gradient_flow_explorer
from ._hand_fit import hand_fit_explorer, loss_curves_figure, plot_loss_curves
from ._losses import plot_training_losses, training_loss_figure
from ._maxout import maxout_alt_text, maxout_explorer, plot_maxout_fit
from ._mlp import decision_regions_figure, regression_fit_figure
from ._neuron import neuron_explorer, two_input_neuron_figure
from ._overlay import OVERLAY_STYLES, overlay_explorer
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
    broken_at_jumps,
    new_figure,
    plot_activation,
    png_bytes,
    show,
)
from ._quantisation import (
    plot_quantisation_error,
    plot_quantised,
    quantisation_explorer,
    quantised_alt_text,
)
from ._self_normalising import (
    layer_statistics_alt_text,
    layer_statistics_explorer,
    layer_statistics_figure,
    moment_field_alt_text,
    moment_field_explorer,
    plot_layer_statistics,
    plot_moment_field,
)
from ._softmax import softmax_vs_sigmoids_figure, temperature_explorer
from ._sparsity import (
    denoising_explorer,
    plot_denoising,
    plot_zero_fractions,
    zero_fraction_alt_text,
    zero_fraction_explorer,
    zero_fraction_markdown,
)
from ._spectral import (
    plot_spectral_bars,
    plot_spectral_errors,
    plot_spectral_fit,
    spectral_errors_figure,
    spectral_explorer,
    spectral_markdown,
)
from ._style import COLORS, RC_PARAMS, style
from ._tables import seed_results_table, slope_table
from ._unit_map import plot_unit_map, unit_map_alt_text, unit_map_explorer
from ._widgets import Control, Explorer, activation_explorer, explorer

__all__ = [
    "COLORS",
    "OVERLAY_STYLES",
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
    "approximation_alt_text",
    "approximation_figure",
    "atlas_markdown",
    "atlas_thumbnail",
    "benchmark_context_markdown",
    "benchmark_figure",
    "benchmark_markdown",
    "born_dead_figure",
    "boundary_explorer",
    "broken_at_jumps",
    "dead_unit_explorer",
    "dead_unit_markdown",
    "decision_regions_figure",
    "denoising_explorer",
    "explorer",
    "formula",
    "gap_alt_text",
    "gap_explorer",
    "gated_comparison_alt_text",
    "gated_unit_alt_text",
    "gated_unit_explorer",
    "gelu_gate_alt_text",
    "gelu_gate_explorer",
    "gradient_flow_explorer",
    "hand_fit_explorer",
    "layer_statistics_alt_text",
    "layer_statistics_explorer",
    "layer_statistics_figure",
    "learning_curves_figure",
    "linear_unit_figure",
    "loss_along_weight_figure",
    "loss_curves_figure",
    "markdown_table",
    "max_pre_activations_figure",
    "maxout_alt_text",
    "maxout_explorer",
    "moment_field_alt_text",
    "moment_field_explorer",
    "neuron_explorer",
    "new_figure",
    "overlay_alt_text",
    "overlay_explorer",
    "perceptron_explorer",
    "plot_activation",
    "plot_activation_curves",
    "plot_approximations",
    "plot_band",
    "plot_benchmark",
    "plot_born_dead",
    "plot_curves",
    "plot_decision_regions",
    "plot_denoising",
    "plot_gap",
    "plot_gated_pairs",
    "plot_gated_unit",
    "plot_gelu_gate",
    "plot_layer_statistics",
    "plot_learning_curves",
    "plot_linear_unit",
    "plot_loss_curves",
    "plot_max_pre_activations",
    "plot_maxout_fit",
    "plot_moment_field",
    "plot_overlay",
    "plot_probabilities",
    "plot_quantisation_error",
    "plot_quantised",
    "plot_seed_bands",
    "plot_silu_beta",
    "plot_spectral_bars",
    "plot_spectral_errors",
    "plot_spectral_fit",
    "plot_training_losses",
    "plot_unit_map",
    "plot_zero_fractions",
    "png_bytes",
    "probabilities_alt_text",
    "quantisation_explorer",
    "quantised_alt_text",
    "read_benchmark",
    "regression_fit_figure",
    "seed_bands_figure",
    "seed_results_table",
    "seed_sweep_markdown",
    "series_colors",
    "show",
    "silu_beta_alt_text",
    "silu_beta_explorer",
    "slope_table",
    "slower_than_torch_markdown",
    "softmax_vs_sigmoids_figure",
    "spectral_errors_figure",
    "spectral_explorer",
    "spectral_markdown",
    "split_axes",
    "style",
    "temperature_explorer",
    "training_loss_figure",
    "training_runs_markdown",
    "two_input_neuron_figure",
    "unit_map_alt_text",
    "unit_map_explorer",
    "unit_name",
    "zero_fraction_alt_text",
    "zero_fraction_explorer",
    "zero_fraction_markdown",
]
