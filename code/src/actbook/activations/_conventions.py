"""Where libraries disagree: kink derivatives, default parameters, variant definitions.

Each row of :func:`conventions_table` compares the package with PyTorch, JAX and Keras on
one point. The package's column is *computed* by calling the registered activation
when the table is built, never typed, so the table cannot drift from the code; an
activation that is not registered shows as such. The other columns are claims about
the libraries with their sources:

* PyTorch numbers were measured with torch 2.13 (CPU, float64, autograd) by
  ``scripts/torch_reference.py``; they are stored in
  ``code/tests/activations/data/torch_reference.json`` and a test compares this table with them.
* JAX claims are read from ``jax/_src/nn/functions.py`` (``jax.nn``): ``relu`` and
  ``relu6`` have custom JVPs that are 0 at their kinks; most other functions are
  ``jnp.where`` expressions, whose gradient at the switch point is the gradient of
  the branch the condition selects there; ``jnp.clip`` (in ``sparse_sigmoid``) is a
  ``max`` and a ``min``, whose JVPs give each argument half the gradient at a tie
  (``jax/_src/lax/lax.py``).
* Keras claims come from the Keras / ``tf.keras`` API documentation; Keras 3 delegates
  derivatives to its backend, so kink values are given for the TensorFlow backend.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._checks import records
from ._registry import Activation, get

__all__ = ["Convention", "conventions", "conventions_markdown", "conventions_table"]

_JAX_SOURCE = "jax/_src/nn/functions.py (jax.nn)"
_TF_SOURCE = (
    "tensorflow/core/kernels/relu_op_functor.h (ReluGrad, Relu6Grad, LeakyReluGrad, SeluGrad)"
)
_KERAS_LEAKY_LAYER = "https://keras.io/api/layers/activation_layers/leaky_relu/"
_TF_KERAS_LEAKY_LAYER = (
    "https://www.tensorflow.org/versions/r2.14/api_docs/python/tf/keras/layers/LeakyReLU"
)
_KERAS_LEAKY_FUNCTION = "https://www.tensorflow.org/api_docs/python/tf/keras/activations/leaky_relu"
_JAX_GELU = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.gelu.html"
_KERAS_GELU = "https://www.tensorflow.org/versions/r2.15/api_docs/python/tf/keras/activations/gelu"
_KERAS_OPS_GELU = "https://www.tensorflow.org/api_docs/python/tf/keras/ops/gelu"
_TORCH_SILU = "https://docs.pytorch.org/docs/stable/generated/torch.nn.functional.silu.html"
_JAX_SWISH = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.swish.html"
_KERAS_SILU = "https://www.tensorflow.org/api_docs/python/tf/keras/activations/silu"
_TF_SILU = "https://www.tensorflow.org/api_docs/python/tf/nn/silu"
_OLD_KERAS_HARD_SIGMOID = (
    "https://www.tensorflow.org/versions/r2.13/api_docs/python/tf/keras/activations/hard_sigmoid"
)
_KERAS_HARD_SIGMOID = "https://www.tensorflow.org/api_docs/python/tf/keras/activations/hard_sigmoid"
_JAX_HARD_SIGMOID = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.hard_sigmoid.html"
#: The PyTorch release every PyTorch cell was measured with (scripts/torch_reference.py).
TORCH_CHECKED_VERSION = "2.13.0"
_TORCH_MEASURED = f"measured: scripts/torch_reference.py (torch {TORCH_CHECKED_VERSION}, autograd)"
_TORCH_HARDSWISH_CHANGE = (
    "https://github.com/pytorch/pytorch/issues/147801 (hard-swish gradients -0.5 at -3 and "
    "1.5 at 3 in torch 2.6.0) and the fix, https://github.com/pytorch/pytorch/pull/148049"
)
_JAX_TIES = "jax/_src/lax/lax.py (the JVPs of max_p and min_p: _balanced_eq halves a tie)"
_KERAS_SPARSE_SIGMOID = (
    "keras/src/backend/{tensorflow,torch,jax}/nn.py (sparse_sigmoid), Keras 3.16"
)


@dataclass(frozen=True)
class Convention:
    """One point on which activation libraries may disagree.

    Parameters
    ----------
    what : str
        The question, e.g. ``"ReLU'(0)"``.
    names : tuple of str
        Registry names that may hold the activation, tried in order (the first
        registered one is used).
    ours : callable
        ``ours(activation) -> (text, values)``: computes the package's answer by calling
        the activation. ``values`` are the numbers behind the text (or ``()``).
    pytorch, jax, keras : str
        What each library does.
    note : str
        Why it matters or how to reconcile.
    sources : tuple of str
        Where the library claims come from.
    torch_key : str, optional
        Key of the measured PyTorch values in ``torch_reference.json`` (``conventions``).
    torch_values : tuple of float
        The numbers the PyTorch column states, checked against that file; they are the
        same quantity that ``ours`` returns as its values.
    torch_quantity : str
        Which measured quantity ``torch_values`` are: ``"derivative"`` at the recorded
        points, or ``"value_minus_x"`` (``f(x) - x``, for cut-offs).
    """

    what: str
    names: tuple[str, ...]
    ours: Callable[[Activation], tuple[str, tuple[float, ...]]]
    pytorch: str
    jax: str
    keras: str
    note: str = ""
    sources: tuple[str, ...] = ()
    torch_key: str | None = None
    torch_values: tuple[float, ...] = field(default_factory=tuple)
    torch_quantity: str = "derivative"

    def activation(self) -> Activation | None:
        """The first registered activation among :attr:`names`, or ``None``."""
        for name in self.names:
            try:
                return get(name)
            except ValueError:
                continue
        return None


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    text = str(int(value)) if float(value).is_integer() else f"{value:.6g}"
    return text.replace("-", "−")  # typographic minus, as in the library columns


def _derivatives_at(points: Sequence[float], **params: float):
    """``ours`` for a kink row: the package's derivative at ``points``."""

    def ours(activation: Activation) -> tuple[str, tuple[float, ...]]:
        usable = {k: v for k, v in params.items() if k in activation.defaults}
        # 1-element arrays, not scalars: the result is indexed, whatever 0-d inputs give.
        values = tuple(float(v) for v in activation.grad(np.array(points, float), **usable))
        if len(points) == 1:
            return _fmt(values[0]), values
        text = ", ".join(f"{_fmt(v)} at {_fmt(p)}" for p, v in zip(points, values, strict=True))
        return text, values

    return ours


