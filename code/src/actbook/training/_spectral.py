r"""Spectral bias: which frequencies of a signal a network learns first.

A small MLP is fitted, by full-batch gradient descent, to a 1-D signal made of a few
sines of different frequencies, sampled on a periodic grid of ``[-1, 1)``. Along the way
the residual (signal minus fit) is taken apart by a discrete Fourier transform, so that
the error can be read frequency by frequency. ReLU networks fit the low frequencies
first and the high ones much later, the *spectral bias* of Rahaman et al. (2019); a
network of sines with the initialisation of Sitzmann et al. (2020), a SIREN, fits all of
them at about the same pace.

With the grid :math:`x_i = -1 + 2i/n` and the DFT :math:`\hat r_k = \sum_i r_i
e^{-2\pi \mathrm{i} k i / n}`, a component :math:`\sin(\pi k x + \varphi)` of the signal
lives in bin :math:`k` alone (it makes :math:`k` whole periods over the grid). The error
at frequency :math:`k` is

.. math::

    e_k = \frac{\lvert \widehat{(y - \hat y)}_k \rvert}{\lvert \hat y_k \rvert},

1 where the network has learnt nothing of that component and 0 where it has learnt it
exactly. The fitted function itself need not be periodic; its leakage into other bins
is part of the error it makes there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import finite_array, integer, name_sequence, positive, seed_sequence
from ._experiments import one_blas_thread
from ._mlp import MLP, Adam

__all__ = [
    "SpectralFit",
    "frequency_errors",
    "periodic_signal",
    "siren_mlp",
    "spectral_bias",
]


def periodic_signal(
    frequencies: Sequence[int] = (1, 3, 6, 10),
    *,
    samples: int = 128,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""A sum of unit sines :math:`\sum_k \sin(\pi k x + \varphi_k)` on a grid of ``[-1, 1)``.

    Parameters
    ----------
    frequencies : sequence of int
        Distinct frequencies :math:`k`, in whole periods over the interval of length 2;
        each at least 1 and below ``samples / 2`` (the Nyquist limit of the grid).
    samples : int
        Number of grid points :math:`x_i = -1 + 2i/n`, at least 8.
    seed : int
        Seeds the phases :math:`\varphi_k`, drawn uniformly from :math:`[0, 2\pi)`.

    Returns
    -------
    x, y : ndarray, shape (samples,)
        The grid and the signal on it.
    """
    samples = integer("samples", samples, 8)
    frequencies = _frequencies(frequencies, samples)
    phases = np.random.default_rng(seed_sequence(seed)).uniform(0.0, 2 * math.pi, len(frequencies))
    x = -1.0 + 2.0 * np.arange(samples) / samples
    y = np.sin(np.pi * np.outer(x, frequencies) + phases).sum(axis=1)
    return x, y


