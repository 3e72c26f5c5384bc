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
from ._plot import (
    Picture,
    activation_alt_text,
    activation_figure,
    new_figure,
    plot_activation,
    png_bytes,
    show,
)
from ._sparsity import (
    denoising_explorer,
    plot_denoising,
    plot_zero_fractions,
    zero_fraction_alt_text,
    zero_fraction_explorer,
    zero_fraction_markdown,
)
from ._style import COLORS, RC_PARAMS, style
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
    "benchmark_markdown",
    "boundary_explorer",
    "dead_unit_explorer",
    "denoising_explorer",
    "explorer",
    "formula",
    "gradient_flow_explorer",
    "hand_fit_explorer",
    "markdown_table",
    "new_figure",
    "overlay_alt_text",
    "overlay_explorer",
    "plot_activation",
    "plot_band",
    "plot_benchmark",
    "plot_curves",
    "plot_decision_regions",
    "plot_denoising",
    "plot_loss_curves",
    "plot_overlay",
    "plot_probabilities",
    "plot_zero_fractions",
    "png_bytes",
    "probabilities_alt_text",
    "read_benchmark",
    "series_colors",
    "show",
    "split_axes",
    "style",
    "zero_fraction_alt_text",
    "zero_fraction_explorer",
    "zero_fraction_markdown",
]