def _elu_at_zero(activation: Activation) -> tuple[str, tuple[float, ...]]:
    """ELU'(0) at alpha = 0.5, where the one-sided slopes (alpha and 1) differ."""
    name = next((p.name for p in activation.parameters if p.name in {"alpha", "a"}), None)
    if name is None:
        return "no alpha parameter", ()
    value = float(activation.grad(np.zeros(1), **{name: 0.5})[0])
    side = "left slope α" if value == 0.5 else "right slope 1" if value == 1 else "neither"
    return f"{_fmt(value)} ({side})", (value,)


def _default_of(parameter: str) -> Callable[[Activation], tuple[str, tuple[float, ...]]]:
    def ours(activation: Activation) -> tuple[str, tuple[float, ...]]:
        value = float(activation.defaults[parameter])
        return _fmt(value), (value,)

    return ours


def _gelu_form(activation: Activation) -> tuple[str, tuple[float, ...]]:
    """Which GELU the package's default is, decided by evaluating it at x = 1."""
    ours = float(activation(np.ones(1))[0])
    exact = 0.5 * (1 + math.erf(1 / math.sqrt(2)))
    tanh_form = 0.5 * (1 + math.tanh(math.sqrt(2 / math.pi) * (1 + 0.044715)))
    if math.isclose(ours, exact, rel_tol=1e-12):
        return "exact erf form", (ours,)
    if math.isclose(ours, tanh_form, rel_tol=1e-12):
        return "tanh approximation", (ours,)
    return f"neither form (gelu(1) = {ours:.10g})", (ours,)


