"""Small classification datasets for Part III: four 2-D toy problems and the digits.

The 2-D generators (:func:`moons`, :func:`circles`, :func:`spiral`, :func:`xor`) are
written out in numpy so that a reader can see how each picture is made. Every one of them
draws from its own :class:`numpy.random.Generator` built from ``seed``: the same seed gives
the same points bit for bit, and the global numpy random state is never read or changed.

Each generator returns ``(x, y)``: ``x`` of shape ``(n_samples, 2)``, float64, and ``y``
of shape ``(n_samples,)``, int64 class labels ``0 .. n_classes - 1``. Classes are as
balanced as ``n_samples`` allows (the first classes get the remainder) and the rows are
shuffled, so that the data are not ordered by class.

:func:`make_dataset` turns any of them into a :class:`Dataset` with a train/test split;
:func:`digits` does the same for scikit-learn's 8x8 handwritten digits, which ship with
scikit-learn (nothing is downloaded).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import finite_array, generator, instance, integer, real

__all__ = [
    "DATASETS",
    "Dataset",
    "circles",
    "decision_grid",
    "digits",
    "make_dataset",
    "moons",
    "spiral",
    "train_test_split",
    "validation_split",
    "xor",
]


@dataclass(frozen=True)
class Dataset:
    """A classification problem split into a training and a test set.

    Parameters
    ----------
    name : str
        The generator's name (``"moons"``, ``"digits"``, ...).
    x_train, x_test : ndarray, shape (n, n_features)
        Inputs, float64.
    y_train, y_test : ndarray, shape (n,)
        Class labels ``0 .. n_classes - 1``, int64.
    n_classes : int
        Number of classes.
    x_val, y_val : ndarray, optional
        A validation set held out from the training data (see :func:`validation_split`),
        for any choice made while training (when to stop, which run to keep); ``None``
        if there is none.
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None

    @property
    def n_features(self) -> int:
        """Number of input features (2 for the toy problems, 64 for the digits)."""
        return int(self.x_train.shape[1])


def _class_sizes(n_samples: int, n_classes: int) -> np.ndarray:
    """Split ``n_samples`` into ``n_classes`` counts differing by at most one."""
    sizes = np.full(n_classes, n_samples // n_classes)
    sizes[: n_samples % n_classes] += 1
    return sizes


def _labels(sizes: np.ndarray) -> np.ndarray:
    return np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)


