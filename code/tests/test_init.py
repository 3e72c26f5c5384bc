"""The public surface is curated, and importing the package changes nothing global."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import actbook as ab


def test_all_names_exist_and_private_modules_stay_private():
    for name in ab.__all__:
        assert hasattr(ab, name), name
    assert not [n for n in ab.__all__ if n.startswith("_")]
    assert sorted(ab.__all__) == sorted(set(ab.__all__))


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True)


def test_import_changes_no_global_state():
    # A fresh interpreter: matplotlib's settings and numpy's error state are the same
    # before and after the import.
    _run(
        """
        import matplotlib as mpl, numpy as np
        rc = {key: mpl.rcParams[key] for key in mpl.rcParams if key != "backend"}
        err = np.geterr()
        import actbook
        after = {key: mpl.rcParams[key] for key in mpl.rcParams if key != "backend"}
        assert after == rc, "rcParams changed"
        assert np.geterr() == err, "numpy error state changed"
        """
    )


def test_import_does_not_load_pyplot():
    # pyplot holds global figures and picks a backend; the package never needs it.
    _run(
        """
        import sys
        import actbook
        assert "matplotlib.pyplot" not in sys.modules, "pyplot imported"
        """
    )


def test_package_is_not_called_code():
    assert ab.__name__ == "actbook"


def test_every_public_name_comes_from_one_layer():
    from actbook import activations, figures, training

    layers = {"activations": activations, "figures": figures, "training": training}
    owners = {
        name: [layer for layer, module in layers.items() if name in module.__all__]
        for name in ab.__all__
    }
    assert {name: found for name, found in owners.items() if len(found) != 1} == {}
    for name, (layer,) in owners.items():
        assert getattr(ab, name) is getattr(layers[layer], name), name