def _hard_sigmoid_form(activation: Activation) -> tuple[str, tuple[float, ...]]:
    """Which hard sigmoid the package implements, from its slope and saturation points."""
    x = np.array([-3.0, -2.5, 0.0, 1.0, 2.5, 3.0])
    values = tuple(float(v) for v in activation(x))
    slope = values[3] - values[2]
    if math.isclose(slope, 1 / 6, rel_tol=1e-12) and values[0] == 0 and values[5] == 1:
        return "relu6(x + 3) / 6 (slope 1/6, flat beyond ±3)", values
    if math.isclose(slope, 0.2, rel_tol=1e-12) and values[1] == 0 and values[4] == 1:
        return "clip(0.2 x + 0.5, 0, 1) (slope 0.2, flat beyond ±2.5)", values
    return f"other (slope {slope:.4g} at 0)", values


def _softplus_tail(activation: Activation) -> tuple[str, tuple[float, ...]]:
    """softplus(25) - 25: exact log(1 + e^x) leaves e^-25 ≈ 1.4e-11; a cut-off leaves 0."""
    excess = float(activation(np.array([25.0]))[0]) - 25.0
    if excess == 0:
        return "returns x (cut-off)", (excess,)
    return f"exact: f(25) − 25 = {excess:.2g}", (excess,)


