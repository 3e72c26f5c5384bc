"""Training: networks, optimisers, data sets and the experiments of Part III.

Numbers only: nothing here imports matplotlib or ipywidgets (a test checks); the
pictures of these results are in :mod:`actbook.figures`. Arguments are checked by the
shared validators of :mod:`._checks`.
"""

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
from ._experiments import (
    DeadUnitRun,
    SeedSpread,
    TrainingRun,
    UnitDeaths,
    born_dead_fraction,
    dead_unit_run,
    epochs_to_reach,
    hidden_pre_activations,
    max_pre_activation_trace,
    seed_spread,
    seed_sweep,
    train_per_activation,
    unit_deaths,
)
from ._gradient_flow import GRADIENT_FLOW_INITS, GradientFlow, gradient_flow
from ._hand_fit import (
    HandFit,
    diabetes_feature,
    fit_by_hand,
    hand_gradient,
    hand_loss,
    hand_predict,
    least_squares_loss,
    xy_data,
)
from ._maxout import MaxoutFit, fit_maxout, maxout_fits
from ._mlp import MLP, SGD, Adam, Gradients, History, initial_weights
from ._perceptron import LinearUnitTrace, adaline, perceptron, separable_points
from ._spectral import (
    SpectralFit,
    frequency_errors,
    periodic_signal,
    siren_mlp,
    spectral_bias,
)

__all__ = [
    "DATASETS",
    "GRADIENT_FLOW_INITS",
    "MLP",
    "SGD",
    "Adam",
    "Dataset",
    "DeadUnitRun",
    "GradientFlow",
    "Gradients",
    "HandFit",
    "History",
    "LinearUnitTrace",
    "MaxoutFit",
    "SeedSpread",
    "SpectralFit",
    "TrainingRun",
    "UnitDeaths",
    "adaline",
    "born_dead_fraction",
    "circles",
    "dead_unit_run",
    "decision_grid",
    "diabetes_feature",
    "digits",
    "epochs_to_reach",
    "fit_by_hand",
    "fit_maxout",
    "frequency_errors",
    "gradient_flow",
    "hand_gradient",
    "hand_loss",
    "hand_predict",
    "hidden_pre_activations",
    "initial_weights",
    "least_squares_loss",
    "make_dataset",
    "max_pre_activation_trace",
    "maxout_fits",
    "moons",
    "perceptron",
    "periodic_signal",
    "seed_spread",
    "seed_sweep",
    "separable_points",
    "siren_mlp",
    "spectral_bias",
    "spiral",
    "train_per_activation",
    "train_test_split",
    "unit_deaths",
    "xor",
    "xy_data",
]
