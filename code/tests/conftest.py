"""Fixtures shared by the tests of the training experiments and of their pictures."""

import actbook as ab
import pytest


@pytest.fixture(scope="module")
def moons():
    return ab.make_dataset("moons", 60, seed=1)


@pytest.fixture(scope="module")
def runs(moons):
    return ab.train_per_activation(
        moons,
        ["tanh", "relu", ("leaky_relu", {"negative_slope": 0.1})],
        hidden=(8,),
        epochs=6,
        optimizer=ab.Adam(0.05),
        seed=3,
        snapshot_epochs=[0, 3, 6],
    )