def conventions() -> list[Convention]:
    """The rows, in the order the book shows them (built fresh on each call)."""
    return [
        Convention(
            what="ReLU′(0)",
            names=("relu",),
            ours=_derivatives_at([0.0]),
            pytorch="0",
            jax="0 (custom JVP)",
            keras="0 (TensorFlow: gradient masked by x > 0)",
            note="Any value in [0, 1] is a valid subgradient; all major libraries pick 0.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _TF_SOURCE),
            torch_key="relu",
            torch_values=(0.0,),
        ),
        Convention(
            what="ReLU6′ at 0 and 6",
            names=("relu6",),
            ours=_derivatives_at([0.0, 6.0]),
            pytorch="0 at 0, 0 at 6",
            jax="0 at 0, 0 at 6 (custom JVP, nonzero only for 0 < x < 6)",
            keras="0 at 0, 0 at 6 (TensorFlow's Relu6Grad)",
            note="Both kinks take the flat side.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _TF_SOURCE),
            torch_key="relu6",
            torch_values=(0.0, 0.0),
        ),
        Convention(
            what="Leaky ReLU′(0), slope α = 0.01",
            names=("leaky_relu",),
            ours=_derivatives_at([0.0], negative_slope=0.01),
            pytorch="α = 0.01",
            jax="1 (jnp.where(x >= 0, x, αx) routes x = 0 to the identity branch)",
            keras="α (TensorFlow's LeakyReluGrad uses x > 0)",
            note="JAX disagrees with PyTorch and TensorFlow here.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _TF_SOURCE),
            torch_key="leaky_relu",
            torch_values=(0.01,),
        ),
        Convention(
            what="ELU′(0) with α = 0.5",
            names=("elu",),
            ours=_elu_at_zero,
            pytorch="α = 0.5 (x ≤ 0 branch)",
            jax="α (the expm1 branch is selected for x ≤ 0)",
            keras="backend-dependent",
            note="With the default α = 1 both sides agree and ELU is C¹.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE),
            torch_key="elu_alpha_0.5",
            torch_values=(0.5,),
        ),
        Convention(
            what="SELU′(0)",
            names=("selu",),
            ours=_derivatives_at([0.0]),
            pytorch="λα ≈ 1.7581 (x ≤ 0 branch)",
            jax="λα ≈ 1.7581 (λ · elu(x, α), expm1 branch at 0)",
            keras="λ ≈ 1.0507 (TensorFlow's SeluGrad selects the left branch only below 0)",
            note="The one-sided slopes differ by a factor α ≈ 1.67; TensorFlow takes the right.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _TF_SOURCE),
            torch_key="selu",
            torch_values=(1.0507009873554805 * 1.6732632423543772,),
        ),
        Convention(
            what="Hard sigmoid′ at −3 and 3",
            names=("hard_sigmoid", "hardsigmoid"),
            ours=_derivatives_at([-3.0, 3.0]),
            pytorch="0 at −3, 0 at 3",
            jax="0 at −3, 0 at 3 (through relu6's JVP)",
            keras="backend-dependent",
            note="Both kinks take the flat side.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE),
            torch_key="hard_sigmoid",
            torch_values=(0.0, 0.0),
        ),
        Convention(
            what="Hard swish′ at −3 and 3",
            names=("hard_swish", "hardswish", "hard_silu"),
            ours=_derivatives_at([-3.0, 3.0]),
            pytorch="0 at −3, 1 at 3",
            jax="0 at −3, 1 at 3 (x · hard_sigmoid(x), product rule)",
            keras="backend-dependent",
            note=(
                "The one-sided slopes are 0 | −0.5 at −3 and 1.5 | 1 at 3; "
                f"libraries take the outer (flat or linear) side. PyTorch {TORCH_CHECKED_VERSION} "
                "does; releases before a 2025 fix (2.6.0, for example) took the inner "
                "side, −0.5 and 1.5."
            ),
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _TORCH_HARDSWISH_CHANGE),
            torch_key="hard_swish",
            torch_values=(0.0, 1.0),
        ),
        Convention(
            what="Hardtanh′ at −1 and 1",
            names=("hardtanh", "hard_tanh"),
            ours=_derivatives_at([-1.0, 1.0]),
            pytorch="0 at −1, 0 at 1",
            jax="1 at −1, 1 at 1 (jnp.where selects the identity branch at ±1)",
            keras="—",
            note="JAX disagrees with PyTorch at both kinks.",
            sources=(_TORCH_MEASURED, _JAX_SOURCE),
            torch_key="hardtanh",
            torch_values=(0.0, 0.0),
        ),
        Convention(
            what="Sparse sigmoid′ at −1 and 1",
            names=("sparse_sigmoid",),
            ours=_derivatives_at([-1.0, 1.0]),
            pytorch=(
                "not provided; (F.hardtanh(x) + 1) / 2, the same function, gives 0 at −1, 0 at 1"
            ),
            jax=(
                "0.25 at −1, 0.25 at 1 (0.5 · clip(x + 1, 0, 2): max and min give each side "
                "half the gradient at a tie)"
            ),
            keras=(
                "backend-dependent: 0 at both with the TensorFlow and PyTorch backends "
                "(nested where), 0.25 with the JAX backend (jax.nn.sparse_sigmoid)"
            ),
            note=(
                "The one-sided slopes are 0 and 1/2 at both kinks: JAX takes their mean, "
                "the others the flat side."
            ),
            sources=(_TORCH_MEASURED, _JAX_SOURCE, _JAX_TIES, _KERAS_SPARSE_SIGMOID),
            torch_key="sparse_sigmoid",
            torch_values=(0.0, 0.0),
        ),
        Convention(
            what="Default negative slope of leaky ReLU",
            names=("leaky_relu",),
            ours=_default_of("negative_slope"),
            pytorch="0.01 (nn.LeakyReLU, F.leaky_relu)",
            jax="0.01 (jax.nn.leaky_relu)",
            keras=(
                "0.3 for the layer (tf.keras LeakyReLU(alpha=0.3); Keras 3 "
                "LeakyReLU(negative_slope=0.3)); 0.2 for keras.activations.leaky_relu"
            ),
            note="Porting a Keras model to PyTorch silently changes the slope 30-fold.",
            sources=(_KERAS_LEAKY_LAYER, _TF_KERAS_LEAKY_LAYER, _KERAS_LEAKY_FUNCTION),
        ),
        Convention(
            what="GELU by default",
            names=("gelu",),
            ours=_gelu_form,
            pytorch="exact erf form (approximate='none')",
            jax="tanh approximation (jax.nn.gelu(approximate=True))",
            keras=(
                "exact for keras.activations.gelu (approximate=False); tanh approximation "
                "for keras.ops.gelu (approximate=True)"
            ),
            note="The two forms differ by up to ~5e-4 in value: enough to break bit-level ports.",
            sources=(_TORCH_MEASURED, _JAX_GELU, _KERAS_GELU, _KERAS_OPS_GELU),
            torch_key="gelu",
        ),
        Convention(
            what="SiLU / swish β",
            names=("silu",),
            ours=_default_of("beta"),
            pytorch="1, fixed (F.silu, nn.SiLU: x σ(x))",
            jax="1, fixed (jax.nn.silu, alias jax.nn.swish)",
            keras=(
                "1, fixed for keras.activations.silu (alias swish); "
                "tf.nn.silu(features, beta=1.0) takes β"
            ),
            note="Any other β, or a trained one, needs x * sigmoid(beta * x) written out.",
            sources=(_TORCH_SILU, _JAX_SWISH, _KERAS_SILU, _TF_SILU),
        ),
        Convention(
            what="Hard sigmoid definition",
            names=("hard_sigmoid", "hardsigmoid"),
            ours=_hard_sigmoid_form,
            pytorch="relu6(x + 3) / 6",
            jax="relu6(x + 3) / 6",
            keras=(
                "tf.keras ≤ 2.x: clip(0.2 x + 0.5, 0, 1), flat beyond ±2.5; "
                "Keras 3: x / 6 + 0.5 clipped, i.e. relu6(x + 3) / 6"
            ),
            note="Old Keras models use the steeper 0.2 slope.",
            sources=(
                _TORCH_MEASURED,
                _JAX_HARD_SIGMOID,
                _OLD_KERAS_HARD_SIGMOID,
                _KERAS_HARD_SIGMOID,
            ),
            torch_key="hard_sigmoid",
        ),
        Convention(
            what="Legacy Keras hard sigmoid",
            names=("hard_sigmoid_legacy",),
            ours=_hard_sigmoid_form,
            pytorch="not provided",
            jax="not provided",
            keras="tf.keras ≤ 2.x keras.activations.hard_sigmoid",
            note="Kept so that old Keras models can be reproduced exactly.",
            sources=(_OLD_KERAS_HARD_SIGMOID,),
        ),
        Convention(
            what="Softplus for large x",
            names=("softplus",),
            ours=_softplus_tail,
            pytorch="returns x when βx > threshold = 20 (derivative exactly 1)",
            jax="exact (jnp.logaddexp(x, 0))",
            keras="backend-dependent",
            note=(
                "The cut-off changes values by < e^-20/β (2.1e-9 at β = 1), a relative "
                "change < e^-20/20 = 1e-10 for any β: invisible in float32, not in float64."
            ),
            sources=(_TORCH_MEASURED, _JAX_SOURCE),
            torch_key="softplus",
            torch_values=(0.0,),
            torch_quantity="value_minus_x",
        ),
    ]