def _shuffled(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(len(y))
    return x[order], y[order]


# -- the four 2-D problems ----------------------------------------------------------------
def moons(n_samples: int = 200, *, noise: float = 0.1, seed: Any = 0) -> tuple[np.ndarray, ...]:
    """Two interleaving half circles, the classic "make moons" problem.

    Class 0 lies on the upper half of the unit circle, class 1 on a lower half circle
    shifted to ``(1, 0.5)``; Gaussian noise of standard deviation ``noise`` is added to
    both coordinates. No straight line separates them; one hidden layer does.

    Parameters
    ----------
    n_samples : int
        Total number of points, at least 2.
    noise : float
        Standard deviation of the noise, ``>= 0``.
    seed : int or numpy.random.Generator
        Seed of the points and the noise.

    Returns
    -------
    x : ndarray, shape (n_samples, 2)
        The points.
    y : ndarray, shape (n_samples,)
        Labels 0 and 1.
    """
    n_samples = integer("n_samples", n_samples, 2)
    noise = real("noise", noise, low=0.0, open_high=True)
    rng = generator(seed)
    sizes = _class_sizes(n_samples, 2)
    # Evenly spaced angles (not random ones) keep the arcs evenly covered for small n.
    upper = np.linspace(0.0, math.pi, sizes[0])
    lower = np.linspace(0.0, math.pi, sizes[1])
    x = np.concatenate(
        [
            np.column_stack([np.cos(upper), np.sin(upper)]),
            np.column_stack([1.0 - np.cos(lower), 0.5 - np.sin(lower)]),
        ]
    )
    x += noise * rng.standard_normal(x.shape)
    return _shuffled(x, _labels(sizes), rng)


def circles(
    n_samples: int = 200, *, noise: float = 0.05, factor: float = 0.5, seed: Any = 0
) -> tuple[np.ndarray, ...]:
    """A small circle (class 1) inside a large one (class 0).

    Parameters
    ----------
    n_samples : int
        Total number of points, at least 2.
    noise : float
        Standard deviation of the Gaussian noise added to both coordinates, ``>= 0``.
    factor : float
        Radius of the inner circle relative to the outer one (radius 1), in ``(0, 1)``.
    seed : int or numpy.random.Generator
        Seed of the points and the noise.

    Returns
    -------
    x : ndarray, shape (n_samples, 2)
        The points.
    y : ndarray, shape (n_samples,)
        Labels: 0 on the outer circle, 1 on the inner one.
    """
    n_samples = integer("n_samples", n_samples, 2)
    noise = real("noise", noise, low=0.0, open_high=True)
    factor = real("factor", factor, low=0.0, high=1.0, open_low=True)
    if factor == 1.0:
        raise ValueError("parameter 'factor' must be below 1, or the circles coincide")
    rng = generator(seed)
    sizes = _class_sizes(n_samples, 2)
    rings = []
    for radius, size in zip((1.0, factor), sizes, strict=True):
        # endpoint=False: angle 2*pi would repeat the point at angle 0.
        angle = np.linspace(0.0, 2.0 * math.pi, size, endpoint=False)
        rings.append(radius * np.column_stack([np.cos(angle), np.sin(angle)]))
    x = np.concatenate(rings)
    x += noise * rng.standard_normal(x.shape)
    return _shuffled(x, _labels(sizes), rng)


def spiral(
    n_samples: int = 300,
    *,
    n_classes: int = 3,
    noise: float = 0.05,
    turns: float = 1.0,
    seed: Any = 0,
) -> tuple[np.ndarray, ...]:
    """Interleaved spiral arms, one per class.

    Arm ``k`` is the curve ``r (cos θ, sin θ)`` with radius ``r`` running from 0.05 to 1 and
    angle ``θ = 2π k / n_classes + 2π turns r``; points sit at evenly spaced radii and get
    Gaussian noise on both coordinates. Separating the arms needs curved boundaries that
    wind around the origin: the hardest of the four toy problems.

    Parameters
    ----------
    n_samples : int
        Total number of points, at least ``n_classes``.
    n_classes : int
        Number of arms, at least 2.
    noise : float
        Standard deviation of the noise, ``>= 0``.
    turns : float
        How many full turns each arm makes, ``> 0``.
    seed : int or numpy.random.Generator
        Seed of the noise and the shuffle.

    Returns
    -------
    x : ndarray, shape (n_samples, 2)
        The points.
    y : ndarray, shape (n_samples,)
        Labels ``0 .. n_classes - 1``.
    """
    n_classes = integer("n_classes", n_classes, 2)
    n_samples = integer("n_samples", n_samples, n_classes)
    noise = real("noise", noise, low=0.0, open_high=True)
    turns = real("turns", turns, low=0.0, open_low=True)
    rng = generator(seed)
    sizes = _class_sizes(n_samples, n_classes)
    arms = []
    for k, size in enumerate(sizes):
        # Starting slightly off the origin keeps the arms apart where they begin.
        radius = np.linspace(0.05, 1.0, size)
        angle = 2.0 * math.pi * (k / n_classes + turns * radius)
        arms.append(radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)]))
    x = np.concatenate(arms)
    x += noise * rng.standard_normal(x.shape)
    return _shuffled(x, _labels(sizes), rng)


