"""Figures: everything that draws, from one style entry point (:func:`style`).

Plots, charts, explorers (ipywidgets), the chapters' rich-text display helpers, and the
drawing halves of the training experiments; each ``_name`` module here draws what
``actbook.training._name`` computes.
"""

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
    overlay_explorer,
    plot_overlay,
    plot_probabilities,
    probabilities_alt_text,
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
from ._gradient_flow import gradient_flow_explorer
from ._hand_fit import hand_fit_explorer, loss_curves_figure, plot_loss_curves
from ._maxout import maxout_alt_text, maxout_explorer, plot_maxout_fit
from ._plot import (
    Picture,
    activation_alt_text,
    activation_figure,
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
from ._spectral import (
    plot_spectral_bars,
    plot_spectral_errors,
    plot_spectral_fit,
    spectral_errors_figure,
    spectral_explorer,
    spectral_markdown,
)
from ._style import COLORS, RC_PARAMS, style
from ._unit_map import plot_unit_map, unit_map_alt_text, unit_map_explorer
from ._widgets import Control, Explorer, activation_explorer, explorer

__all__ = [
    "COLORS",
    "RC_PARAMS",
    "BenchmarkTable",
    "Control",
    "Explorer",
    "Markdown",
    "Picture",
    "activation_alt_text",
    "activation_explorer",
    "activation_figure",
    "activation_grid",
    "benchmark_context_markdown",
    "benchmark_figure",
    "benchmark_markdown",
    "born_dead_figure",
    "boundary_explorer",
    "dead_unit_explorer",
    "dead_unit_markdown",
    "explorer",
    "formula",
    "gap_alt_text",
    "gap_explorer",
    "gradient_flow_explorer",
    "hand_fit_explorer",
    "learning_curves_figure",
    "loss_curves_figure",
    "markdown_table",
    "max_pre_activations_figure",
    "maxout_alt_text",
    "maxout_explorer",
    "new_figure",
    "overlay_alt_text",
    "overlay_explorer",
    "plot_activation",
    "plot_band",
    "plot_benchmark",
    "plot_born_dead",
    "plot_curves",
    "plot_decision_regions",
    "plot_gap",
    "plot_learning_curves",
    "plot_loss_curves",
    "plot_max_pre_activations",
    "plot_maxout_fit",
    "plot_overlay",
    "plot_probabilities",
    "plot_quantisation_error",
    "plot_quantised",
    "plot_seed_bands",
    "plot_spectral_bars",
    "plot_spectral_errors",
    "plot_spectral_fit",
    "plot_unit_map",
    "png_bytes",
    "probabilities_alt_text",
    "quantisation_explorer",
    "quantised_alt_text",
    "read_benchmark",
    "seed_bands_figure",
    "seed_sweep_markdown",
    "series_colors",
    "show",
    "slower_than_torch_markdown",
    "spectral_errors_figure",
    "spectral_explorer",
    "spectral_markdown",
    "split_axes",
    "style",
    "training_runs_markdown",
    "unit_map_alt_text",
    "unit_map_explorer",
]
