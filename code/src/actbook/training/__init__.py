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
from ._gated import GatedComparison, GatedVariant, gated_comparison, gated_label, matched_width
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
from ._mlp import MLP, SGD, Adam, Gradients, History, initial_weights, parameter_count
from ._paired import sign_flip_test
from ._perceptron import LinearUnitTrace, adaline, perceptron, separable_points

__all__ = [
    "DATASETS",
    "GRADIENT_FLOW_INITS",
    "MLP",
    "SGD",
    "Adam",
    "Dataset",
    "DeadUnitRun",
    "GatedComparison",
    "GatedVariant",
    "GradientFlow",
    "Gradients",
    "HandFit",
    "History",
    "LinearUnitTrace",
    "SeedSpread",
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
    "gated_comparison",
    "gated_label",
    "gradient_flow",
    "hand_gradient",
    "hand_loss",
    "hand_predict",
    "hidden_pre_activations",
    "initial_weights",
    "least_squares_loss",
    "make_dataset",
    "matched_width",
    "max_pre_activation_trace",
    "moons",
    "parameter_count",
    "perceptron",
    "seed_spread",
    "seed_sweep",
    "separable_points",
    "sign_flip_test",
    "spiral",
    "train_per_activation",
    "train_test_split",
    "unit_deaths",
    "xor",
    "xy_data",
]
