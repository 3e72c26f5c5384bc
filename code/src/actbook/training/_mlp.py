r"""A small numpy multilayer perceptron: the training engine of Part III.

The network maps a batch of inputs ``X`` (one row per sample, shape ``(n, d)``) through
``L`` dense layers. With :math:`a_0 = X`,

.. math::

    z_l = a_{l-1} W_l + b_l, \qquad a_l = f_l(z_l) \quad (l = 1, \dots, L-1),
    \qquad z_L = a_{L-1} W_L + b_L,

where :math:`W_l` has shape ``(fan_in, fan_out)``, :math:`f_l` is any elementwise
activation of the book's registry, and the output :math:`z_L` (the *logits*) feeds the
loss:

* ``"cross_entropy"``: softmax outputs and the mean negative log-likelihood
  :math:`\mathcal{L} = -\frac1n \sum_i \log \operatorname{softmax}(z_{L,i})_{y_i}`,
  computed through the log-softmax so that no probability underflows to ``log 0``;
* ``"mse"``: identity outputs and half the mean squared error,
  :math:`\mathcal{L} = \frac{1}{2n} \sum_i \lVert z_{L,i} - t_i \rVert^2` (sum over the
  outputs, mean over the samples; the ½ cancels the 2 of the derivative).

Backpropagation runs the chain rule from the loss back to the input. Both losses give the
same, simple gradient with respect to the logits, :math:`\delta_L = (\hat y - t) / n`
(probabilities or outputs minus one-hot or real targets), and then, layer by layer,

.. math::

    \frac{\partial \mathcal{L}}{\partial W_l} = a_{l-1}^\top \delta_l, \qquad
    \frac{\partial \mathcal{L}}{\partial b_l} = \textstyle\sum_i \delta_{l,i}, \qquad
    \delta_{l-1} = (\delta_l W_l^\top) \odot f_{l-1}'(z_{l-1}).

The factor :math:`f'(z)` is taken from the registry's ``derivative``: whatever the book
says a derivative is, at kinks included, is what training uses.

A hidden layer can instead be *gated* (``gated=True``): two projections of its input, one
of them passed through :math:`f_l` and multiplied into the other,

.. math::

    a_l = (a_{l-1} V_l + c_l) \odot f_l(a_{l-1} W_l + b_l),

which with :math:`f_l` = sigmoid, identity, ReLU, GELU or SiLU is Shazeer (2020)'s GLU,
bilinear, ReGLU, GEGLU or SwiGLU layer (the registry's :data:`GATED_UNITS`). The two
projections are stored side by side as one weight matrix ``[V_l | W_l]`` of shape
``(fan_in, 2 units)`` and one bias ``[c_l | b_l]``, value half first as in the registry's
gated units and PyTorch's ``F.glu``, so the forward pass is one matrix product. Shazeer
drops the biases, following T5; here every layer keeps them, gated or not, so that a
gated network differs from its ungated twin in the gate alone (they start at zero, so
the initial network is Shazeer's). Backpropagation splits the incoming gradient
:math:`g = \partial\mathcal{L}/\partial a_l` between the halves,

.. math::

    \frac{\partial \mathcal{L}}{\partial u_l} = g \odot f_l(z_l), \qquad
    \frac{\partial \mathcal{L}}{\partial z_l} = g \odot u_l \odot f_l'(z_l),

with :math:`u_l = a_{l-1} V_l + c_l` and :math:`z_l = a_{l-1} W_l + b_l`, and then goes on
as for a dense layer. :func:`parameter_count` counts both kinds of network.

All parameters live in one flat vector and every ``W_l`` and ``b_l`` is a view into it;
the gradients likewise. The optimisers then update the whole network with a handful of
vector operations, snapshots are a single copy, and the gradient checks perturb one
entry at a time. Randomness comes only from :class:`numpy.random.Generator` objects made
from the model's ``seed``; the global numpy random state is never used.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np

from .._checks import boolean, choice, instance, integer, positive, real, seed_sequence
from ..activations import GATED_UNITS, Activation, get, log_softmax, softmax
from ..activations._registry import takes_out

__all__ = ["MLP", "SGD", "Adam", "Gradients", "History", "initial_weights", "parameter_count"]

LOSSES = ("cross_entropy", "mse")
INITS = ("xavier", "he", "lecun")
DISTRIBUTIONS = ("uniform", "normal")


# -- argument checks ----------------------------------------------------------------------
#: How many times the untrained network's loss (at least 1) counts as divergence.
_DIVERGENCE_FACTOR = 1e6


def _check_state(state: Any, keys: tuple[str, ...]) -> None:
    """Refuse an optimiser state that :meth:`init_state` did not make."""
    missing = [key for key in keys if not isinstance(state, dict) or key not in state]
    if missing:
        raise ValueError(
            f"parameter 'state' must come from optimizer.init_state(params); it lacks {missing}"
        )


def _optimizer(optimizer: Any) -> SGD | Adam:
    if not isinstance(optimizer, SGD | Adam):
        raise ValueError(f"parameter 'optimizer' must be an SGD or Adam, got {optimizer!r}")
    return optimizer


def _sizes(sizes: Any) -> tuple[int, ...]:
    if isinstance(sizes, str | bytes) or not isinstance(sizes, Iterable):
        raise ValueError(f"parameter 'sizes' must be a sequence of integers, got {sizes!r}")
    sizes = tuple(sizes)
    if len(sizes) < 2:
        raise ValueError(f"parameter 'sizes' needs at least 2 entries, got {sizes!r}")
    return tuple(integer("sizes", size, 1) for size in sizes)


def _gated_flags(gated: Any, n_hidden: int) -> tuple[bool, ...]:
    """Normalise ``gated`` (one flag, or one per hidden layer) to one flag per hidden layer."""
    if isinstance(gated, bool | np.bool_):
        if gated and n_hidden == 0:
            raise ValueError("parameter 'gated': a network without hidden layers has no gate")
        return (bool(gated),) * n_hidden
    if isinstance(gated, str | bytes) or not isinstance(gated, Iterable):
        raise ValueError(
            f"parameter 'gated' must be True, False or one flag per hidden layer, got {gated!r}"
        )
    flags = tuple(boolean("gated", g) for g in gated)
    if len(flags) != n_hidden:
        raise ValueError(f"parameter 'gated' lists {len(flags)} flags for {n_hidden} hidden layers")
    return flags


def _layer_shapes(sizes: tuple[int, ...], gated: tuple[bool, ...]):
    """``((fan_in, columns), (columns,))`` per layer: a gated layer stores two projections."""
    widths = [2 * n if g else n for n, g in zip(sizes[1:], (*gated, False), strict=True)]
    return [((m, n), (n,)) for m, n in zip(sizes[:-1], widths, strict=True)]


def parameter_count(sizes: Sequence[int], *, gated: Any = False, biases: bool = True) -> int:
    r"""Number of parameters of an MLP with these layer sizes, gated or not.

    A dense layer from :math:`m` to :math:`n` units has :math:`mn` weights and :math:`n`
    biases; a gated one has two projections, :math:`2mn` weights and :math:`2n` biases.
    A one-hidden-layer network :math:`d \to h \to d` without biases (a transformer's
    feed-forward block) thus has :math:`2dh` weights ungated and :math:`3dh` gated.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, input first, as for :class:`MLP`.
    gated : bool or sequence of bool
        As for :class:`MLP`: every hidden layer, or one flag per hidden layer.
    biases : bool
        Count the biases (every :class:`MLP` has them); ``False`` counts the weights
        only, as in Shazeer (2020)'s bias-free layers.

    Returns
    -------
    int
        The count; for ``biases=True`` it equals ``MLP(sizes, gated=gated).n_parameters``.
    """
    sizes = _sizes(sizes)
    shapes = _layer_shapes(sizes, _gated_flags(gated, len(sizes) - 2))
    with_biases = boolean("biases", biases)
    return sum(m * n + (n if with_biases else 0) for (m, n), _ in shapes)


# -- initialisation -----------------------------------------------------------------------
def initial_weights(
    fan_in: int,
    fan_out: int,
    *,
    init: str = "xavier",
    distribution: str = "uniform",
    rng: np.random.Generator,
    dtype: Any = np.float64,
) -> np.ndarray:
    r"""Random weights of one dense layer, shape ``(fan_in, fan_out)``.

    The three schemes fix the variance of each weight so that signals (or gradients)
    keep their scale from layer to layer:

    * ``"xavier"`` (Glorot and Bengio 2010): :math:`\sigma^2 = 2 / (n_\text{in} + n_\text{out})`,
      for tanh and sigmoid-like units (a compromise between the forward and the
      backward pass);
    * ``"he"`` (He et al. 2015): :math:`\sigma^2 = 2 / n_\text{in}`, for ReLU, which zeroes
      half of its inputs and so halves the variance;
    * ``"lecun"`` (LeCun et al. 1998): :math:`\sigma^2 = 1 / n_\text{in}`, proposed for
      tanh-like units (forward pass only); the self-normalisation of SELU (Klambauer
      et al. 2017) assumes it.

    ``distribution="normal"`` draws from :math:`\mathcal{N}(0, \sigma^2)` (not truncated);
    ``"uniform"`` from :math:`U(-\sqrt{3}\sigma, \sqrt{3}\sigma)`, which has the same
    variance. Xavier-uniform is Glorot's original recipe; scikit-learn's MLP uses it
    too (with a bound of :math:`\sqrt{2 / (n_\text{in} + n_\text{out})}` for logistic
    units, and random rather than zero biases).

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs and outputs of the layer.
    init : {"xavier", "he", "lecun"}
        The variance rule.
    distribution : {"uniform", "normal"}
        The shape of the distribution.
    rng : numpy.random.Generator
        Source of randomness.
    dtype : dtype
        Floating type of the result.

    Returns
    -------
    ndarray
        The weights.
    """
    fan_in, fan_out = integer("fan_in", fan_in, 1), integer("fan_out", fan_out, 1)
    init = choice("init", init, INITS)
    distribution = choice("distribution", distribution, DISTRIBUTIONS)
    instance("rng", rng, np.random.Generator, "a numpy Generator (np.random.default_rng(seed))")
    variance = {"xavier": 2.0 / (fan_in + fan_out), "he": 2.0 / fan_in, "lecun": 1.0 / fan_in}
    std = math.sqrt(variance[init])
    if distribution == "normal":
        weights = rng.normal(0.0, std, size=(fan_in, fan_out))
    else:
        bound = math.sqrt(3.0) * std
        weights = rng.uniform(-bound, bound, size=(fan_in, fan_out))
    return weights.astype(dtype, copy=False)


# -- optimisers ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SGD:
    r"""Stochastic gradient descent, optionally with (Nesterov) momentum.

    With gradient :math:`g`, velocity :math:`v` (initially 0), rate :math:`\eta` and
    momentum :math:`\mu`, each step is (PyTorch's formulation)

    .. math::

        v \leftarrow \mu v + g, \qquad \theta \leftarrow \theta - \eta v

    or, with ``nesterov=True``, :math:`\theta \leftarrow \theta - \eta (g + \mu v)`.
    Scikit-learn writes the same method as :math:`v \leftarrow \mu v - \eta g,\
    \theta \leftarrow \theta + v`: for a constant rate the two give identical iterates.

    Parameters
    ----------
    learning_rate : float
        Step size :math:`\eta > 0`.
    momentum : float
        :math:`\mu \in [0, 1)`; 0 is plain SGD.
    nesterov : bool
        Use Nesterov's look-ahead form (needs ``momentum > 0``).
    """

    learning_rate: float = 0.01
    momentum: float = 0.0
    nesterov: bool = False

    def __post_init__(self) -> None:
        positive("learning_rate", self.learning_rate)
        real("momentum", self.momentum, low=0.0, high=1.0, open_high=True)
        boolean("nesterov", self.nesterov)
        if self.nesterov and self.momentum == 0:
            raise ValueError("parameter 'nesterov' needs a positive 'momentum'")

    def init_state(self, params: np.ndarray) -> dict[str, Any]:
        """Fresh optimiser state for a flat parameter vector.

        Parameters
        ----------
        params : ndarray
            The parameters that :meth:`step` will update.

        Returns
        -------
        dict
            The velocity (zeros), if momentum is used.
        """
        return {"velocity": np.zeros_like(params)} if self.momentum else {}

    def step(self, params: np.ndarray, grads: np.ndarray, state: dict[str, Any]) -> None:
        """Update ``params`` in place from ``grads``.

        Parameters
        ----------
        params, grads : ndarray
            Flat parameter and gradient vectors of the same shape.
        state : dict
            From :meth:`init_state`; updated in place.
        """
        _check_state(state, ("velocity",) if self.momentum else ())
        rate = params.dtype.type(self.learning_rate)
        if not self.momentum:
            params -= rate * grads
            return
        velocity = state["velocity"]
        velocity *= params.dtype.type(self.momentum)
        velocity += grads
        if self.nesterov:
            params -= rate * (grads + params.dtype.type(self.momentum) * velocity)
        else:
            params -= rate * velocity


@dataclass(frozen=True)
class Adam:
    r"""Adam (Kingma and Ba 2015): per-parameter steps from running moment estimates.

    With gradient :math:`g` at step :math:`t = 1, 2, \dots`,

    .. math::

        m \leftarrow \beta_1 m + (1 - \beta_1) g, \qquad
        v \leftarrow \beta_2 v + (1 - \beta_2) g^2, \qquad
        \theta \leftarrow \theta - \eta \frac{m / (1 - \beta_1^t)}
        {\sqrt{v / (1 - \beta_2^t)} + \epsilon}.

    The divisions by :math:`1 - \beta^t` undo the bias of starting the averages at 0.
    This is the paper's Algorithm 1 and PyTorch's form; scikit-learn adds
    :math:`\epsilon` before the bias correction, a difference of order :math:`\epsilon`.

    Parameters
    ----------
    learning_rate : float
        Step size :math:`\eta > 0`.
    beta1, beta2 : float
        Decay rates of the first and second moment estimates, in ``[0, 1)``.
    epsilon : float
        Guard against division by zero, ``> 0``.
    """

    learning_rate: float = 0.001
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8

    def __post_init__(self) -> None:
        positive("learning_rate", self.learning_rate)
        real("beta1", self.beta1, low=0.0, high=1.0, open_high=True)
        real("beta2", self.beta2, low=0.0, high=1.0, open_high=True)
        positive("epsilon", self.epsilon)

    def init_state(self, params: np.ndarray) -> dict[str, Any]:
        """Fresh optimiser state: zero moments, step count 0, and a scratch buffer.

        Parameters
        ----------
        params : ndarray
            The parameters that :meth:`step` will update.

        Returns
        -------
        dict
            ``m``, ``v``, ``t`` and ``scratch``.
        """
        return {
            "m": np.zeros_like(params),
            "v": np.zeros_like(params),
            "t": 0,
            # Reused every step: small networks take thousands of steps, and avoiding a
            # fresh temporary per operation is most of Adam's cost here.
            "scratch": np.empty_like(params),
        }

    def step(self, params: np.ndarray, grads: np.ndarray, state: dict[str, Any]) -> None:
        """Update ``params`` in place from ``grads``.

        Parameters
        ----------
        params, grads : ndarray
            Flat parameter and gradient vectors of the same shape.
        state : dict
            From :meth:`init_state`; updated in place.
        """
        _check_state(state, ("m", "v", "t", "scratch"))
        m, v, scratch = state["m"], state["v"], state["scratch"]
        state["t"] += 1
        t = state["t"]
        kind = params.dtype.type
        # m <- beta1 m + (1 - beta1) g
        m *= kind(self.beta1)
        np.multiply(grads, kind(1.0 - self.beta1), out=scratch)
        m += scratch
        # v <- beta2 v + (1 - beta2) g^2
        v *= kind(self.beta2)
        np.multiply(grads, grads, out=scratch)
        scratch *= kind(1.0 - self.beta2)
        v += scratch
        # theta <- theta - lr * m_hat / (sqrt(v_hat) + eps), bias corrections folded in
        np.sqrt(v, out=scratch)
        scratch *= kind(1.0 / math.sqrt(1.0 - self.beta2**t))
        scratch += kind(self.epsilon)
        np.divide(m, scratch, out=scratch)
        scratch *= kind(self.learning_rate / (1.0 - self.beta1**t))
        params -= scratch


# -- results ------------------------------------------------------------------------------
class Gradients(NamedTuple):
    r"""The loss and its gradients on one batch.

    Parameters
    ----------
    loss : float
        The mean loss on the batch.
    weights, biases : list of ndarray
        :math:`\partial \mathcal{L} / \partial W_l` and
        :math:`\partial \mathcal{L} / \partial b_l`, one per layer, shaped like the
        parameters.
    """

    loss: float
    weights: list[np.ndarray]
    biases: list[np.ndarray]


@dataclass
class History:
    """What :meth:`MLP.fit` records, one entry per epoch ``1 .. epochs``.

    Parameters
    ----------
    epoch : list of int
        Epoch numbers, starting at 1.
    loss : list of float
        Mean of the minibatch losses during the epoch (weighted by batch size): what the
        optimiser saw, with the weights changing along the way.
    train_loss, train_accuracy : list of float
        Loss and accuracy on the whole training set at the end of the epoch (accuracy is
        NaN for real-valued ``mse`` targets).
    test_loss, test_accuracy : list of float
        The same on the test set, NaN when no test set was given.
    gradient_norms : list of ndarray
        If requested: per layer, the mean over the epoch's minibatches of the Frobenius
        norm of the weight gradient.
    snapshots : dict of int to ndarray
        Flat parameter vectors at the requested epochs (0 is before training), for
        :meth:`MLP.set_parameters`.
    """

    epoch: list[int] = field(default_factory=list)
    loss: list[float] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)
    gradient_norms: list[np.ndarray] = field(default_factory=list)
    snapshots: dict[int, np.ndarray] = field(default_factory=dict)


class _Cache(NamedTuple):
    """What the forward pass keeps for the backward pass."""

    inputs: list[np.ndarray]  # a_0 .. a_{L-1}: the input of each layer
    pre_activations: list[np.ndarray]  # z_1 .. z_{L-1}: hidden pre-activations
    logits: np.ndarray  # z_L
    gates: list[np.ndarray | None]  # f(gate half) of each gated hidden layer, else None


class _Buffers(NamedTuple):
    """Arrays one training step of a given batch size writes into, reused every step.

    Each hidden layer ``l`` has its pre-activation ``z`` (value and gate halves for a
    gated layer), its output ``a``, the gate's ``f`` (gated layers), the slope ``f'`` and
    the backpropagated error; the output layer has the logits. A training epoch of
    minibatches then allocates no layer-sized array except those of the loss.
    """

    pre_activations: list[np.ndarray]
    outputs: list[np.ndarray]
    gates: list[np.ndarray | None]
    slopes: list[np.ndarray]
    errors: list[np.ndarray]
    logits: np.ndarray

    @classmethod
    def for_batch(cls, n: int, weights: tuple[np.ndarray, ...], gated: tuple[bool, ...]):
        """Buffers for batches of ``n`` rows of a network with these weights."""
        dtype = weights[0].dtype
        widths = [w.shape[1] for w in weights[:-1]]  # twice the units for a gated layer
        units = [width // 2 if g else width for width, g in zip(widths, gated, strict=True)]
        return cls(
            pre_activations=[np.empty((n, width), dtype) for width in widths],
            outputs=[np.empty((n, u), dtype) for u in units],
            gates=[
                np.empty((n, u), dtype) if g else None for u, g in zip(units, gated, strict=True)
            ],
            slopes=[np.empty((n, u), dtype) for u in units],
            errors=[np.empty((n, width), dtype) for width in widths],
            logits=np.empty((n, weights[-1].shape[1]), dtype),
        )


# -- the network --------------------------------------------------------------------------
def _halves(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Views of the value and gate columns of a gated layer's pre-activation."""
    units = z.shape[1] // 2
    return z[:, :units], z[:, units:]


def _writing_into(function):
    """``function`` with numpy's ``out=``, for kernels that lack it: compute, then copy."""
    if takes_out(function):
        return function

    def into(x: np.ndarray, *, out: np.ndarray | None = None, **params: Any) -> np.ndarray:
        value = function(x, **params)
        if out is None:
            return value
        np.copyto(out, value)
        return out

    into.__name__ = getattr(function, "__name__", "activation")
    return into


def _activation_specs(activation: Any, activation_params: Any, n_hidden: int):
    """Normalise the ``activation`` argument to one ``(Activation, params)`` per layer."""

    def one(spec: Any, params: Mapping[str, Any] | None) -> tuple[Activation, dict]:
        if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[1], Mapping):
            spec, params = spec
        if not isinstance(spec, str | Activation):
            raise ValueError(
                f"parameter 'activation' must name a registered activation, got {spec!r}"
            )
        try:
            record = get(spec)
            resolved = record.resolve(params)
        except ValueError as error:
            raise ValueError(f"parameter 'activation': {error}") from None
        if not record.elementwise:
            hint = (
                f"; for a {record.name} layer give its gate, "
                f"activation={GATED_UNITS[record.name]!r} with gated=True"
                if record.name in GATED_UNITS
                else ""
            )
            raise ValueError(
                f"parameter 'activation': {record.name} is not elementwise and cannot be "
                f"a hidden layer's activation{hint}"
            )
        if not (takes_out(record.function) and takes_out(record.derivative)):
            # A reader's own activation (a lambda, say) need not know numpy's out=;
            # training writes every layer into reused buffers, so it gets a copy in.
            record = replace(
                record,
                function=_writing_into(record.function),
                derivative=_writing_into(record.derivative),
            )
        return record, resolved

    if isinstance(activation, str | Activation) or (
        isinstance(activation, tuple)
        and len(activation) == 2
        and isinstance(activation[1], Mapping)
    ):
        return [one(activation, activation_params)] * n_hidden
    if activation_params is not None:
        raise ValueError(
            "parameter 'activation_params' applies to a single activation; give "
            "(name, params) pairs for per-layer activations"
        )
    if isinstance(activation, bytes) or not isinstance(activation, Iterable):
        raise ValueError(
            f"parameter 'activation' must name a registered activation, got {activation!r}"
        )
    specs = list(activation)
    if len(specs) != n_hidden:
        raise ValueError(
            f"parameter 'activation' lists {len(specs)} activations for {n_hidden} hidden layers"
        )
    return [one(spec, None) for spec in specs]


