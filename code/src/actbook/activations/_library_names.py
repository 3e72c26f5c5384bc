"""What each registered activation is called in PyTorch, JAX, Keras and elsewhere.

The same function goes by several names (SiLU is ``swish`` in JAX, Keras and Hugging Face
Transformers; PyTorch's ``Hardswish`` is Keras's ``hard_silu``), and a name can hide a
different function: ``gelu`` is the exact GELU in PyTorch and Keras but the tanh
approximation by default in JAX. The atlas prints these names; the library conventions
chapter compares the parameters and the values at kinks.

Sources, checked against each library's API reference:

* PyTorch 2.13: ``torch.nn`` modules (``torch.nn.functional`` has functional forms of
  most) and ``torch`` functions, https://pytorch.org/docs/stable/nn.html;
* JAX: ``jax.nn``, https://docs.jax.dev/en/latest/jax.nn.html, and ``jax.numpy`` for
  the plain mathematical functions (``exp``, ``sin``, ``arctan``, ``sinc``);
* Keras 3: ``keras.activations``, https://keras.io/api/layers/activations/, and
  ``keras.ops`` where ``keras.activations`` has no such function (``tf_keras`` is the
  legacy Keras 2 package, whose ``hard_sigmoid`` Keras 3 changed);
* Hugging Face Transformers: the keys of ``ACT2CLS`` (read through ``ACT2FN``) in
  ``transformers/activations.py``. It has no hard swish.

A name is listed only when the library's function is the registry's function at the
registry's default parameters. Where the library's own default differs, the argument that
makes them equal is written out: ``jax.nn.gelu(approximate=False)`` is the exact GELU,
``keras.activations.leaky_relu(negative_slope=0.01)`` the registry's leaky ReLU (Keras's
default slope is 0.2), and Keras's ``PReLU`` starts from slope 0 unless given the
initialiser written here. The library conventions chapter compares the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._registry import get, names

__all__ = ["LibraryNames", "library_names"]


@dataclass(frozen=True)
class LibraryNames:
    """One activation's names in the libraries readers use.

    Parameters
    ----------
    pytorch, jax, keras : tuple of str
        Qualified names (``"nn.SiLU"``, ``"jax.nn.silu"``, ``"keras.activations.silu"``);
        empty when the library has no such function.
    elsewhere : tuple of str
        Other names: Hugging Face Transformers keys and names used in papers.
    """

    pytorch: tuple[str, ...] = ()
    jax: tuple[str, ...] = ()
    keras: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        """Every name, PyTorch's first."""
        return self.pytorch + self.jax + self.keras + self.elsewhere


def _names(pytorch: str = "", jax: str = "", keras: str = "", elsewhere: str = "") -> LibraryNames:
    """Names given as comma-separated strings, which keeps the table below readable."""

    def split(text: str) -> tuple[str, ...]:
        # Split at commas outside brackets: "nn.Threshold(1, 0)" is one name.
        parts, depth, current = [], 0, ""
        for char in text:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == "," and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += char
        parts.append(current)
        return tuple(part.strip() for part in parts if part.strip())

    return LibraryNames(split(pytorch), split(jax), split(keras), split(elsewhere))


_K = "keras.activations."

