"""The registered activations.

Each entry ties a numpy implementation (``_elementwise``, ``_vector``) to its SymPy
definition, parameters, declared properties and bibliography keys (``references.bib`` at
the book's root). Importing this module registers the entries; it changes nothing else.

Declared properties (the same keys for every entry, for the default parameters; for
activations that are not elementwise, of the plotted 1-D slice):

``range``
    ``(inf, sup)`` of the values; an end that is only approached is still listed.
``monotonic``
    The function never changes direction (softmin's slice falls; all others rise).
``zero_centred``
    The function is odd, ``f(-x) = -f(x)``: symmetric inputs give zero-mean outputs.
``bounded_above``, ``bounded_below``
    Whether the corresponding end of ``range`` is finite.
``smooth``
    ``"C-infinity"``, ``"C1"``, ``"C0"`` or ``"discontinuous"``: of the mathematical
    function (softplus's float-level threshold shortcut is ignored).
``derivative_range``
    ``(inf, sup)`` of the derivative where it exists.
``identity_near_origin``
    ``f(0) = 0`` and ``f'(0) = 1`` (from both sides).
``exp_like_calls``
    Calls of ``exp``, ``expm1``, ``log``, ``log1p``, ``erfc``, ``tanh``, ``arctan`` or
    ``sin`` per element in *our* forward implementation (``sqrt`` and ``hypot`` not
    counted): a rough cost measure.
"""

from __future__ import annotations

import math
from typing import Any

import sympy

from . import _elementwise as ew
from . import _vector as vec
from ._registry import Activation, Parameter, register

__all__: list[str] = []

_POSITIVE = (0.0, math.inf)
_REAL = (-math.inf, math.inf)
_INF = math.inf
_HALF = sympy.Rational(1, 2)


def _cases(*pairs):
    """A SymPy ``Piecewise`` from ``(value, condition)`` pairs, the last one ``True``."""
    return sympy.Piecewise(*pairs)


def _properties(
    value_range: tuple[float, float],
    *,
    range_closed: tuple[bool, bool],
    monotonic: bool,
    odd: bool,
    smooth: str,
    derivative_range: tuple[float, float],
    derivative_range_closed: tuple[bool, bool],
    identity_near_origin: bool,
    exp_like_calls: int,
    zero_centred: bool | None = None,
) -> dict[str, Any]:
    """The declared-properties dict, with the bounded flags read off ``value_range``."""
    low, high = value_range
    return {
        "range": (float(low), float(high)),
        "range_closed": (bool(range_closed[0]), bool(range_closed[1])),
        "monotonic": monotonic,
        "odd": odd,
        # Every odd function has mean output 0; others declare it (SELU, by design).
        "zero_centred": odd if zero_centred is None else zero_centred,
        "bounded_above": math.isfinite(high),
        "bounded_below": math.isfinite(low),
        "smooth": smooth,
        "derivative_range": (float(derivative_range[0]), float(derivative_range[1])),
        "derivative_range_closed": (
            bool(derivative_range_closed[0]),
            bool(derivative_range_closed[1]),
        ),
        "identity_near_origin": identity_near_origin,
        "exp_like_calls": exp_like_calls,
    }


def _sigmoid(z):
    return 1 / (1 + sympy.exp(-z))


def _softplus(z):
    return sympy.log(1 + sympy.exp(z))


# Extremes of non-monotone curves, found with mpmath (30 digits) and rounded to doubles.
_GELU_MIN = -0.16997120747990366
_GELU_DERIVATIVE = (-0.12890414518515479, 1.1289041451851548)
_GELU_TANH_MIN = -0.17004075057125405
_GELU_TANH_DERIVATIVE = (-0.12899306865877177, 1.1289930686587718)
_SILU_MIN = -0.27846454276107380
_SILU_DERIVATIVE = (-0.09983932012886692, 1.0998393201288669)
_MISH_MIN = -0.30884341301725041
_MISH_DERIVATIVE = (-0.11252612238946256, 1.0884981612517279)
_SINC_MIN = -0.21723362821122166
_SINC_DERIVATIVE = (-1.3703055927694596, 1.3703055927694596)
_SWIGLU_SLICE_DERIVATIVE_MIN = -0.35922858447076990
_GEGLU_SLICE_DERIVATIVE_MIN = -0.22112042161068677