class MLP:
    """A multilayer perceptron trained by backpropagation, in plain numpy.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, input first and output last: ``(2, 16, 2)`` is two inputs, one
        hidden layer of 16 units and two outputs (classes). At least two entries.
    activation : str, Activation, (name, params) pair, or a list of them
        Activation of the hidden layers: one for all, or one per hidden layer. Any
        elementwise activation in the registry (``"relu"``, ``"tanh"``, ...). In a gated
        layer it is the gate's activation.
    activation_params : mapping, optional
        Parameters of a single ``activation`` given by name, e.g.
        ``{"negative_slope": 0.1}``; validated by the registry.
    gated : bool or sequence of bool
        Make the hidden layers (all, or those flagged, one flag per hidden layer) gated:
        ``a = (x V + c) * f(x W + b)`` (see the module docstring). ``sizes`` still gives
        the units of each layer, so a gated layer has twice the weights of a dense one
        of the same width; :func:`parameter_count` says how many.
    loss : {"cross_entropy", "mse"}
        Softmax outputs with cross-entropy, or identity outputs with half the mean
        squared error (see the module docstring for the exact conventions).
    init : {"xavier", "he", "lecun"}
        Weight initialisation, see :func:`initial_weights`. Biases start at zero.
    distribution : {"uniform", "normal"}
        Distribution of the initial weights.
    dtype : {"float64", "float32"}
        Floating type of the parameters and all computations; inputs are converted.
    seed : int
        Seeds the initial weights and the minibatch shuffling (two independent
        streams), so that training is reproducible bit for bit.

    Attributes
    ----------
    weights, biases : tuple of ndarray
        Views into the flat parameter vector: edit them in place
        (``model.weights[0][...] = w``), never rebind them. A gated layer of ``n`` units
        has ``2 n`` columns: the value projection ``V`` first, then the gate's ``W``.
    gated : tuple of bool
        Whether each hidden layer is gated.

    Examples
    --------
    >>> from actbook import MLP, Adam, make_dataset
    >>> data = make_dataset("moons", 200, noise=0.1, seed=0)
    >>> model = MLP((2, 16, 2), activation="tanh", seed=0)
    >>> history = model.fit(data.x_train, data.y_train, epochs=50, optimizer=Adam(0.01))
    >>> bool(history.train_accuracy[-1] > 0.9)
    True
    >>> swiglu = MLP((2, 10, 2), activation="silu", gated=True, seed=0)
    >>> swiglu.weights[0].shape, swiglu.n_parameters
    ((2, 20), 82)
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: Any = "relu",
        *,
        activation_params: Mapping[str, Any] | None = None,
        gated: Any = False,
        loss: str = "cross_entropy",
        init: str = "xavier",
        distribution: str = "uniform",
        dtype: Any = "float64",
        seed: int = 0,
    ) -> None:
        self.sizes = _sizes(sizes)
        self.layers = _activation_specs(activation, activation_params, len(self.sizes) - 2)
        self.gated = _gated_flags(gated, len(self.sizes) - 2)
        if loss not in LOSSES:
            raise ValueError(f"parameter 'loss' must be one of {LOSSES}, got {loss!r}")
        self.loss_name = loss
        try:
            self.dtype = np.dtype(dtype)
        except TypeError:
            self.dtype = None
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"parameter 'dtype' must be float32 or float64, got {dtype!r}")
        init_seed, shuffle_seed = seed_sequence(seed).spawn(2)
        self.seed = int(seed)
        self.init, self.distribution = init, distribution
        self._shuffle_rng = np.random.default_rng(shuffle_seed)

        # One flat vector holds every parameter; W_l and b_l are reshaped views into it.
        shapes = _layer_shapes(self.sizes, self.gated)
        total = sum(m * n + n for (m, n), _ in shapes)
        self._params = np.zeros(total, dtype=self.dtype)
        self._grads = np.zeros(total, dtype=self.dtype)
        self._weights, self._biases = self._views(self._params, shapes)
        self._grad_weights, self._grad_biases = self._views(self._grads, shapes)
        self._buffers: dict[int, _Buffers] = {}  # by batch size, filled by training

        init_rng = np.random.default_rng(init_seed)
        for w, units in zip(self._weights, self.sizes[1:], strict=True):
            # A gated layer's two projections are two layers of `units` outputs each: each
            # half gets the scheme's variance for (fan_in, units), value half drawn first.
            for part in np.split(w, w.shape[1] // units, axis=1):
                part[...] = initial_weights(
                    part.shape[0],
                    units,
                    init=init,
                    distribution=distribution,
                    rng=init_rng,
                    dtype=self.dtype,
                )

    @staticmethod
    def _views(flat: np.ndarray, shapes) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
        weights, biases, offset = [], [], 0
        for w_shape, b_shape in shapes:
            size = w_shape[0] * w_shape[1]
            weights.append(flat[offset : offset + size].reshape(w_shape))
            offset += size
            biases.append(flat[offset : offset + b_shape[0]])
            offset += b_shape[0]
        return tuple(weights), tuple(biases)

    # -- parameters -----------------------------------------------------------------------
    @property
    def weights(self) -> tuple[np.ndarray, ...]:
        """Weight matrices ``W_1 .. W_L``, shapes ``(fan_in, fan_out)`` (views)."""
        return self._weights

    @property
    def biases(self) -> tuple[np.ndarray, ...]:
        """Bias vectors ``b_1 .. b_L`` (views)."""
        return self._biases

    @property
    def n_parameters(self) -> int:
        """Total number of weights and biases."""
        return int(self._params.size)

    def get_parameters(self) -> np.ndarray:
        """A copy of all parameters as one flat vector (``W_1, b_1, W_2, b_2, ...``).

        Returns
        -------
        ndarray
            The copy.
        """
        return self._params.copy()

    def set_parameters(self, flat: Any) -> None:
        """Overwrite all parameters from a flat vector, e.g. a snapshot from :meth:`fit`.

        Parameters
        ----------
        flat : array_like
            As returned by :meth:`get_parameters`.
        """
        flat = np.asarray(flat)
        if flat.shape != self._params.shape:
            raise ValueError(
                f"parameter 'flat' must have shape {self._params.shape}, got {flat.shape}"
            )
        self._params[...] = flat

    def copy(self) -> MLP:
        """An independent model with the same architecture, parameters and RNG state.

        Returns
        -------
        MLP
            The copy.
        """
        twin = MLP.__new__(MLP)
        twin.__dict__.update(self.__dict__)
        shapes = [(w.shape, b.shape) for w, b in zip(self._weights, self._biases, strict=True)]
        twin._params = self._params.copy()
        twin._grads = np.zeros_like(self._grads)
        twin._weights, twin._biases = self._views(twin._params, shapes)
        twin._grad_weights, twin._grad_biases = self._views(twin._grads, shapes)
        twin._buffers = {}  # the twin trains into arrays of its own
        twin._shuffle_rng = np.random.default_rng()
        twin._shuffle_rng.bit_generator.state = self._shuffle_rng.bit_generator.state
        return twin

    def __repr__(self) -> str:
        names = (
            ", ".join(
                f"gated {record.name}" if gated else record.name
                for (record, _), gated in zip(self.layers, self.gated, strict=True)
            )
            or "none"
        )
        return (
            f"MLP(sizes={self.sizes}, activations=[{names}], loss={self.loss_name!r}, "
            f"init={self.init!r}, distribution={self.distribution!r}, "
            f"dtype={self.dtype.name!r}, seed={self.seed})"
        )

    # -- data checks ----------------------------------------------------------------------
    def _inputs(self, x: Any, name: str = "x") -> np.ndarray:
        x = np.asarray(x)
        if x.dtype.kind not in "biuf":
            raise ValueError(f"parameter {name!r} must be real numbers, got dtype {x.dtype}")
        if x.ndim != 2 or x.shape[1] != self.sizes[0]:
            raise ValueError(
                f"parameter {name!r} must have shape (n, {self.sizes[0]}), got {x.shape}"
            )
        if len(x) == 0:
            raise ValueError(
                f"parameter {name!r} must hold at least one sample, got shape {x.shape}"
            )
        x = np.ascontiguousarray(x, dtype=self.dtype)
        if not np.all(np.isfinite(x)):
            raise ValueError(f"parameter {name!r} contains NaN or infinity")
        return x

    def _targets(self, y: Any, n: int, name: str = "y") -> tuple[np.ndarray, np.ndarray | None]:
        """Targets as the loss wants them, and integer labels if there are any.

        Cross-entropy takes labels ``0 .. k-1``. MSE takes labels too (turned into one-hot
        rows, and accuracy is measured) or real targets of shape ``(n, k)`` (or ``(n,)``
        when ``k == 1``), for regression.
        """
        y = np.asarray(y)
        n_out = self.sizes[-1]
        if y.shape[:1] != (n,):
            raise ValueError(f"parameter {name!r} must have {n} rows, got shape {y.shape}")
        if y.ndim == 1 and (y.dtype.kind in "iu" or self.loss_name == "cross_entropy"):
            if y.dtype.kind not in "iu" and not np.all(np.mod(y, 1) == 0):
                raise ValueError(f"parameter {name!r} must hold integer class labels")
            labels = y.astype(np.intp)
            if n and (labels.min() < 0 or labels.max() >= n_out):
                raise ValueError(
                    f"parameter {name!r} must hold labels 0 .. {n_out - 1} "
                    f"(one per output unit), got {labels.min()} .. {labels.max()}"
                )
            if self.loss_name == "cross_entropy":
                return labels, labels
            one_hot = np.zeros((n, n_out), dtype=self.dtype)
            one_hot[np.arange(n), labels] = 1
            return one_hot, labels
        if self.loss_name == "cross_entropy":
            raise ValueError(f"parameter {name!r} must be a 1-D array of class labels")
        targets = y.reshape(n, 1) if (y.ndim == 1 and n_out == 1) else y
        if targets.shape != (n, n_out) or targets.dtype.kind not in "biuf":
            raise ValueError(
                f"parameter {name!r} must be labels of shape ({n},) or real targets of "
                f"shape ({n}, {n_out}), got {y.shape}"
            )
        targets = np.ascontiguousarray(targets, dtype=self.dtype)
        if not np.all(np.isfinite(targets)):
            raise ValueError(f"parameter {name!r} contains NaN or infinity")
        return targets, None

    # -- forward and backward -------------------------------------------------------------
    def _forward(self, x: np.ndarray, buffers: _Buffers | None = None) -> _Cache:
        """Run the network on ``x``, keeping what backpropagation needs.

        With ``buffers`` (training) every layer writes into them through ``out=``;
        without (evaluation, whose results reach the caller) it allocates.
        """
        inputs, pre_activations, gates = [x], [], []
        a = x
        for layer, (w, b, (activation, params), gated) in enumerate(
            zip(self._weights[:-1], self._biases[:-1], self.layers, self.gated, strict=True)
        ):
            z = np.matmul(a, w, out=None if buffers is None else buffers.pre_activations[layer])
            z += b  # in place: one temporary fewer per layer
            out = None if buffers is None else buffers.outputs[layer]
            if gated:
                value, gate = _halves(z)
                opening = activation.function(
                    gate, **params, out=None if buffers is None else buffers.gates[layer]
                )
                a = np.multiply(value, opening, out=out)
            else:
                opening = None
                a = activation.function(z, **params, out=out)
            pre_activations.append(z)
            inputs.append(a)
            gates.append(opening)
        logits = np.matmul(a, self._weights[-1], out=None if buffers is None else buffers.logits)
        logits += self._biases[-1]
        return _Cache(inputs, pre_activations, logits, gates)

    def _loss_and_delta(self, logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
        """The mean loss and its gradient with respect to the logits."""
        n = logits.shape[0]
        if self.loss_name == "cross_entropy":
            # The registry's log-softmax subtracts the maximum first, so nothing overflows
            # and log p is never log(0).
            log_probabilities = log_softmax(logits, axis=1)
            rows = np.arange(n)
            loss = -float(log_probabilities[rows, targets].sum()) / n
            delta = np.exp(log_probabilities, out=log_probabilities)  # softmax probabilities
            delta[rows, targets] -= 1  # minus the one-hot targets
        else:
            delta = logits - targets
            loss = 0.5 * float(np.vdot(delta, delta)) / n
        delta *= delta.dtype.type(1.0 / n)
        return loss, delta

    def _backward(self, cache: _Cache, delta: np.ndarray, buffers: _Buffers) -> None:
        """Fill the flat gradient vector by backpropagating ``delta`` = dLoss/dlogits."""
        for layer in range(len(self._weights) - 1, -1, -1):
            np.matmul(cache.inputs[layer].T, delta, out=self._grad_weights[layer])
            np.sum(delta, axis=0, out=self._grad_biases[layer])
            if layer == 0:
                break  # the input needs no gradient
            hidden = layer - 1
            activation, params = self.layers[hidden]
            slope = buffers.slopes[hidden]
            z = cache.pre_activations[hidden]
            if not self.gated[hidden]:
                delta = np.matmul(delta, self._weights[layer].T, out=buffers.errors[hidden])
                delta *= activation.derivative(z, **params, out=slope)
                continue
            # d/d(value) = delta * f(gate); d/d(gate) = delta * value * f'(gate).
            upstream = np.matmul(delta, self._weights[layer].T, out=slope)
            value, gate = _halves(z)
            split = buffers.errors[hidden]
            to_value, to_gate = _halves(split)
            np.multiply(upstream, cache.gates[hidden], out=to_value)
            np.multiply(upstream, value, out=to_gate)
            to_gate *= activation.derivative(gate, **params, out=upstream)
            delta = split

    def _step_gradients(self, x: np.ndarray, targets: np.ndarray) -> float:
        """One forward and backward pass; leaves the gradients in ``self._grads``.

        Every layer-sized array comes from the buffers kept for this batch size, so the
        minibatches of an epoch reuse the same memory.
        """
        n = len(x)
        buffers = self._buffers.get(n)
        if buffers is None:
            buffers = self._buffers[n] = _Buffers.for_batch(n, self._weights, self.gated)
        cache = self._forward(x, buffers)
        loss, delta = self._loss_and_delta(cache.logits, targets)
        self._backward(cache, delta, buffers)
        return loss

    # -- public evaluation ----------------------------------------------------------------
    def logits(self, x: Any) -> np.ndarray:
        """The outputs before softmax: ``z_L``, shape ``(n, sizes[-1])``.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.

        Returns
        -------
        ndarray
            The logits (for ``loss="mse"``, the predictions themselves).
        """
        return self._forward(self._inputs(x)).logits

    def predict_proba(self, x: Any) -> np.ndarray:
        """Class probabilities, the softmax of the logits.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.

        Returns
        -------
        ndarray, shape (n, sizes[-1])
            Rows summing to 1.
        """
        if self.loss_name != "cross_entropy":
            raise ValueError("predict_proba needs loss='cross_entropy'; use logits()")
        return softmax(self.logits(x), axis=1)

    def predict(self, x: Any) -> np.ndarray:
        """Predicted class labels (the largest output), or the outputs for real targets.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.

        Returns
        -------
        ndarray
            Labels, shape ``(n,)``; for ``loss="mse"`` with one output, the output
            itself, shape ``(n,)``.
        """
        logits = self.logits(x)
        if self.loss_name == "mse" and self.sizes[-1] == 1:
            return logits[:, 0]
        return logits.argmax(axis=1)

    def loss(self, x: Any, y: Any) -> float:
        """The mean loss on ``(x, y)``.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.
        y : array_like
            Labels ``(n,)``, or real targets ``(n, sizes[-1])`` for ``loss="mse"``.

        Returns
        -------
        float
            The loss.
        """
        x = self._inputs(x)
        targets, _ = self._targets(y, len(x))
        return self._loss_and_delta(self._forward(x).logits, targets)[0]

    def evaluate(self, x: Any, y: Any) -> tuple[float, float]:
        """Loss and accuracy on ``(x, y)``.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.
        y : array_like
            Labels ``(n,)``, or real targets for ``loss="mse"``.

        Returns
        -------
        loss : float
            The mean loss.
        accuracy : float
            Fraction of correctly classified samples (NaN for real targets).
        """
        x = self._inputs(x)
        targets, labels = self._targets(y, len(x))
        return self._evaluate(x, targets, labels)

    def _evaluate(self, x, targets, labels) -> tuple[float, float]:
        logits = self._forward(x).logits
        loss = self._loss_and_delta(logits, targets)[0]
        accuracy = math.nan if labels is None else float(np.mean(logits.argmax(1) == labels))
        return loss, accuracy

    def gradients(self, x: Any, y: Any) -> Gradients:
        """The loss on ``(x, y)`` and its gradient for every weight and bias.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            One batch of inputs.
        y : array_like
            Labels ``(n,)``, or real targets for ``loss="mse"``.

        Returns
        -------
        Gradients
            ``loss``, and copies of ``dL/dW_l`` and ``dL/db_l``.
        """
        x = self._inputs(x)
        targets, _ = self._targets(y, len(x))
        loss = self._step_gradients(x, targets)
        return Gradients(
            loss, [g.copy() for g in self._grad_weights], [g.copy() for g in self._grad_biases]
        )

    def gradient_norms(self, x: Any, y: Any) -> np.ndarray:
        r"""Frobenius norm of each layer's weight gradient on ``(x, y)`` as one batch.

        The norms are :math:`\lVert \partial \mathcal{L} / \partial W_l \rVert_F`. In a deep
        sigmoid network they fall by orders of magnitude from the last layer to the first:
        the vanishing gradient.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Inputs.
        y : array_like
            Labels, or real targets for ``loss="mse"``.

        Returns
        -------
        ndarray, shape (len(sizes) - 1,)
            One norm per layer, input layer first.
        """
        gradients = self.gradients(x, y)
        return np.array([np.linalg.norm(g) for g in gradients.weights])

    def dead_units(self, x: Any) -> list[np.ndarray]:
        """Which hidden units are dead on ``x``.

        A unit is dead on a dataset when its activation's derivative is zero at its
        pre-activation for every sample: no gradient reaches its incoming weights. A
        gated unit is dead when both of its paths are shut on every sample, the gate
        ``f(z) = 0`` (nothing reaches the value's weights) and ``u f'(z) = 0`` (nothing
        reaches the gate's): a ReGLU unit whose gate input is ``<= 0`` everywhere. In
        the first hidden layer, whose inputs are the fixed data, gradient descent can
        then never revive it; a deeper unit can still be revived by changes in the
        layers below it. For ReLU this is "pre-activation <= 0 on every sample"; a
        leaky ReLU unit is never dead; a sigmoid unit only when its derivative
        underflows to exactly zero.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            The samples, ``n >= 1``.

        Returns
        -------
        list of ndarray of bool
            One mask per hidden layer, shape ``(units,)``.
        """
        x = self._inputs(x)
        if len(x) == 0:
            raise ValueError("parameter 'x' must hold at least one sample")
        cache = self._forward(x)
        masks = []
        for z, opening, (activation, params) in zip(
            cache.pre_activations, cache.gates, self.layers, strict=True
        ):
            if opening is None:
                masks.append(np.all(activation.derivative(z, **params) == 0, axis=0))
                continue
            value, gate = _halves(z)
            shut = (opening == 0) & (value * activation.derivative(gate, **params) == 0)
            masks.append(np.all(shut, axis=0))
        return masks

    def dead_fraction(self, x: Any) -> np.ndarray:
        """Fraction of dead units in each hidden layer on ``x`` (see :meth:`dead_units`).

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            The samples.

        Returns
        -------
        ndarray, shape (len(sizes) - 2,)
            Values in ``[0, 1]``, first hidden layer first.
        """
        return np.array([mask.mean() for mask in self.dead_units(x)], dtype=np.float64)

    # -- training -------------------------------------------------------------------------
    def train_step(self, x: Any, y: Any, *, optimizer: SGD | Adam, state: dict[str, Any]) -> float:
        """One optimiser step on the batch ``(x, y)``, as given (no shuffling).

        Parameters
        ----------
        x, y : array_like
            One minibatch of inputs and labels (or targets).
        optimizer : SGD or Adam
            The update rule.
        state : dict
            ``optimizer.init_state(model.get_parameters())``, carried from step to step.

        Returns
        -------
        float
            The batch loss before the step.
        """
        x = self._inputs(x)
        targets, _ = self._targets(y, len(x))
        loss = self._step_gradients(x, targets)
        _optimizer(optimizer).step(self._params, self._grads, state)
        return loss

    def train_epoch(
        self, x: Any, y: Any, *, optimizer: SGD | Adam, state: dict[str, Any], batch_size: int
    ) -> float:
        """One pass over shuffled minibatches of ``(x, y)``, updating the parameters.

        Parameters
        ----------
        x, y : array_like
            Training inputs and labels (or targets).
        optimizer : SGD or Adam
            The update rule.
        state : dict
            ``optimizer.init_state(...)``, carried from epoch to epoch.
        batch_size : int
            Samples per step; the last batch of the epoch may be smaller.

        Returns
        -------
        float
            Mean of the minibatch losses, weighted by batch size.
        """
        x = self._inputs(x)
        targets, _ = self._targets(y, len(x))
        batch_size = integer("batch_size", batch_size, 1)
        return self._train_epoch(x, targets, _optimizer(optimizer), state, batch_size, None)

    def _train_epoch(self, x, targets, optimizer, state, batch_size, norms) -> float:
        n = len(x)
        # Permuting once per epoch and slicing contiguous blocks is faster than gathering
        # each minibatch with fancy indexing, and visits the same samples.
        order = self._shuffle_rng.permutation(n)
        x, targets = x[order], targets[order]
        total = 0.0
        for start in range(0, n, batch_size):
            stop = min(start + batch_size, n)
            loss = self._step_gradients(x[start:stop], targets[start:stop])
            total += loss * (stop - start)
            if norms is not None:
                norms += [math.sqrt(float(np.vdot(g, g))) for g in self._grad_weights]
            optimizer.step(self._params, self._grads, state)
        if norms is not None:
            norms /= math.ceil(n / batch_size)
        return total / n

    def fit(
        self,
        x: Any,
        y: Any,
        *,
        epochs: int = 100,
        batch_size: int = 32,
        optimizer: SGD | Adam | None = None,
        x_test: Any = None,
        y_test: Any = None,
        snapshot_epochs: Iterable[int] = (),
        track_gradient_norms: bool = False,
        on_divergence: str = "raise",
    ) -> History:
        """Train by minibatch gradient descent and record the learning curves.

        Each epoch shuffles the training set (with the model's own generator), takes one
        optimiser step per minibatch, then evaluates on the whole training set and, if
        given, the test set. The optimiser's state (momentum, Adam's moments) starts
        fresh in every call.

        Parameters
        ----------
        x : array_like, shape (n, sizes[0])
            Training inputs.
        y : array_like
            Labels ``0 .. sizes[-1] - 1``, or real targets for ``loss="mse"``.
        epochs : int
            Passes over the training set, ``>= 0``.
        batch_size : int
            Samples per step, ``>= 1``; ``len(x)`` gives full-batch gradient descent.
        optimizer : SGD or Adam, optional
            The update rule; ``Adam()`` (learning rate 0.001) if omitted.
        x_test, y_test : array_like, optional
            A held-out set, evaluated after every epoch.
        snapshot_epochs : iterable of int
            Epochs after which to copy the parameters into ``history.snapshots``; 0
            means the initial parameters. Each must lie in ``[0, epochs]``.
        track_gradient_norms : bool
            Record each layer's mean weight-gradient norm per epoch.
        on_divergence : {"raise", "continue"}
            What to do when training diverges: the training loss is NaN or infinite (an
            activation that returns NaN), or a million times that of the untrained
            network or of 1, whichever is larger (a step size too large): ``"raise"``
            stops with a
            ``FloatingPointError`` that says when and what to change; ``"continue"`` keeps
            training and records the NaN or infinite losses, for chapters that show a
            failure on purpose (wrap the call in ``np.errstate`` to silence numpy).

        Returns
        -------
        History
            The learning curves and snapshots.

        Raises
        ------
        FloatingPointError
            If the loss diverges and ``on_divergence="raise"``.
        """
        x = self._inputs(x)
        targets, labels = self._targets(y, len(x))
        epochs = integer("epochs", epochs, 0)
        on_divergence = choice("on_divergence", on_divergence, ("raise", "continue"))
        track_gradient_norms = boolean("track_gradient_norms", track_gradient_norms)
        batch_size = integer("batch_size", batch_size, 1)
        optimizer = Adam() if optimizer is None else _optimizer(optimizer)
        if (x_test is None) != (y_test is None):
            raise ValueError("parameters 'x_test' and 'y_test' must be given together")
        if x_test is not None:
            x_test = self._inputs(x_test, "x_test")
            test_targets, test_labels = self._targets(y_test, len(x_test), "y_test")
        snapshots = sorted({integer("snapshot_epochs", e, 0) for e in snapshot_epochs})
        if snapshots and snapshots[-1] > epochs:
            raise ValueError(
                f"parameter 'snapshot_epochs' must lie in [0, {epochs}], got {snapshots[-1]}"
            )

        history = History()
        if 0 in snapshots:
            history.snapshots[0] = self.get_parameters()
        # A loss a million times that of the untrained network (or of 1, if that is
        # smaller) is not a slow start: no run that converges passes through it.
        explosion = _DIVERGENCE_FACTOR * max(1.0, self._evaluate(x, targets, labels)[0])
        state = optimizer.init_state(self._params)
        for epoch in range(1, epochs + 1):
            norms = np.zeros(len(self._weights)) if track_gradient_norms else None
            loss = self._train_epoch(x, targets, optimizer, state, batch_size, norms)
            train_loss, train_accuracy = self._evaluate(x, targets, labels)
            if on_divergence == "raise" and not abs(train_loss) <= explosion:
                raise FloatingPointError(
                    f"training diverged in epoch {epoch}: the loss is {train_loss:g} (NaN, or "
                    f"more than {_DIVERGENCE_FACTOR:g} times the untrained network's). Lower the "
                    f"optimizer's learning_rate (now {optimizer.learning_rate:g}), or pass "
                    "on_divergence='continue' to keep training and record the losses"
                )
            test_loss = test_accuracy = math.nan
            if x_test is not None:
                test_loss, test_accuracy = self._evaluate(x_test, test_targets, test_labels)
            history.epoch.append(epoch)
            history.loss.append(loss)
            history.train_loss.append(train_loss)
            history.train_accuracy.append(train_accuracy)
            history.test_loss.append(test_loss)
            history.test_accuracy.append(test_accuracy)
            if norms is not None:
                history.gradient_norms.append(norms)
            if epoch in snapshots:
                history.snapshots[epoch] = self.get_parameters()
        return history
