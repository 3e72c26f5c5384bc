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
    TrainingRun,
    born_dead_fraction,
    dead_unit_run,
    epochs_to_reach,
    hidden_pre_activations,
    max_pre_activation_trace,
    seed_sweep,
    train_per_activation,
)
from ._gradient_flow import GRADIENT_FLOW_INITS, GradientFlow, gradient_flow
from ._hand_fit import (
    HandFit,
    diabetes_feature,
    fit_by_hand,
    hand_gradient,
    hand_loss,
    hand_predict,
    xy_data,
)
from ._mlp import MLP, SGD, Adam, Gradients, History, initial_weights
from ._perceptron import LinearUnitTrace, adaline, perceptron, separable_points
from ._sparsity import SparsitySweep, hidden_activations, sparsity_sweep, zero_fraction

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
    "SparsitySweep",
    "TrainingRun",
    "adaline",
    "born_dead_fraction",
    "circles",
    "dead_unit_run",
    "decision_grid",
    "diabetes_feature",
    "digits",
    "epochs_to_reach",
    "fit_by_hand",
    "gradient_flow",
    "hand_gradient",
    "hand_loss",
    "hand_predict",
    "hidden_activations",
    "hidden_pre_activations",
    "initial_weights",
    "make_dataset",
    "max_pre_activation_trace",
    "moons",
    "perceptron",
    "seed_sweep",
    "separable_points",
    "sparsity_sweep",
    "spiral",
    "train_per_activation",
    "train_test_split",
    "xor",
    "xy_data",
    "zero_fraction",
]