#: Registry name -> names in libraries. Every registered activation has an entry, empty
#: where no library has it (a test checks both ways).
_LIBRARY_NAMES: dict[str, LibraryNames] = {
    "identity": _names("nn.Identity", "jax.nn.identity", f"{_K}linear", "HF linear"),
    "step": _names("torch.heaviside(x, torch.tensor(1.0))", elsewhere="Heaviside step, unit step"),
    "sigmoid": _names(
        "nn.Sigmoid, torch.sigmoid", "jax.nn.sigmoid", f"{_K}sigmoid", "logistic, HF sigmoid"
    ),
    "tanh": _names("nn.Tanh", "jax.nn.tanh", f"{_K}tanh", "HF tanh"),
    "lecun_tanh": _names(elsewhere="scaled tanh (LeCun et al. 1998)"),
    "log_sigmoid": _names("nn.LogSigmoid", "jax.nn.log_sigmoid", f"{_K}log_sigmoid"),
    "arctan": _names("torch.atan", "jax.numpy.arctan", "keras.ops.arctan", elsewhere="arctangent"),
    "softsign": _names("nn.Softsign", "jax.nn.soft_sign", f"{_K}softsign"),
    "isru": _names(),
    "relu": _names("nn.ReLU", "jax.nn.relu", f"{_K}relu", "rectifier, HF relu"),
    "leaky_relu": _names(
        "nn.LeakyReLU",
        "jax.nn.leaky_relu",
        f"{_K}leaky_relu(negative_slope=0.01)",
        "HF leaky_relu",
    ),
    "prelu": _names(
        "nn.PReLU",
        keras="keras.layers.PReLU(alpha_initializer=Constant(0.25))",
        elsewhere="HF prelu",
    ),
    "rrelu": _names("nn.RReLU (eval mode)"),
    "relu6": _names("nn.ReLU6", "jax.nn.relu6", f"{_K}relu6", "HF relu6"),
    "hard_tanh": _names("nn.Hardtanh", "jax.nn.hard_tanh", f"{_K}hard_tanh"),
    "squared_relu": _names(elsewhere="HF relu2, ReLU²"),
    "threshold": _names("nn.Threshold(1, 0)", keras=f"{_K}threshold(x, 1, 0)"),
    "sparse_sigmoid": _names(jax="jax.nn.sparse_sigmoid", keras=f"{_K}sparse_sigmoid"),
    "sparse_plus": _names(jax="jax.nn.sparse_plus", keras=f"{_K}sparse_plus"),
    "exponential": _names("torch.exp", "jax.numpy.exp", f"{_K}exponential"),
    "elu": _names("nn.ELU", "jax.nn.elu", f"{_K}elu"),
    "selu": _names("nn.SELU", "jax.nn.selu", f"{_K}selu"),
    "celu": _names("nn.CELU", "jax.nn.celu", f"{_K}celu"),
    "gelu": _names(
        "nn.GELU", "jax.nn.gelu(approximate=False)", f"{_K}gelu", "HF gelu, gelu_python"
    ),
    "gelu_tanh": _names(
        "nn.GELU(approximate='tanh')",
        "jax.nn.gelu",
        f"{_K}gelu(approximate=True)",
        "HF gelu_new, gelu_fast, gelu_pytorch_tanh, gelu_python_tanh",
    ),
    "quick_gelu": _names(elsewhere="HF quick_gelu (CLIP)"),
    "silu": _names(
        "nn.SiLU",
        "jax.nn.silu, jax.nn.swish",
        f"{_K}silu, {_K}swish",
        "swish, SiL, HF silu, HF swish",
    ),
    "mish": _names("nn.Mish", "jax.nn.mish", f"{_K}mish", "HF mish"),
    "softplus": _names("nn.Softplus", "jax.nn.softplus", f"{_K}softplus"),
    "squareplus": _names(jax="jax.nn.squareplus", keras=f"{_K}squareplus"),
    "bent_identity": _names(),
    "hard_sigmoid": _names("nn.Hardsigmoid", "jax.nn.hard_sigmoid", f"{_K}hard_sigmoid"),
    "hard_sigmoid_legacy": _names(keras="tf_keras.activations.hard_sigmoid (Keras 2)"),
    "hard_swish": _names(
        "nn.Hardswish",
        "jax.nn.hard_silu, jax.nn.hard_swish",
        f"{_K}hard_silu, {_K}hard_swish",
        "hard SiLU",
    ),
    "tanhshrink": _names("nn.Tanhshrink", keras=f"{_K}tanh_shrink"),
    "softshrink": _names("nn.Softshrink", keras=f"{_K}soft_shrink"),
    "hardshrink": _names("nn.Hardshrink", keras=f"{_K}hard_shrink"),
    "gaussian": _names(elsewhere="radial basis"),
    "sinc": _names("torch.sinc", "jax.numpy.sinc"),
    "sine": _names("torch.sin", "jax.numpy.sin", "keras.ops.sin", elsewhere="SIREN"),
    "softmax": _names("nn.Softmax", "jax.nn.softmax", f"{_K}softmax"),
    "log_softmax": _names("nn.LogSoftmax", "jax.nn.log_softmax", f"{_K}log_softmax"),
    "softmin": _names("nn.Softmin"),
    "sparsemax": _names(keras=f"{_K}sparsemax"),
    "glu": _names("nn.GLU", "jax.nn.glu", f"{_K}glu"),
    "swiglu": _names(elsewhere="SwiGLU feed-forward (PaLM, LLaMA)"),
    "geglu": _names(),
    "reglu": _names(),
    "bilinear": _names(),
    "maxout": _names(),
}


def library_names(activation: str) -> LibraryNames:
    """The library names of a registered activation.

    Parameters
    ----------
    activation : str or Activation
        Registry name or record.

    Returns
    -------
    LibraryNames

    Raises
    ------
    ValueError
        If the activation is not registered, or registered without an entry here.
    """
    name = get(activation).name
    try:
        return _LIBRARY_NAMES[name]
    except KeyError:
        raise ValueError(
            f"activation {name!r} has no entry in actbook.activations._library_names; "
            "add its library names (empty where no library has it)"
        ) from None


def _unregistered_entries() -> list[str]:
    """Entries whose name is not registered (a stale entry after a rename)."""
    return sorted(set(_LIBRARY_NAMES) - set(names()))