def _frequencies(frequencies: Any, samples: int) -> np.ndarray:
    items = name_sequence("frequencies", frequencies, what="frequencies")
    checked = [integer(f"frequencies[{i}]", k, 1, (samples - 1) // 2) for i, k in enumerate(items)]
    if len(set(checked)) != len(checked):
        raise ValueError(f"parameter 'frequencies' must be distinct, got {checked}")
    return np.array(checked, dtype=np.intp)


def frequency_errors(target: Any, prediction: Any, frequencies: Sequence[int]) -> np.ndarray:
    """The relative error of ``prediction`` at each of ``frequencies`` (module docstring).

    Parameters
    ----------
    target, prediction : array_like, shape (n,) or (m, n)
        The signal on a periodic grid, and one fit (or ``m`` fits, one per row).
    frequencies : sequence of int
        DFT bins to read, each in ``[1, (n - 1) // 2]``; the target must have a component
        at each (its DFT there must not vanish).

    Returns
    -------
    ndarray, shape (k,) or (m, k)
        ``|DFT(target - prediction)[k]| / |DFT(target)[k]|`` per frequency.
    """
    target = finite_array("target", target, ndim=1, min_length=8)
    prediction = finite_array("prediction", prediction)
    if prediction.ndim not in (1, 2) or prediction.shape[-1] != target.shape[0]:
        raise ValueError(
            f"parameter 'prediction' must have shape ({target.shape[0]},) or "
            f"(m, {target.shape[0]}), got {prediction.shape}"
        )
    bins = _frequencies(frequencies, target.shape[0])
    reference = np.abs(np.fft.rfft(target)[bins])
    # A component below 1e-9 of the signal's size is absent: a ratio to it means nothing.
    absent = reference <= 1e-9 * np.abs(target).sum()
    if absent.any():
        raise ValueError(
            f"parameter 'frequencies': the target has no component at {bins[absent].tolist()}"
        )
    residual = np.fft.rfft(target - prediction, axis=-1)
    return np.abs(residual[..., bins]) / reference


@dataclass(frozen=True)
class SpectralFit:
    """One network's fit of a periodic signal, recorded during training.

    Parameters
    ----------
    activation : str
        The hidden layers' activation (``"relu"`` or ``"sine"``).
    label : str
        The network's name for figures, such as ``"SIREN, ω₀ = 30"``.
    x, target : ndarray, shape (n,)
        The grid and the signal.
    frequencies : ndarray of int, shape (k,)
        The signal's frequencies, in periods over ``[-1, 1)``.
    steps : ndarray of int, shape (m,)
        Training steps at which the fit was recorded, 0 (before training) first.
    predictions : ndarray, shape (m, n)
        The network's output on the grid at each recorded step.
    errors : ndarray, shape (m, k)
        :func:`frequency_errors` at each recorded step.
    losses : ndarray, shape (m,)
        Half the mean squared error at each recorded step.
    """

    activation: str
    label: str
    x: np.ndarray
    target: np.ndarray
    frequencies: np.ndarray
    steps: np.ndarray
    predictions: np.ndarray
    errors: np.ndarray
    losses: np.ndarray

    def steps_to(self, level: float) -> list[int | None]:
        """The first recorded step at which each frequency's error is at most ``level``.

        Parameters
        ----------
        level : float
            An error level, ``> 0`` (0.1: nine tenths of the component learnt).

        Returns
        -------
        list of int or None
            One entry per frequency; ``None`` if the error never got that low.
        """
        level = positive("level", level)
        reached = self.errors <= level
        return [
            int(self.steps[np.argmax(column)]) if column.any() else None for column in reached.T
        ]

    def at_step(self, step: int) -> int:
        """The index of a recorded ``step`` in :attr:`steps` (a ``ValueError`` if absent)."""
        step = integer("step", step, 0)
        where = np.flatnonzero(self.steps == step)
        if where.size == 0:
            raise ValueError(
                f"parameter 'step' must be a recorded step ({self.steps[0]} to "
                f"{self.steps[-1]} every {self.steps[1] - self.steps[0]}), got {step}"
            )
        return int(where[0])


def _pytorch_biases(model: MLP, rng: np.random.Generator) -> None:
    """Biases as PyTorch's ``nn.Linear`` draws them: uniform on ``±1/sqrt(fan_in)``.

    With the package's zero biases every first-layer ReLU of a one-input network would
    have its kink at ``x = 0``; drawn biases spread the kinks over the inputs.
    """
    for w, b in zip(model.weights, model.biases, strict=True):
        bound = 1.0 / math.sqrt(w.shape[0])
        b[...] = rng.uniform(-bound, bound, b.shape)


def siren_mlp(sizes: Sequence[int], *, omega_0: float = 30.0, seed: int = 0) -> MLP:
    r"""An MLP of sine layers with the initialisation of Sitzmann et al. (2020), a SIREN.

    Every hidden layer computes :math:`\sin(\omega_0 (a W + b))` (the registry's ``sine``
    with frequency factor ``omega_0``) and the output layer is linear, with the MSE loss.
    The weights are uniform: on :math:`\pm 1/n` in the first layer, where :math:`n` is
    the layer's fan-in, so that with inputs in :math:`[-1, 1]` its sines span up to
    :math:`\omega_0/\pi` periods there; and on :math:`\pm\sqrt{6/n}/\omega_0` in every
    later layer, so that :math:`\omega_0 a W` has variance 1 whatever :math:`\omega_0` is
    (the paper's derivation: the sines' outputs have variance 1/2). The biases are drawn
    as PyTorch's ``nn.Linear`` draws them, uniform on :math:`\pm 1/\sqrt{n}`, which is
    what the authors' code keeps; multiplied by :math:`\omega_0` they widen each sine's
    input beyond that unit variance, which the derivation leaves out.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, input first, output last, with at least one hidden layer.
    omega_0 : float
        The frequency factor, ``> 0``; the paper uses 30 for inputs in ``[-1, 1]``.
    seed : int
        Seeds the weights and biases (and the model's own shuffling).

    Returns
    -------
    MLP
        With ``init`` reported as ``"siren"``.
    """
    omega_0 = positive("omega_0", omega_0)
    model = MLP(sizes, ("sine", {"omega_0": omega_0}), loss="mse", seed=seed)
    if len(model.sizes) < 3:
        raise ValueError(f"parameter 'sizes' needs a hidden layer, got {model.sizes}")
    rng = np.random.default_rng(seed_sequence(seed).spawn(3)[2])  # not the model's streams
    _pytorch_biases(model, rng)
    for layer, w in enumerate(model.weights):
        fan_in = w.shape[0]
        bound = 1.0 / fan_in if layer == 0 else math.sqrt(6.0 / fan_in) / omega_0
        w[...] = rng.uniform(-bound, bound, w.shape)
    model.init = "siren"
    return model


def _relu_mlp(sizes: Sequence[int], seed: int) -> MLP:
    """The ReLU baseline: He-uniform weights, PyTorch's biases, the MSE loss."""
    model = MLP(sizes, "relu", loss="mse", init="he", seed=seed)
    _pytorch_biases(model, np.random.default_rng(seed_sequence(seed).spawn(3)[2]))
    return model


def spectral_bias(
    *,
    frequencies: Sequence[int] = (1, 3, 6, 10),
    samples: int = 128,
    hidden: Sequence[int] = (32, 32),
    steps: int = 1000,
    record_every: int = 10,
    learning_rate: float = 5e-4,
    omega_0: float = 30.0,
    seed: int = 0,
) -> dict[str, SpectralFit]:
    """Fit :func:`periodic_signal` with a ReLU network and with a SIREN, recording both.

    Both networks have the same hidden sizes and are trained the same way: full-batch
    Adam on half the mean squared error, the same number of steps at the same rate.

    Parameters
    ----------
    frequencies : sequence of int
        The signal's frequencies (see :func:`periodic_signal`).
    samples : int
        Grid points.
    hidden : sequence of int
        Units per hidden layer, at least one layer.
    steps : int
        Adam steps, ``>= 1``.
    record_every : int
        Record the fit every this many steps (and at step 0); must divide ``steps``.
    learning_rate : float
        Adam's step size. At 1e-3 the SIREN's loss, once near 1e-6, jumps up by factors
        of 5 to 20 now and then (Adam's steps do not shrink with the gradient); 5e-4
        avoids that here and still shows the ReLU network's bias.
    omega_0 : float
        The SIREN's frequency factor (:func:`siren_mlp`).
    seed : int
        Seeds the signal's phases and both networks' initial parameters.

    Returns
    -------
    dict of str to SpectralFit
        Keyed by hidden activation: ``"relu"``, then ``"sine"``.
    """
    steps = integer("steps", steps, 1)
    record_every = integer("record_every", record_every, 1)
    if steps % record_every:
        raise ValueError(
            f"parameter 'record_every' must divide 'steps' = {steps}, got {record_every}"
        )
    hidden = [
        integer(f"hidden[{i}]", h, 1)
        for i, h in enumerate(name_sequence("hidden", hidden, what="sizes"))
    ]
    optimizer = Adam(positive("learning_rate", learning_rate))
    x, y = periodic_signal(frequencies, samples=samples, seed=seed)
    sizes = (1, *hidden, 1)
    models = {
        "relu": (_relu_mlp(sizes, seed), "ReLU network"),
        "sine": (siren_mlp(sizes, omega_0=omega_0, seed=seed), f"SIREN, ω₀ = {omega_0:g}"),
    }
    inputs, targets = x[:, None], y[:, None]
    recorded = np.arange(0, steps + 1, record_every)
    fits = {}
    with one_blas_thread():
        for name, (model, label) in models.items():
            state = optimizer.init_state(model.get_parameters())
            predictions = np.empty((len(recorded), samples))
            for row in range(len(recorded)):
                if row:
                    for _ in range(record_every):
                        model.train_step(inputs, targets, optimizer=optimizer, state=state)
                predictions[row] = model.predict(inputs)
            residual = predictions - y
            fits[name] = SpectralFit(
                activation=name,
                label=label,
                x=x,
                target=y,
                frequencies=_frequencies(frequencies, samples),
                steps=recorded,
                predictions=predictions,
                errors=frequency_errors(y, predictions, frequencies),
                losses=0.5 * np.mean(residual**2, axis=1),
            )
    return fits