# -- classics ---------------------------------------------------------------------------
register(
    Activation(
        name="identity",
        title="Identity (linear)",
        function=ew.identity,
        derivative=ew.identity_derivative,
        sympy_expression=lambda x: x,
        sympy_derivative=lambda x: sympy.Integer(1),
        summary="Leaves the pre-activation unchanged; used for regression outputs.",
        references=("widrow1960adaptive",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=(1, 1),
            identity_near_origin=True,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="step",
        title="Binary step (Heaviside)",
        function=ew.step,
        derivative=ew.step_derivative,
        sympy_expression=lambda x: _cases((1, x >= 0), (0, True)),
        sympy_derivative=lambda x: sympy.Integer(0),
        summary="Fires 1 when the input reaches 0: the perceptron's threshold unit.",
        references=("mcculloch1943logical", "rosenblatt1958perceptron"),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="discontinuous",
            derivative_range=(0, 0),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="sigmoid",
        title="Logistic sigmoid",
        function=ew.sigmoid,
        derivative=ew.sigmoid_derivative,
        sympy_expression=lambda x: _sigmoid(x),
        sympy_derivative=lambda x: sympy.exp(-x) / (1 + sympy.exp(-x)) ** 2,
        summary="Squashes any input into (0, 1); the output of binary classifiers.",
        references=("rumelhart1986learning", "cybenko1989approximation"),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, 0.25),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="tanh",
        title="Hyperbolic tangent",
        function=ew.tanh,
        derivative=ew.tanh_derivative,
        sympy_expression=lambda x: sympy.tanh(x),
        sympy_derivative=lambda x: 1 - sympy.tanh(x) ** 2,
        summary="A zero-centred sigmoid with range (-1, 1): tanh(x) = 2 sigmoid(2x) - 1.",
        references=("lecun1998efficient",),
        properties=_properties(
            (-1, 1),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="lecun_tanh",
        title="LeCun's scaled tanh",
        function=ew.lecun_tanh,
        derivative=ew.lecun_tanh_derivative,
        sympy_expression=lambda x: (
            sympy.Float(ew.LECUN_TANH_SCALE) * sympy.tanh(sympy.Rational(2, 3) * x)
        ),
        sympy_derivative=lambda x: (
            sympy.Float(ew.LECUN_TANH_SCALE)
            * sympy.Rational(2, 3)
            * (1 - sympy.tanh(sympy.Rational(2, 3) * x) ** 2)
        ),
        summary="1.7159 tanh(2x/3): scaled so that f(±1) ≈ ±1 and unit-variance inputs "
        "keep unit variance.",
        references=("lecun1998efficient",),
        properties=_properties(
            (-ew.LECUN_TANH_SCALE, ew.LECUN_TANH_SCALE),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, ew.LECUN_TANH_SCALE * 2 / 3),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="log_sigmoid",
        title="Log-sigmoid",
        function=ew.log_sigmoid,
        derivative=ew.log_sigmoid_derivative,
        sympy_expression=lambda x: -sympy.log(1 + sympy.exp(-x)),
        sympy_derivative=lambda x: 1 / (1 + sympy.exp(x)),
        summary="log(sigmoid(x)) = -softplus(-x): the log-probability a logistic output "
        "assigns to the positive class.",
        references=("goodfellow2016deep",),
        properties=_properties(
            (-_INF, 0),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=2,
        ),
    )
)

register(
    Activation(
        name="arctan",
        title="Arctangent",
        function=ew.arctan,
        derivative=ew.arctan_derivative,
        sympy_expression=lambda x: sympy.atan(x),
        sympy_derivative=lambda x: 1 / (1 + x**2),
        summary="A sigmoid-shaped curve with range (-π/2, π/2) whose tails approach their "
        "limits only like 1/x.",
        references=(),
        properties=_properties(
            (-math.pi / 2, math.pi / 2),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="softsign",
        title="Softsign",
        function=ew.softsign,
        derivative=ew.softsign_derivative,
        sympy_expression=lambda x: x / (1 + sympy.Abs(x)),
        sympy_derivative=lambda x: 1 / (1 + sympy.Abs(x)) ** 2,
        summary="x / (1 + |x|): a tanh-like squashing function with polynomial, not "
        "exponential, tails.",
        references=("glorot2010understanding",),
        properties=_properties(
            (-1, 1),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C1",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="isru",
        title="Inverse square root unit (ISRU)",
        function=ew.isru,
        derivative=ew.isru_derivative,
        parameters=(
            Parameter(
                name="alpha",
                default=1.0,
                low=0.25,
                high=4.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="alpha",
                description="sets the saturation level ±1/sqrt(alpha)",
            ),
        ),
        sympy_expression=lambda x, alpha: x / sympy.sqrt(1 + alpha * x**2),
        sympy_derivative=lambda x, alpha: (1 + alpha * x**2) ** sympy.Rational(-3, 2),
        summary="x / sqrt(1 + αx²): a tanh-like curve built from a square root only.",
        references=("carlile2017improving",),
        properties=_properties(
            (-1, 1),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=0,
        ),
    )
)

# -- rectifiers -------------------------------------------------------------------------------
register(
    Activation(
        name="relu",
        title="Rectified linear unit (ReLU)",
        function=ew.relu,
        derivative=ew.relu_derivative,
        sympy_expression=lambda x: sympy.Max(0, x),
        sympy_derivative=lambda x: _cases((1, x > 0), (0, True)),
        summary="max(0, x): cheap, sparse and non-saturating for positive inputs.",
        references=("nair2010rectified", "glorot2011deep"),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="leaky_relu",
        title="Leaky ReLU",
        function=ew.leaky_relu,
        derivative=ew.leaky_relu_derivative,
        parameters=(
            Parameter(
                name="negative_slope",
                default=0.01,
                low=0.0,
                high=0.3,
                valid=(0.0, 1.0),
                symbol="alpha",
                description="slope for negative inputs (PyTorch 0.01; Keras 0.2 or 0.3)",
            ),
        ),
        sympy_expression=lambda x, negative_slope: _cases((x, x >= 0), (negative_slope * x, True)),
        sympy_derivative=lambda x, negative_slope: _cases((1, x > 0), (negative_slope, True)),
        summary="ReLU with a small slope for negative inputs, so no unit is ever dead.",
        references=("maas2013rectifier",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0.01, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="prelu",
        title="Parametric ReLU (PReLU)",
        function=ew.prelu,
        derivative=ew.prelu_derivative,
        parameters=(
            Parameter(
                name="a",
                default=0.25,
                low=0.0,
                high=1.0,
                valid=(-1.0, 1.0),
                symbol="a",
                description="the learnt negative slope (one per layer; PyTorch starts at 0.25)",
            ),
        ),
        sympy_expression=lambda x, a: _cases((x, x >= 0), (a * x, True)),
        sympy_derivative=lambda x, a: _cases((1, x > 0), (a, True)),
        summary="A leaky ReLU whose negative slope is learnt with the weights.",
        references=("he2015delving",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0.25, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="rrelu",
        title="Randomized leaky ReLU (RReLU, evaluation mode)",
        function=ew.rrelu,
        derivative=ew.rrelu_derivative,
        parameters=(
            Parameter(
                name="lower",
                default=1 / 8,
                low=0.0,
                high=0.3,
                valid=(0.0, 1.0),
                symbol="l",
                description="lower end of the interval the training slope is drawn from",
            ),
            Parameter(
                name="upper",
                default=1 / 3,
                low=0.2,
                high=0.5,
                valid=(0.0, 1.0),
                symbol="u",
                description="upper end of that interval (must not be below 'lower')",
            ),
        ),
        sympy_expression=lambda x, lower, upper: _cases(
            (x, x >= 0), ((lower + upper) / 2 * x, True)
        ),
        sympy_derivative=lambda x, lower, upper: _cases((1, x > 0), ((lower + upper) / 2, True)),
        summary="Leaky ReLU with a random negative slope in training; at evaluation the "
        "slope is its mean (l + u)/2.",
        references=("xu2015empirical", "paszke2019pytorch"),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=((1 / 8 + 1 / 3) / 2, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="relu6",
        title="ReLU6",
        function=ew.relu6,
        derivative=ew.relu6_derivative,
        sympy_expression=lambda x: sympy.Min(sympy.Max(0, x), 6),
        sympy_derivative=lambda x: _cases((1, (x > 0) & (x < 6)), (0, True)),
        summary="ReLU capped at 6, which keeps activations small enough for low-precision "
        "arithmetic.",
        references=("krizhevsky2010convolutional", "sandler2018mobilenetv2"),
        properties=_properties(
            (0, 6),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="hard_tanh",
        title="Hard tanh",
        function=ew.hard_tanh,
        derivative=ew.hard_tanh_derivative,
        parameters=(
            Parameter(
                name="min_val",
                default=-1.0,
                low=-3.0,
                high=-0.5,
                valid=_REAL,
                symbol="x_min",
                description="lower clipping level (must be below max_val)",
            ),
            Parameter(
                name="max_val",
                default=1.0,
                low=0.5,
                high=3.0,
                valid=_REAL,
                symbol="x_max",
                description="upper clipping level",
            ),
        ),
        sympy_expression=lambda x, min_val, max_val: sympy.Min(sympy.Max(min_val, x), max_val),
        sympy_derivative=lambda x, min_val, max_val: _cases(
            (1, (x > min_val) & (x < max_val)), (0, True)
        ),
        summary="The identity clipped to [-1, 1]: a piecewise-linear tanh.",
        references=("collobert2011natural",),
        properties=_properties(
            (-1, 1),
            monotonic=True,
            odd=True,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=0,
        ),
    )
)


# -- from the libraries' lists: squared ReLU, threshold, sparse plus/sigmoid, exponential ----
def _halved(z):
    """``z / 2`` kept unexpanded, so that it prints as (x + 1)/2 rather than x/2 + 1/2."""
    return sympy.Mul(_HALF, z, evaluate=False)


register(
    Activation(
        name="squared_relu",
        title="Squared ReLU",
        function=ew.squared_relu,
        derivative=ew.squared_relu_derivative,
        sympy_expression=lambda x: sympy.Max(0, x) ** 2,
        sympy_derivative=lambda x: _cases((2 * x, x > 0), (0, True)),
        summary="max(0, x)²: ReLU's zeros with a quadratic rise; the feed-forward "
        "activation that Primer's search found for Transformer language models.",
        references=("so2021primer",),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, False),
            smooth="C1",
            derivative_range=(0, _INF),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="threshold",
        title="Threshold",
        function=ew.threshold,
        derivative=ew.threshold_derivative,
        parameters=(
            Parameter(
                name="threshold",
                default=1.0,
                low=-2.0,
                high=2.0,
                valid=_REAL,
                open_lower=True,
                open_upper=True,
                symbol="theta",
                description="inputs above it pass unchanged (no library default; 1 here, "
                "so that the jump shows)",
            ),
            Parameter(
                name="value",
                default=0.0,
                low=-2.0,
                high=2.0,
                valid=_REAL,
                open_lower=True,
                open_upper=True,
                symbol="v",
                description="what every input at or below the threshold becomes; "
                "value = threshold makes the function continuous",
            ),
        ),
        sympy_expression=lambda x, threshold, value: _cases((x, x > threshold), (value, True)),
        sympy_derivative=lambda x, threshold, value: _cases((1, x > threshold), (0, True)),
        summary="x above the threshold θ, the constant v at or below it (PyTorch's "
        "Threshold): a jump of θ − v at θ unless v = θ.",
        references=("paszke2019pytorch",),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="discontinuous",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="sparse_sigmoid",
        title="Sparse sigmoid",
        function=ew.sparse_sigmoid,
        derivative=ew.sparse_sigmoid_derivative,
        sympy_expression=lambda x: _cases((0, x <= -1), (1, x >= 1), (_halved(x + 1), True)),
        sympy_derivative=lambda x: _cases((_HALF, (x > -1) & (x < 1)), (0, True)),
        summary="clip((x + 1)/2, 0, 1): exactly 0 below -1 and 1 above 1; to sparsemax "
        "what the sigmoid is to softmax.",
        references=("blondel2020learning",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 0.5),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="sparse_plus",
        title="Sparse plus",
        function=ew.sparse_plus,
        derivative=ew.sparse_plus_derivative,
        sympy_expression=lambda x: _cases((0, x <= -1), (x, x >= 1), ((x + 1) ** 2 / 4, True)),
        sympy_derivative=lambda x: _cases((0, x <= -1), (1, x >= 1), (_halved(x + 1), True)),
        summary="0 below -1, (x + 1)²/4 between, x above 1: a softplus that reaches 0 and "
        "x exactly, with the sparse sigmoid as its derivative.",
        references=("blondel2020learning",),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C1",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="exponential",
        title="Exponential",
        function=ew.exponential,
        derivative=ew.exponential,
        sympy_expression=lambda x: sympy.exp(x),
        sympy_derivative=lambda x: sympy.exp(x),
        summary="e^x (Keras' exponential): a positive output, such as the rate of a Poisson "
        "model, whose log is the pre-activation.",
        references=("nelder1972generalized", "chollet2015keras"),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0, _INF),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

# -- exponential linear units ------------------------------------------------------------------
register(
    Activation(
        name="elu",
        title="Exponential linear unit (ELU)",
        function=ew.elu,
        derivative=ew.elu_derivative,
        parameters=(
            Parameter(
                name="alpha",
                default=1.0,
                low=0.1,
                high=2.0,
                valid=_POSITIVE,
                symbol="alpha",
                description="the value -alpha that negative inputs saturate to",
            ),
        ),
        sympy_expression=lambda x, alpha: _cases((x, x > 0), (alpha * (sympy.exp(x) - 1), True)),
        sympy_derivative=lambda x, alpha: _cases((1, x > 0), (alpha * sympy.exp(x), True)),
        summary="Identity for positive inputs, a smooth exponential approach to -α for "
        "negative ones: mean activations closer to zero than ReLU's.",
        references=("clevert2016fast",),
        properties=_properties(
            (-1, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C1",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=1,
        ),
    )
)

_SELU_ALPHA = sympy.Float("1.6732632423543772848170429916717", 32)
_SELU_SCALE = sympy.Float("1.0507009873554804934193349852946", 32)
# evaluate=False keeps alpha (e^x - 1) from being multiplied out into two long numbers.

register(
    Activation(
        name="selu",
        title="Scaled exponential linear unit (SELU)",
        function=ew.selu,
        derivative=ew.selu_derivative,
        sympy_expression=lambda x: (
            _SELU_SCALE
            * _cases((x, x > 0), (sympy.Mul(_SELU_ALPHA, sympy.exp(x) - 1, evaluate=False), True))
        ),
        sympy_derivative=lambda x: (
            _SELU_SCALE * _cases((1, x > 0), (_SELU_ALPHA * sympy.exp(x), True))
        ),
        summary="ELU scaled by λ ≈ 1.0507 with α ≈ 1.6733, the constants that make deep "
        "networks keep zero mean and unit variance on their own.",
        references=("klambauer2017self",),
        properties=_properties(
            (-ew.SELU_SCALE * ew.SELU_ALPHA, _INF),
            monotonic=True,
            odd=False,
            zero_centred=True,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C0",
            derivative_range=(0, ew.SELU_SCALE * ew.SELU_ALPHA),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="celu",
        title="Continuously differentiable ELU (CELU)",
        function=ew.celu,
        derivative=ew.celu_derivative,
        parameters=(
            Parameter(
                name="alpha",
                default=1.0,
                low=0.25,
                high=2.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="alpha",
                description="saturation value -alpha; the slope at 0 is 1 for every alpha",
            ),
        ),
        sympy_expression=lambda x, alpha: _cases(
            (x, x > 0), (alpha * (sympy.exp(x / alpha) - 1), True)
        ),
        sympy_derivative=lambda x, alpha: _cases((1, x > 0), (sympy.exp(x / alpha), True)),
        summary="ELU with exp(x/α) in place of exp(x), so the slope is 1 on both sides of 0 "
        "for every α.",
        references=("barron2017continuously",),
        properties=_properties(
            (-1, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C1",
            derivative_range=(0, 1),
            identity_near_origin=True,
            exp_like_calls=1,
        ),
    )
)

# -- smooth gated units -------------------------------------------------------------------------
register(
    Activation(
        name="gelu",
        title="Gaussian error linear unit (GELU)",
        function=ew.gelu,
        derivative=ew.gelu_derivative,
        sympy_expression=lambda x: x / 2 * (1 + sympy.erf(x / sympy.sqrt(2))),
        sympy_derivative=lambda x: (
            (1 + sympy.erf(x / sympy.sqrt(2))) / 2
            + x * sympy.exp(-(x**2) / 2) / sympy.sqrt(2 * sympy.pi)
        ),
        summary="x Φ(x): the input weighted by the probability that a standard normal "
        "variable is below it; the activation of BERT and GPT.",
        references=("hendrycks2016gaussian",),
        properties=_properties(
            (_GELU_MIN, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_GELU_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)


def _gelu_tanh_argument(x):
    return sympy.sqrt(2 / sympy.pi) * (x + sympy.Float(ew.GELU_TANH_COEFFICIENT) * x**3)


register(
    Activation(
        name="gelu_tanh",
        title="GELU, tanh approximation",
        function=ew.gelu_tanh,
        derivative=ew.gelu_tanh_derivative,
        sympy_expression=lambda x: x / 2 * (1 + sympy.tanh(_gelu_tanh_argument(x))),
        sympy_derivative=lambda x: (
            (1 + sympy.tanh(_gelu_tanh_argument(x))) / 2
            + x
            / 2
            * (1 - sympy.tanh(_gelu_tanh_argument(x)) ** 2)
            * sympy.sqrt(2 / sympy.pi)
            * (1 + 3 * sympy.Float(ew.GELU_TANH_COEFFICIENT) * x**2)
        ),
        summary="The tanh formula that approximated GELU when erf was slow; within 0.0005 "
        "of it everywhere (PyTorch's approximate='tanh').",
        references=("hendrycks2016gaussian",),
        properties=_properties(
            (_GELU_TANH_MIN, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_GELU_TANH_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)


def _swish(x, beta):
    """``x sigmoid(beta x)``: SiLU / swish, and quick GELU at ``beta = 1.702``."""
    return x * _sigmoid(beta * x)


def _swish_derivative(x, beta):
    return (1 + sympy.exp(-beta * x) * (1 + beta * x)) / (1 + sympy.exp(-beta * x)) ** 2


_QUICK_GELU_SCALE = sympy.Float(ew.QUICK_GELU_SCALE)

register(
    Activation(
        name="quick_gelu",
        title="Quick GELU, x σ(1.702x)",
        function=ew.quick_gelu,
        derivative=ew.quick_gelu_derivative,
        sympy_expression=lambda x: _swish(x, _QUICK_GELU_SCALE),
        sympy_derivative=lambda x: _swish_derivative(x, _QUICK_GELU_SCALE),
        summary="GELU with Φ(x) replaced by σ(1.702x), within 0.021 of it everywhere; the "
        "activation of OpenAI's CLIP ('quick_gelu' in Hugging Face transformers).",
        references=("hendrycks2016gaussian", "radford2021learning", "wolf2020transformers"),
        properties=_properties(
            # f(x) = silu(1.702 x) / 1.702: SiLU's minimum scaled, its derivative range kept.
            (_SILU_MIN / ew.QUICK_GELU_SCALE, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_SILU_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="silu",
        title="SiLU / swish",
        function=ew.silu,
        derivative=ew.silu_derivative,
        parameters=(
            Parameter(
                name="beta",
                default=1.0,
                low=0.0,
                high=3.0,
                valid=(0.0, math.inf),
                symbol="beta",
                description="gate sharpness: 0 gives x/2, large beta approaches ReLU",
            ),
        ),
        sympy_expression=_swish,
        sympy_derivative=_swish_derivative,
        summary="x sigmoid(βx): the input gated by its own sigmoid; smooth and slightly "
        "non-monotone.",
        references=("hendrycks2016gaussian", "elfwing2018sigmoid", "ramachandran2017searching"),
        properties=_properties(
            (_SILU_MIN, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_SILU_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="mish",
        title="Mish",
        function=ew.mish,
        derivative=ew.mish_derivative,
        sympy_expression=lambda x: x * sympy.tanh(_softplus(x)),
        sympy_derivative=lambda x: (
            sympy.tanh(_softplus(x)) + x * (1 - sympy.tanh(_softplus(x)) ** 2) * _sigmoid(x)
        ),
        summary="x tanh(softplus(x)): a smooth, non-monotone relative of SiLU.",
        references=("misra2019mish",),
        properties=_properties(
            (_MISH_MIN, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_MISH_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

# -- soft rectifiers ---------------------------------------------------------------------------
register(
    Activation(
        name="softplus",
        title="Softplus",
        function=ew.softplus,
        derivative=ew.softplus_derivative,
        parameters=(
            Parameter(
                name="beta",
                default=1.0,
                low=0.25,
                high=4.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="beta",
                description="sharpness: large beta approaches ReLU",
            ),
            Parameter(
                name="threshold",
                default=20.0,
                low=5.0,
                high=40.0,
                valid=_POSITIVE,
                symbol="tau",
                description="above beta*x = threshold the value is x itself (PyTorch's rule)",
            ),
        ),
        sympy_expression=lambda x, beta, threshold: _cases(
            (x, beta * x > threshold), (_softplus(beta * x) / beta, True)
        ),
        sympy_derivative=lambda x, beta, threshold: _cases(
            (1, beta * x > threshold), (_sigmoid(beta * x), True)
        ),
        summary="log(1 + e^x): a smooth ReLU whose derivative is the sigmoid.",
        references=("dugas2001incorporating", "glorot2011deep"),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=2,
        ),
    )
)

register(
    Activation(
        name="squareplus",
        title="Squareplus",
        function=ew.squareplus,
        derivative=ew.squareplus_derivative,
        parameters=(
            Parameter(
                name="b",
                default=4.0,
                low=0.25,
                high=8.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="b",
                description="curvature at 0: b -> 0 gives ReLU; f(0) = sqrt(b)/2",
            ),
        ),
        sympy_expression=lambda x, b: (x + sympy.sqrt(x**2 + b)) / 2,
        sympy_derivative=lambda x, b: (1 + x / sympy.sqrt(x**2 + b)) / 2,
        summary="(x + sqrt(x² + b))/2: a softplus look-alike that needs only a square root.",
        references=("barron2021squareplus",),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="bent_identity",
        title="Bent identity",
        function=ew.bent_identity,
        derivative=ew.bent_identity_derivative,
        sympy_expression=lambda x: (sympy.sqrt(x**2 + 1) - 1) / 2 + x,
        sympy_derivative=lambda x: x / (2 * sympy.sqrt(x**2 + 1)) + 1,
        summary="x plus half a hyperbola: slope 1/2 far left, 3/2 far right, smooth everywhere.",
        references=(),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0.5, 1.5),
            identity_near_origin=True,
            exp_like_calls=0,
        ),
    )
)

# -- hard (piecewise-linear) approximations -------------------------------------------------------
register(
    Activation(
        name="hard_sigmoid",
        title="Hard sigmoid",
        function=ew.hard_sigmoid,
        derivative=ew.hard_sigmoid_derivative,
        sympy_expression=lambda x: sympy.Min(sympy.Max(0, x + 3), 6) / 6,
        sympy_derivative=lambda x: _cases((sympy.Rational(1, 6), (x > -3) & (x < 3)), (0, True)),
        summary="relu6(x + 3)/6: a piecewise-linear sigmoid, 0 below -3 and 1 above 3 "
        "(PyTorch, Keras 3).",
        references=("howard2019searching",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 1 / 6),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="hard_sigmoid_legacy",
        title="Hard sigmoid (legacy Keras)",
        function=ew.hard_sigmoid_legacy,
        derivative=ew.hard_sigmoid_legacy_derivative,
        sympy_expression=lambda x: sympy.Min(sympy.Max(0, x / 5 + _HALF), 1),
        sympy_derivative=lambda x: _cases(
            (sympy.Rational(1, 5), (x >= -sympy.Rational(5, 2)) & (x <= sympy.Rational(5, 2))),
            (0, True),
        ),
        summary="clip(0.2x + 0.5, 0, 1), the hard sigmoid of Keras 2 and earlier: steeper "
        "than today's, saturating at ±2.5.",
        references=("chollet2015keras",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 0.2),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="hard_swish",
        title="Hard swish",
        function=ew.hard_swish,
        derivative=ew.hard_swish_derivative,
        sympy_expression=lambda x: x * sympy.Min(sympy.Max(0, x + 3), 6) / 6,
        sympy_derivative=lambda x: _cases((0, x <= -3), (1, x >= 3), ((2 * x + 3) / 6, True)),
        summary="x relu6(x + 3)/6: SiLU's shape from a clip and a multiply (MobileNetV3).",
        references=("howard2019searching",),
        properties=_properties(
            (-0.375, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(False, False),
            smooth="C0",
            derivative_range=(-0.5, 1.5),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

# -- shrinkage ---------------------------------------------------------------------------------
_LAMBDA = Parameter(
    name="lambd",
    default=0.5,
    low=0.0,
    high=2.0,
    valid=(0.0, math.inf),
    symbol="lambda",
    description="half-width of the dead zone around 0",
)

register(
    Activation(
        name="tanhshrink",
        title="Tanhshrink",
        function=ew.tanhshrink,
        derivative=ew.tanhshrink_derivative,
        sympy_expression=lambda x: x - sympy.tanh(x),
        sympy_derivative=lambda x: sympy.tanh(x) ** 2,
        summary="x - tanh(x): flat (cubic) near 0 and linear far out; what tanh leaves over.",
        references=("paszke2019pytorch",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(True, False),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="softshrink",
        title="Soft shrinkage (soft thresholding)",
        function=ew.softshrink,
        derivative=ew.softshrink_derivative,
        parameters=(_LAMBDA,),
        sympy_expression=lambda x, lambd: _cases(
            (x - lambd, x > lambd), (x + lambd, x < -lambd), (0, True)
        ),
        sympy_derivative=lambda x, lambd: _cases((1, sympy.Abs(x) > lambd), (0, True)),
        summary="Zero on [-λ, λ], moved towards 0 by λ outside: the proximal step of the "
        "L1 penalty.",
        references=("donoho1995denoising",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

register(
    Activation(
        name="hardshrink",
        title="Hard shrinkage (hard thresholding)",
        function=ew.hardshrink,
        derivative=ew.hardshrink_derivative,
        parameters=(_LAMBDA,),
        sympy_expression=lambda x, lambd: _cases((x, sympy.Abs(x) > lambd), (0, True)),
        sympy_derivative=lambda x, lambd: _cases((1, sympy.Abs(x) > lambd), (0, True)),
        summary="Zero on [-λ, λ], the identity outside: keeps large values, kills small ones.",
        references=("donoho1994ideal",),
        properties=_properties(
            (-_INF, _INF),
            monotonic=True,
            odd=True,
            range_closed=(False, False),
            derivative_range_closed=(True, True),
            smooth="discontinuous",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
    )
)

# -- bumps ---------------------------------------------------------------------------------------
register(
    Activation(
        name="gaussian",
        title="Gaussian",
        function=ew.gaussian,
        derivative=ew.gaussian_derivative,
        sympy_expression=lambda x: sympy.exp(-(x**2)),
        sympy_derivative=lambda x: -2 * x * sympy.exp(-(x**2)),
        summary="exp(-x²): a bump that responds only near 0, the unit of radial-basis networks.",
        references=("broomhead1988radial",),
        properties=_properties(
            (0, 1),
            monotonic=False,
            odd=False,
            range_closed=(False, True),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=(-math.sqrt(2) * math.exp(-0.5), math.sqrt(2) * math.exp(-0.5)),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

register(
    Activation(
        name="sinc",
        title="Sinc",
        function=ew.sinc,
        derivative=ew.sinc_derivative,
        sympy_expression=lambda x: _cases(
            (sympy.sin(sympy.pi * x) / (sympy.pi * x), sympy.Ne(x, 0)), (1, True)
        ),
        sympy_derivative=lambda x: _cases(
            (
                (sympy.pi * x * sympy.cos(sympy.pi * x) - sympy.sin(sympy.pi * x))
                / (sympy.pi * x**2),
                sympy.Ne(x, 0),
            ),
            (0, True),
        ),
        summary="sin(πx)/(πx): an oscillating bump with zeros at the non-zero integers.",
        references=(),
        properties=_properties(
            (_SINC_MIN, 1),
            monotonic=False,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_SINC_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
    )
)

# -- periodic ------------------------------------------------------------------------------------
register(
    Activation(
        name="sine",
        title="Sine (SIREN)",
        function=ew.sine,
        derivative=ew.sine_derivative,
        parameters=(
            Parameter(
                name="omega_0",
                # 1 gives the sine itself, slope 1 at 0 like the identity. SIREN's 30 is
                # a property of its network (inputs in [-1, 1], weights scaled by 1/30),
                # not of the function: it is passed explicitly where a SIREN is built.
                default=1.0,
                low=1.0,
                high=30.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="omega_0",
                description="frequency factor: the period is 2π/ω₀ (SIREN uses 30 with its "
                "own initialisation)",
            ),
        ),
        sympy_expression=lambda x, omega_0: sympy.sin(omega_0 * x),
        sympy_derivative=lambda x, omega_0: omega_0 * sympy.cos(omega_0 * x),
        summary="sin(ω₀x): periodic and odd; the activation of SIREN, whose derivatives "
        "are again sines.",
        references=("sitzmann2020implicit",),
        properties=_properties(
            (-1, 1),
            monotonic=False,
            odd=True,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=(-1, 1),
            identity_near_origin=True,
            exp_like_calls=1,
        ),
    )
)

# -- vector-valued --------------------------------------------------------------------------------
register(
    Activation(
        name="softmax",
        title="Softmax",
        function=vec.softmax,
        derivative=vec.softmax_diagonal,
        parameters=(
            Parameter(
                name="temperature",
                default=1.0,
                low=0.25,
                high=4.0,
                valid=_POSITIVE,
                open_lower=True,
                symbol="T",
                description="divides the scores: high T flattens, low T sharpens",
            ),
        ),
        latex_override=(
            r"\operatorname{softmax}(\mathbf{x})_i = "
            r"\frac{e^{x_i / T}}{\sum_{j=1}^{n} e^{x_j / T}}"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \operatorname{softmax}(\mathbf{x})_i}{\partial x_j} = "
            r"\frac{1}{T}\, s_i \left(\delta_{ij} - s_j\right)"
        ),
        summary="Turns a vector of scores into probabilities; the multi-class output.",
        references=("bridle1990probabilistic",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, True),
            smooth="C-infinity",
            derivative_range=(0, 0.25),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        curve=vec.softmax_slice,
        curve_derivative=vec.softmax_slice_derivative,
        curve_label="first output of softmax([x, 0]), which is sigmoid(x / T)",
    )
)

register(
    Activation(
        name="log_softmax",
        title="Log-softmax",
        function=vec.log_softmax,
        derivative=vec.log_softmax_diagonal,
        latex_override=(
            r"\log \operatorname{softmax}(\mathbf{x})_i = "
            r"x_i - \max_k x_k - \log \sum_{j=1}^{n} e^{x_j - \max_k x_k}"
        ),
        derivative_latex_override=(
            r"\frac{\partial \log \operatorname{softmax}(\mathbf{x})_i}{\partial x_j} = "
            r"\delta_{ij} - s_j"
        ),
        summary="Log-probabilities computed without ever taking log(0); what a "
        "cross-entropy loss actually needs.",
        references=("bridle1990probabilistic",),
        properties=_properties(
            (-_INF, 0),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(0, 1),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        curve=vec.log_softmax_slice,
        curve_derivative=vec.log_softmax_slice_derivative,
        curve_label="first output of log_softmax([x, 0]), which is log_sigmoid(x)",
    )
)

register(
    Activation(
        name="softmin",
        title="Softmin",
        function=vec.softmin,
        derivative=vec.softmin_diagonal,
        latex_override=(
            r"\operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_{j=1}^{n} e^{-x_j}}"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \operatorname{softmin}(\mathbf{x})_i}{\partial x_j} = "
            r"-s_i \left(\delta_{ij} - s_j\right)"
        ),
        summary="softmax(-x): probabilities that favour the smallest scores.",
        references=("bridle1990probabilistic",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(False, False),
            derivative_range_closed=(True, False),
            smooth="C-infinity",
            derivative_range=(-0.25, 0),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        curve=vec.softmin_slice,
        curve_derivative=vec.softmin_slice_derivative,
        curve_label="first output of softmin([x, 0]), which is sigmoid(-x): it falls as x rises",
    )
)

register(
    Activation(
        name="sparsemax",
        title="Sparsemax",
        function=vec.sparsemax,
        derivative=vec.sparsemax_diagonal,
        latex_override=(
            r"\operatorname{sparsemax}(\mathbf{x})_i = \max\left(x_i - \tau(\mathbf{x}), 0\right),"
            r"\quad \textstyle\sum_{j=1}^{n} \max\left(x_j - \tau(\mathbf{x}), 0\right) = 1"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \operatorname{sparsemax}(\mathbf{x})_i}{\partial x_j} = "
            r"s_i \left(\delta_{ij} - \frac{s_j}{|S|}\right),"
            r"\quad s_i = [\operatorname{sparsemax}(\mathbf{x})_i > 0],\ |S| = \textstyle\sum_k s_k"
        ),
        summary="The projection of the scores onto the probability simplex: like softmax, "
        "but low scores get probability exactly 0.",
        references=("martins2016softmax",),
        properties=_properties(
            (0, 1),
            monotonic=True,
            odd=False,
            range_closed=(True, True),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(0, 0.5),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
        elementwise=False,
        curve=vec.sparsemax_slice,
        curve_derivative=vec.sparsemax_slice_derivative,
        curve_label="first output of sparsemax([x, 0]), which is the sparse sigmoid "
        "clip((x + 1)/2, 0, 1)",
    )
)

register(
    Activation(
        name="glu",
        title="Gated linear unit (GLU)",
        function=vec.glu,
        derivative=vec.glu_derivative,
        latex_override=(
            r"\operatorname{GLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \sigma(\mathbf{b}),"
            r"\quad \mathbf{x} = [\mathbf{a}, \mathbf{b}]"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \mathrm{GLU}_i}{\partial a_i} = \sigma(b_i), \quad "
            r"\frac{\partial\, \mathrm{GLU}_i}{\partial b_i} = a_i\, \sigma'(b_i)"
        ),
        summary="Splits the input in halves a and b and returns a ⊙ sigmoid(b): one half "
        "gates the other.",
        references=("dauphin2017language",),
        properties=_properties(
            (_SILU_MIN, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C-infinity",
            derivative_range=_SILU_DERIVATIVE,
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        sympy_expression=lambda x: x * _sigmoid(x),
        curve=vec.glu_slice,
        curve_derivative=vec.glu_slice_derivative,
        curve_label="GLU of the two-entry vector [x, x] (value a = x, gate b = x), "
        "which is x·sigmoid(x)",
    )
)

register(
    Activation(
        name="swiglu",
        title="SwiGLU",
        function=vec.swiglu,
        derivative=vec.swiglu_derivative,
        parameters=(
            Parameter(
                name="beta",
                default=1.0,
                low=0.0,
                high=3.0,
                valid=(0.0, math.inf),
                symbol="beta",
                description="sharpness of the swish applied to the gate half",
            ),
        ),
        latex_override=(
            r"\operatorname{SwiGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot "
            r"\mathbf{b}\, \sigma(\beta \mathbf{b}),"
            r"\quad \mathbf{x} = [\mathbf{a}, \mathbf{b}]"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \mathrm{SwiGLU}_i}{\partial a_i} = b_i\, \sigma(\beta b_i), "
            r"\quad \frac{\partial\, \mathrm{SwiGLU}_i}{\partial b_i} = "
            r"a_i\, \frac{d}{d b_i}\!\left[b_i\, \sigma(\beta b_i)\right]"
        ),
        summary="GLU with a swish gate, a ⊙ swish(b): the feed-forward unit of many large "
        "language models.",
        references=("shazeer2020glu",),
        properties=_properties(
            (0, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, False),
            smooth="C-infinity",
            derivative_range=(_SWIGLU_SLICE_DERIVATIVE_MIN, _INF),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        sympy_expression=lambda x, beta: x * x * _sigmoid(beta * x),
        curve=vec.swiglu_slice,
        curve_derivative=vec.swiglu_slice_derivative,
        curve_label="SwiGLU of the two-entry vector [x, x], which is x²·sigmoid(βx)",
    )
)

register(
    Activation(
        name="geglu",
        title="GEGLU",
        function=vec.geglu,
        derivative=vec.geglu_derivative,
        latex_override=(
            r"\operatorname{GEGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot "
            r"\operatorname{GELU}(\mathbf{b}) = \mathbf{a} \odot \mathbf{b}\, \Phi(\mathbf{b}),"
            r"\quad \mathbf{x} = [\mathbf{a}, \mathbf{b}]"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \mathrm{GEGLU}_i}{\partial a_i} = b_i\, \Phi(b_i), "
            r"\quad \frac{\partial\, \mathrm{GEGLU}_i}{\partial b_i} = "
            r"a_i \left(\Phi(b_i) + b_i\, \varphi(b_i)\right)"
        ),
        summary="GLU with a GELU gate, a ⊙ GELU(b): the feed-forward unit of T5 v1.1.",
        references=("shazeer2020glu",),
        properties=_properties(
            (0, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, False),
            smooth="C-infinity",
            derivative_range=(_GEGLU_SLICE_DERIVATIVE_MIN, _INF),
            identity_near_origin=False,
            exp_like_calls=1,
        ),
        elementwise=False,
        sympy_expression=lambda x: x * x * (1 + sympy.erf(x / sympy.sqrt(2))) / 2,
        curve=vec.geglu_slice,
        curve_derivative=vec.geglu_slice_derivative,
        curve_label="GEGLU of the two-entry vector [x, x], which is x·GELU(x) = x²·Φ(x)",
    )
)

register(
    Activation(
        name="reglu",
        title="ReGLU",
        function=vec.reglu,
        derivative=vec.reglu_derivative,
        latex_override=(
            r"\operatorname{ReGLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot "
            r"\max(0, \mathbf{b}),"
            r"\quad \mathbf{x} = [\mathbf{a}, \mathbf{b}]"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \mathrm{ReGLU}_i}{\partial a_i} = \max(0, b_i), "
            r"\quad \frac{\partial\, \mathrm{ReGLU}_i}{\partial b_i} = "
            r"\begin{cases} a_i & b_i > 0 \\ 0 & b_i \le 0 \end{cases}"
        ),
        summary="GLU with a ReLU gate, a ⊙ max(0, b): the gate shuts exactly at b ≤ 0.",
        references=("shazeer2020glu",),
        properties=_properties(
            (0, _INF),
            monotonic=True,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, False),
            smooth="C1",
            derivative_range=(0, _INF),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
        elementwise=False,
        sympy_expression=lambda x: x * sympy.Max(0, x),
        curve=vec.reglu_slice,
        curve_derivative=vec.reglu_slice_derivative,
        curve_label="ReGLU of the two-entry vector [x, x], which is x·max(0, x): "
        "x² for x > 0, else 0",
    )
)

register(
    Activation(
        name="bilinear",
        title="Bilinear unit",
        function=vec.bilinear,
        derivative=vec.bilinear_derivative,
        latex_override=(
            r"\operatorname{Bilinear}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \mathbf{b},"
            r"\quad \mathbf{x} = [\mathbf{a}, \mathbf{b}]"
        ),
        derivative_latex_override=(
            r"\frac{\partial\, \mathrm{Bilinear}_i}{\partial a_i} = b_i, "
            r"\quad \frac{\partial\, \mathrm{Bilinear}_i}{\partial b_i} = a_i"
        ),
        summary="GLU without a nonlinearity, a ⊙ b: the product of two linear projections.",
        references=("dauphin2017language", "shazeer2020glu"),
        properties=_properties(
            (0, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(False, False),
            smooth="C-infinity",
            derivative_range=(-_INF, _INF),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
        elementwise=False,
        sympy_expression=lambda x: x * x,
        curve=vec.bilinear_slice,
        curve_derivative=vec.bilinear_slice_derivative,
        curve_label="bilinear unit of the two-entry vector [x, x], which is x²",
    )
)

register(
    Activation(
        name="maxout",
        title="Maxout",
        function=vec.maxout,
        derivative=vec.maxout_derivative,
        latex_override=r"\operatorname{maxout}(\mathbf{x})_i = \max_{j=1}^{k} x_{(i-1)k + j}",
        derivative_latex_override=(
            r"\frac{\partial\, \operatorname{maxout}_i}{\partial x_m} = "
            r"\begin{cases} 1 & \text{if } x_m \text{ is the winner of group } i \\ "
            r"0 & \text{otherwise} \end{cases}"
        ),
        summary="The maximum over groups of k inputs (k = 2 by default): each unit learns "
        "a convex piecewise-linear activation.",
        references=("goodfellow2013maxout",),
        properties=_properties(
            (0, _INF),
            monotonic=False,
            odd=False,
            range_closed=(True, False),
            derivative_range_closed=(True, True),
            smooth="C0",
            derivative_range=(-0.5, 1),
            identity_near_origin=False,
            exp_like_calls=0,
        ),
        elementwise=False,
        curve=vec.maxout_slice,
        curve_derivative=vec.maxout_slice_derivative,
        curve_label="maxout of the three affine pieces 0, x and -x/2 - 1, i.e. "
        "max(0, x, -x/2 - 1): ReLU for x >= -2, rising again with slope -1/2 below",
    )
)