def conventions_table() -> list[dict[str, Any]]:
    """The conventions as rows, with the package's column computed now.

    Returns
    -------
    list of dict
        Keys ``what, activation, ours, ours_values, pytorch, jax, keras, note,
        sources``. ``activation`` is the registry name used (``None`` if none of the
        candidate names is registered, in which case ``ours`` says so).
    """
    rows = []
    for convention in conventions():
        activation = convention.activation()
        if activation is None:
            ours, values = "not in the package", ()
        else:
            ours, values = convention.ours(activation)
        rows.append(
            {
                "what": convention.what,
                "activation": None if activation is None else activation.name,
                "ours": ours,
                "ours_values": values,
                "pytorch": convention.pytorch,
                "jax": convention.jax,
                "keras": convention.keras,
                "note": convention.note,
                "sources": convention.sources,
            }
        )
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def conventions_markdown(rows: list[dict[str, Any]] | None = None) -> str:
    """The conventions table as Markdown, followed by its numbered sources.

    Parameters
    ----------
    rows : list of dict, optional
        Output of :func:`conventions_table`; computed now if omitted.

    Returns
    -------
    str
        A pipe table (What, actbook, PyTorch with the version measured, JAX, Keras,
        Note) and a source list.
    """
    rows = conventions_table() if rows is None else records("rows", rows, ("what",))
    sources: list[str] = []
    lines = [
        f"| What | actbook | PyTorch {TORCH_CHECKED_VERSION} | JAX | Keras | Note |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        marks = []
        for source in row["sources"]:
            if source not in sources:
                sources.append(source)
            marks.append(str(sources.index(source) + 1))
        note = row["note"] + (f" [{', '.join(marks)}]" if marks else "")
        cells = (row["what"], row["ours"], row["pytorch"], row["jax"], row["keras"], note)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    lines.extend(f"{i}. {source}" for i, source in enumerate(sources, start=1))
    return "\n".join(lines)