def xor(n_samples: int = 200, *, noise: float = 0.35, seed: Any = 0) -> tuple[np.ndarray, ...]:
    """The XOR problem: four Gaussian clusters at the corners ``(±1, ±1)``.

    A point's label is that of its cluster: 0 for ``(1, 1)`` and ``(-1, -1)``, 1 for
    ``(1, -1)`` and ``(-1, 1)``, i.e. 1 when exactly one coordinate of the centre is
    negative. This is the function a single perceptron cannot represent (Minsky and
    Papert); with large ``noise`` the clusters overlap and some labels look wrong.

    Parameters
    ----------
    n_samples : int
        Total number of points, at least 4 (one per cluster).
    noise : float
        Standard deviation of each cluster, ``>= 0``.
    seed : int or numpy.random.Generator
        Seed of the noise and the shuffle.

    Returns
    -------
    x : ndarray, shape (n_samples, 2)
        The points.
    y : ndarray, shape (n_samples,)
        Labels 0 and 1.
    """
    n_samples = integer("n_samples", n_samples, 4)
    noise = real("noise", noise, low=0.0, open_high=True)
    rng = generator(seed)
    centres = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    cluster_labels = np.array([0, 0, 1, 1], dtype=np.int64)
    sizes = _class_sizes(n_samples, 4)
    x = np.repeat(centres, sizes, axis=0)
    x += noise * rng.standard_normal(x.shape)
    y = np.repeat(cluster_labels, sizes)
    return _shuffled(x, y, rng)


#: The 2-D generators by name, for :func:`make_dataset` and the book's widgets.
DATASETS: dict[str, Callable[..., tuple[np.ndarray, ...]]] = {
    "moons": moons,
    "circles": circles,
    "spiral": spiral,
    "xor": xor,
}


