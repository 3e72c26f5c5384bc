r"""Signals and gradients through a deep network at initialisation (Part III).

For a network of ``depth`` hidden layers of equal width, :func:`gradient_flow` runs one
batch forward and backward and records, layer by layer, how large the activations and
the backpropagated errors are. With :math:`z_l = a_{l-1} W_l + b_l`, :math:`a_l = f(z_l)`
and the error :math:`\delta_l = \partial \mathcal{L} / \partial z_l`, backpropagation is

.. math::

    \delta_l = \bigl(\delta_{l+1} W_{l+1}^\top\bigr) \odot f'(z_l),

so :math:`\delta_1` is :math:`\delta_{L}` multiplied by one matrix :math:`W^\top` and one
diagonal matrix :math:`\operatorname{diag} f'(z)` per layer. For random weights of
variance :math:`\sigma^2` and a layer of :math:`n` inputs, each such pair scales the
norm by about

.. math::

    g_l = \sqrt{n\,\sigma^2} \; \sqrt{\operatorname{mean}\, f'(z_l)^2},

the *weight gain* times the root-mean-square slope. :class:`GradientFlow` holds the
measured norms, the two factors as measured on the same batch, and the norms that their
product predicts, so that the argument can be checked number by number.

The batch-wide root mean square is right when every sample sees the same slopes on
average. When a sample's mean square slope depends on the sample (on its size, for an
activation whose slope is not scale-free such as GELU) and a sample keeps its size from
layer to layer, the error concentrates on the samples whose slopes are large in every
layer, and the product has to be taken per sample: ``predicted_error_norm("per_sample")``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._checks import boolean
from ._experiments import one_blas_thread
from ._mlp import MLP

__all__ = ["GRADIENT_FLOW_INITS", "GradientFlow", "gradient_flow"]

#: The three initialisations the book compares, as ``(init, distribution)`` of
#: :class:`~actbook.MLP`: Glorot's original uniform recipe, He's and LeCun's normal ones.
GRADIENT_FLOW_INITS: dict[str, tuple[str, str]] = {
    "xavier": ("xavier", "uniform"),
    "he": ("he", "normal"),
    "lecun": ("lecun", "normal"),
}


@dataclass(frozen=True)
class GradientFlow:
    r"""Layer-by-layer statistics of one forward and backward pass at initialisation.

    Index ``j`` of the per-layer arrays is layer ``j + 1``; hidden layers come first and
    the output layer last, so arrays over all layers have ``depth + 1`` entries.

    Parameters
    ----------
    activation, init : str
        Registry name of the hidden activation, and the initialisation's name.
    width, depth, batch : int
        Units per hidden layer, number of hidden layers, samples in the batch.
    activation_std : ndarray, shape (depth + 1,)
        Standard deviation of the input (entry 0) and of each hidden layer's output.
    error_norm : ndarray, shape (depth + 1,)
        :math:`\lVert \delta_l \rVert_F`, the norm over the batch of the loss gradient
        with respect to each layer's pre-activation (the last entry: the output's).
    weight_gradient_norm : ndarray, shape (depth + 1,)
        :math:`\lVert \partial \mathcal{L} / \partial W_l \rVert_F`, what the optimiser
        sees.
    rms_slope, mean_abs_slope : ndarray, shape (depth,)
        Root mean square and mean absolute value of :math:`f'(z_l)` over the batch and
        the units of each hidden layer.
    weight_gain : ndarray, shape (depth + 1,)
        :math:`\lVert W_l \rVert_F / \sqrt{n_\text{out}}`, the measured
        :math:`\sqrt{n_\text{in} \sigma^2}` of each weight matrix.
    sample_square_slope : ndarray, shape (depth, batch)
        Mean over the units of :math:`f'(z_l)^2`, for each sample separately.
    output_error_square : ndarray, shape (batch,)
        Squared norm of each sample's row of the output error.
    independent_backward : bool
        Whether the backward pass multiplied by independent copies of the weights (see
        :func:`gradient_flow`).
    """

    activation: str
    init: str
    width: int
    depth: int
    batch: int
    activation_std: np.ndarray
    error_norm: np.ndarray
    weight_gradient_norm: np.ndarray
    rms_slope: np.ndarray
    mean_abs_slope: np.ndarray
    weight_gain: np.ndarray
    sample_square_slope: np.ndarray
    output_error_square: np.ndarray
    independent_backward: bool = False

    def predicted_error_norm(self, slope: str = "rms") -> np.ndarray:
        """Error norms predicted from the output's by the product of per-layer factors.

        Parameters
        ----------
        slope : {"rms", "mean_abs", "per_sample"}
            Which average of :math:`|f'|` to use per layer. The root mean square over
            the batch is the right one when the slopes do not depend on the sample
            (norms add squares); the mean absolute value is shown for contrast.
            ``"per_sample"`` takes the product for each sample, with that sample's mean
            square slope in every layer, and adds the squares of the samples' results.

        Returns
        -------
        ndarray, shape (depth + 1,)
            Equal to ``error_norm`` at the output, then multiplied by
            ``weight_gain[j + 1] * slope[j]`` going down to layer 1 (for
            ``"per_sample"``, per sample, before the samples are combined).
        """
        factors = {"rms": self.rms_slope, "mean_abs": self.mean_abs_slope}
        if slope == "per_sample":
            return self._predicted_per_sample()
        if slope not in factors:
            raise ValueError(
                f"parameter 'slope' must be 'rms', 'mean_abs' or 'per_sample', got {slope!r}"
            )
        per_layer = self.weight_gain[1:] * factors[slope]
        predicted = np.empty(self.depth + 1)
        predicted[-1] = self.error_norm[-1]
        for j in range(self.depth - 1, -1, -1):
            predicted[j] = predicted[j + 1] * per_layer[j]
        return predicted

    def _predicted_per_sample(self) -> np.ndarray:
        # Squared factor of layer j for sample i: gain_{j+1}^2 * mean_units f'(z_j)^2.
        per_layer = self.weight_gain[1:, None] ** 2 * self.sample_square_slope
        # Product from the output down to each layer, per sample (cumulative from the top).
        down = np.cumprod(per_layer[::-1], axis=0)[::-1]
        # The output error's split over the samples is measured; its total is error_norm[-1].
        share = self.output_error_square / self.output_error_square.sum()
        predicted = np.empty(self.depth + 1)
        predicted[-1] = self.error_norm[-1]
        predicted[:-1] = self.error_norm[-1] * np.sqrt(down @ share)
        return predicted

    @property
    def error_ratio(self) -> float:
        """Error norm of hidden layer 1 over that of the last hidden layer.

        Raises
        ------
        ValueError
            If the last hidden layer's error is 0 (an activation whose slope is 0 on the
            whole batch, such as the step): the ratio 0/0 has no value.
        """
        return self._ratio(self.error_norm, "measured")

    def predicted_ratio(self, slope: str = "rms") -> float:
        """The same ratio as predicted by the product of per-layer factors (see above)."""
        return self._ratio(self.predicted_error_norm(slope), "predicted")

    def _ratio(self, norms: np.ndarray, which: str) -> float:
        last = float(norms[self.depth - 1])
        if not last > 0:
            raise ValueError(
                f"the {which} error norm of the last hidden layer is {last:g} for "
                f"{self.activation!r}: no error reaches the layers below, so the ratio "
                "layer 1 / last layer is undefined"
            )
        return float(norms[0]) / last


def gradient_flow(
    activation: str,
    init: str,
    *,
    depth: int = 20,
    width: int = 128,
    batch: int = 256,
    seed: int = 0,
    output_error: str = "random",
    independent_backward: bool = False,
) -> GradientFlow:
    r"""Measure activations and gradients through a fresh deep network, layer by layer.

    The network is an :class:`~actbook.MLP` with ``depth`` hidden layers of ``width``
    units, ``width`` outputs and zero biases; the inputs are standard normal. The error
    that enters the backward pass at the output is, by default, a fixed random matrix
    :math:`r / n` (the gradient of the random linear readout
    :math:`\mathcal{L} = \frac1n \sum_i r_i \cdot \hat y_i`): it does not depend on the
    weights, which is what the product argument assumes. ``output_error="mse"`` uses the
    MLP's own loss instead, half the mean squared error against standard-normal targets
    :math:`r`, whose output error :math:`(\hat y - r) / n` contains the network's output
    and so depends on every weight. The same ``seed`` gives the same inputs and ``r``
    for every activation and initialisation, and with the same distribution the same
    weights up to their scale.

    Parameters
    ----------
    activation : str
        Registry name of the hidden layers' activation (default parameters).
    init : {"xavier", "he", "lecun"}
        Key of :data:`GRADIENT_FLOW_INITS`.
    depth, width, batch : int
        Hidden layers, units per layer, samples.
    seed : int
        Seeds the weights, the inputs and ``r``.
    output_error : {"random", "mse"}
        The error at the output, see above.
    independent_backward : bool
        If true, the backward pass multiplies by a copy of each weight matrix with its
        entries shuffled (same norm, independent of the forward pass), as the product
        argument assumes. This is not backpropagation any more: it isolates what the
        reuse of the forward weights adds. The weight gradients are then those of the
        shuffled pass.

    Returns
    -------
    GradientFlow
        The measured statistics.
    """
    if init not in GRADIENT_FLOW_INITS:
        raise ValueError(f"parameter 'init' must be one of {list(GRADIENT_FLOW_INITS)}")
    if output_error not in ("random", "mse"):
        raise ValueError(
            f"parameter 'output_error' must be 'random' or 'mse', got {output_error!r}"
        )
    independent_backward = boolean("independent_backward", independent_backward)
    if depth < 2:
        raise ValueError(f"parameter 'depth' must be at least 2, got {depth!r}")
    scheme, distribution = GRADIENT_FLOW_INITS[init]
    sizes = (width,) * (depth + 2)
    model = MLP(sizes, activation, loss="mse", init=scheme, distribution=distribution, seed=seed)
    rng = np.random.default_rng([seed, 1])
    x = rng.standard_normal((batch, width))
    targets = rng.standard_normal((batch, width))
    act, params = model.layers[0]
    # Products of 128 x 128 matrices: one BLAS thread is faster than several here, and
    # many times faster when other processes compete for the cores.
    with one_blas_thread():
        return _measure(
            model, act, params, x, targets, output_error, init, independent_backward, seed
        )


def _measure(
    model, act, params, x, targets, output_error, init, independent_backward, seed
) -> GradientFlow:
    batch, width = x.shape
    depth = len(model.weights) - 1

    # Forward pass, keeping what the backward pass and the statistics need.
    inputs, slopes = [x], []
    a = x
    for w, b in zip(model.weights[:-1], model.biases[:-1], strict=True):
        z = a @ w + b
        slopes.append(act.derivative(z, **params))
        a = act.function(z, **params)
        inputs.append(a)
    output = a @ model.weights[-1] + model.biases[-1]

    # The MLP's "mse" loss is (1/2n) sum ||output - target||^2: its output error is
    # (output - target) / n; the random readout's is target / n.
    delta = (output - targets) / batch if output_error == "mse" else targets / batch
    errors = [delta]
    weight_gradients = [inputs[-1].T @ delta]
    backward = list(model.weights)
    if independent_backward:
        shuffle = np.random.default_rng([seed, 2])
        backward = [shuffle.permutation(w.ravel()).reshape(w.shape) for w in backward]
    for j in range(depth - 1, -1, -1):
        delta = (delta @ backward[j + 1].T) * slopes[j]
        errors.append(delta)
        weight_gradients.append(inputs[j].T @ delta)
    errors.reverse()
    weight_gradients.reverse()

    return GradientFlow(
        activation=act.name,
        init=init,
        width=width,
        depth=depth,
        batch=batch,
        activation_std=np.array([float(np.std(a)) for a in inputs]),
        error_norm=np.array([float(np.linalg.norm(e)) for e in errors]),
        weight_gradient_norm=np.array([float(np.linalg.norm(g)) for g in weight_gradients]),
        rms_slope=np.array([float(np.sqrt(np.mean(s**2))) for s in slopes]),
        mean_abs_slope=np.array([float(np.mean(np.abs(s))) for s in slopes]),
        weight_gain=np.array(
            [float(np.linalg.norm(w) / np.sqrt(w.shape[1])) for w in model.weights]
        ),
        sample_square_slope=np.array([np.mean(s**2, axis=1) for s in slopes]),
        output_error_square=np.sum(errors[-1] ** 2, axis=1),
        independent_backward=independent_backward,
    )
