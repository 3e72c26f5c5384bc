"""The package's layers, checked from the source: activations <- training <- figures.

Every import statement of every module is read with :mod:`ast` (imports inside functions
too) and resolved to an absolute module name. Only ``actbook/figures/`` may import the
drawing libraries; ``activations/`` imports neither ``training/`` nor ``figures/``, and
``training/`` does not import ``figures/``. Below all three, ``actbook/_checks.py`` (the
argument checks every layer uses) imports no part of the package. The chapters draw
through the package, so they import no drawing library either.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "actbook"
CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"
DRAWING = ("matplotlib", "ipywidgets", "IPython", "PIL")
#: Layer -> the layers of actbook it must not import.
FORBIDDEN_LAYERS = {
    "_checks": ("actbook.activations", "actbook.training", "actbook.figures"),
    "activations": ("actbook.training", "actbook.figures"),
    "training": ("actbook.figures",),
}


def imported_modules(source: str, module: str) -> set[str]:
    """Absolute names of the modules that ``source`` (module ``module``) imports."""
    package = module.split(".")
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module
            found.add(name)
            # ``from . import _catalog`` imports a module, not a name
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def layer_violations(path: Path, source: str) -> list[str]:
    """What a module imports against the layering rules, as readable lines."""
    module = _module_name(path)
    # a package's relative imports are relative to itself, a module's to its package
    context = module + ".__init__" if _is_package(path) else module
    parts = path.relative_to(PACKAGE).parts
    # a subpackage's folder; for a top-level module its stem ("_checks"), "" for __init__
    top_level = "" if path.stem == "__init__" else path.stem
    layer = parts[0] if len(parts) > 1 else top_level
    imports = imported_modules(source, context)
    problems = []
    if layer != "figures":
        problems += [
            f"{module} imports {name}" for name in sorted(imports) if name.split(".")[0] in DRAWING
        ]
    for banned in FORBIDDEN_LAYERS.get(layer, ()):
        problems += [
            f"{module} imports {name}"
            for name in sorted(imports)
            if name == banned or name.startswith(banned + ".")
        ]
    return problems


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_three_layers_exist():
    layers = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert layers == {"activations", "training", "figures"}
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert loose == ["_checks.py"], "every module belongs to a layer"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_the_layers(path):
    assert layer_violations(path, path.read_text(encoding="utf-8")) == []


def _chapter_code(path: Path) -> str:
    cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    # drop cell options (``:tags: ...``) and IPython magics, which are not Python
    return "\n".join(
        line for cell in cells for line in cell.splitlines() if not line.startswith((":", "%", "!"))
    )


@pytest.mark.parametrize("path", sorted(CHAPTERS.glob("*.md")), ids=lambda p: p.stem)
def test_chapters_draw_through_the_package(path):
    imports = imported_modules(_chapter_code(path), "chapter")
    assert sorted(name for name in imports if name.split(".")[0] in DRAWING) == []


# -- the checker itself catches what it must ------------------------------------------------
@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("training/_mlp.py", "import matplotlib.pyplot as plt", "matplotlib.pyplot"),
        ("training/_mlp.py", "def f():\n    from ipywidgets import HTML", "ipywidgets"),
        ("activations/_catalog.py", "from ..training import MLP", "actbook.training"),
        ("activations/_catalog.py", "from ..figures._style import style", "actbook.figures"),
        ("training/_mlp.py", "from .. import figures", "actbook.figures"),
        ("training/__init__.py", "from ..figures import style", "actbook.figures"),
        ("_checks.py", "from .activations import get", "actbook.activations"),
        ("_checks.py", "import matplotlib", "matplotlib"),
    ],
)
def test_a_violation_is_reported(relative, source, expected):
    problems = layer_violations(PACKAGE / relative, source)
    assert any(expected in problem for problem in problems), problems


def test_figures_may_draw_and_import_the_lower_layers():
    source = "import matplotlib\nfrom ..training import MLP\nfrom ..activations import get"
    assert layer_violations(PACKAGE / "figures" / "_plot.py", source) == []