# -- splits and datasets ------------------------------------------------------------------
def train_test_split(
    x: Any, y: Any, *, test_fraction: float = 0.25, seed: Any = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``(x, y)`` at random into a training and a test part.

    Parameters
    ----------
    x : array_like, shape (n, ...)
        Inputs.
    y : array_like, shape (n,)
        Labels.
    test_fraction : float
        Share of the rows that go to the test part, in ``[0, 1)``; the count is rounded
        to the nearest integer.
    seed : int or numpy.random.Generator
        Seed of the random permutation.

    Returns
    -------
    x_train, y_train, x_test, y_test : ndarray
        The two parts, in permuted order.
    """
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim < 1 or y.ndim != 1 or len(x) != len(y):
        raise ValueError(
            f"parameters 'x' and 'y' must have the same number of rows, "
            f"got shapes {x.shape} and {y.shape}"
        )
    test_fraction = real("test_fraction", test_fraction, low=0.0, high=1.0)
    if test_fraction == 1.0:
        raise ValueError("parameter 'test_fraction' must be below 1, or nothing is left to train")
    order = generator(seed).permutation(len(y))
    n_test = round(test_fraction * len(y))
    train, test = order[n_test:], order[:n_test]
    return x[train], y[train], x[test], y[test]


def validation_split(data: Dataset, fraction: float = 0.2, *, seed: Any = 0) -> Dataset:
    """Hold out part of the training set as a validation set.

    Whatever is decided while training (when a network "has learnt", when to stop, which
    run to keep) is read off the validation set; the test set is looked at once, at the
    end, so that its accuracy stays an honest estimate for new data.

    Parameters
    ----------
    data : Dataset
        A split problem without a validation set.
    fraction : float
        Share of the training rows moved to the validation set, in ``(0, 1)``; the count
        is rounded to the nearest integer.
    seed : int or numpy.random.Generator
        Seed of the random choice of validation rows.

    Returns
    -------
    Dataset
        The same test set; the training set without the validation rows.
    """
    instance("data", data, Dataset, "a Dataset")
    if data.x_val is not None:
        raise ValueError("parameter 'data' already has a validation set")
    fraction = real("fraction", fraction, low=0.0, high=1.0, open_low=True, open_high=True)
    if not 1 <= round(fraction * len(data.y_train)) < len(data.y_train):
        raise ValueError(
            f"parameter 'fraction': {fraction:g} of {len(data.y_train)} training rows "
            "leaves no validation row or no training row"
        )
    x_train, y_train, x_val, y_val = train_test_split(
        data.x_train, data.y_train, test_fraction=fraction, seed=seed
    )
    return Dataset(
        data.name, x_train, y_train, data.x_test, data.y_test, data.n_classes, x_val, y_val
    )


def make_dataset(
    name: str,
    n_samples: int = 200,
    *,
    test_fraction: float = 0.25,
    seed: Any = 0,
    **options: Any,
) -> Dataset:
    """One of the 2-D toy problems, split into training and test sets.

    Parameters
    ----------
    name : {"moons", "circles", "spiral", "xor"}
        Which generator to use.
    n_samples : int
        Total number of points before the split.
    test_fraction : float
        Share of the points kept for testing, in ``[0, 1)``.
    seed : int or numpy.random.Generator
        Seed of both the points and the split; the split uses its own stream, so the
        points do not depend on ``test_fraction``.
    **options
        Passed to the generator (``noise``, ``factor``, ``n_classes``, ``turns``).

    Returns
    -------
    Dataset
        The split problem.

    Examples
    --------
    >>> data = make_dataset("moons", 100, seed=1)
    >>> data.x_train.shape, data.x_test.shape
    ((75, 2), (25, 2))
    """
    if name not in DATASETS:
        raise ValueError(f"parameter 'name' must be one of {sorted(DATASETS)}, got {name!r}")
    # Two independent streams from one seed: the points, then the split.
    if isinstance(seed, np.random.Generator):
        points_rng, split_rng = seed.spawn(2)
    else:
        generator(seed)  # validates
        points_rng, split_rng = (
            np.random.default_rng(s) for s in np.random.SeedSequence(int(seed)).spawn(2)
        )
    x, y = DATASETS[name](n_samples, seed=points_rng, **options)
    x_train, y_train, x_test, y_test = train_test_split(
        x, y, test_fraction=test_fraction, seed=split_rng
    )
    return Dataset(name, x_train, y_train, x_test, y_test, int(y.max()) + 1)


def digits(*, test_fraction: float = 0.25, seed: Any = 0) -> Dataset:
    """Scikit-learn's 8x8 handwritten digits (1797 images, 10 classes), split.

    The pixel intensities, integers 0 to 16, are divided by 16 so that inputs lie in
    ``[0, 1]``; gradient descent is badly conditioned on the raw scale.

    Parameters
    ----------
    test_fraction : float
        Share of the images kept for testing, in ``[0, 1)``.
    seed : int or numpy.random.Generator
        Seed of the split.

    Returns
    -------
    Dataset
        64 features, 10 classes.
    """
    from sklearn.datasets import load_digits  # imported here: only this loader needs it

    bunch = load_digits()
    x = np.asarray(bunch.data, dtype=np.float64) / 16.0
    y = np.asarray(bunch.target, dtype=np.int64)
    x_train, y_train, x_test, y_test = train_test_split(
        x, y, test_fraction=test_fraction, seed=seed
    )
    return Dataset("digits", x_train, y_train, x_test, y_test, 10)


def decision_grid(
    x: Any, *, resolution: int = 200, margin: float = 0.25
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A regular grid covering 2-D points, for drawing decision boundaries.

    Parameters
    ----------
    x : array_like, shape (n, 2)
        The points the grid must cover.
    resolution : int
        Grid points per axis, at least 2.
    margin : float
        Extra room on every side, as a fraction of the data's extent along that axis.

    Returns
    -------
    xx, yy : ndarray, shape (resolution, resolution)
        Coordinates, as from :func:`numpy.meshgrid`.
    points : ndarray, shape (resolution * resolution, 2)
        The same grid as rows, ready for ``model.predict_proba(points)``; reshape the
        result with ``.reshape(xx.shape)``.
    """
    x = finite_array("x", x, ndim=2)
    if x.shape[1] != 2:
        raise ValueError(f"parameter 'x' must have shape (n, 2) with n >= 1, got {x.shape}")
    resolution = integer("resolution", resolution, 2)
    margin = real("margin", margin, low=0.0, open_high=True)
    low, high = x.min(axis=0), x.max(axis=0)
    # A degenerate axis (all points on a line) still gets a unit-wide window.
    extent = np.where(high > low, high - low, 1.0)
    low, high = low - margin * extent, high + margin * extent
    xx, yy = np.meshgrid(
        np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
    )
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])
