"""Every chapter downloads as an executed notebook, and the whole book as one archive.

A chapter is a MyST Markdown notebook; a reader who wants to run it should not need
Jupytext first. For every page that myst-nb executed, this extension writes the executed
notebook (outputs and widget state included, the build's own metadata left out) beside the
page's source in ``_sources/`` and hands it to the theme's download menu, which then offers
``.ipynb`` next to ``.md`` and PDF.

When the build has finished, it also writes ``activation-functions-notebooks.zip`` at the
root of the site: every chapter's notebook, the ``actbook`` package and a
``requirements.txt`` with the versions the book was built with, so that ``pip install -r
requirements.txt`` in the unpacked folder is all a reader needs before running any chapter.
The archive's bytes depend only on its contents, so two builds of one commit give the same
file.
"""

from __future__ import annotations

import io
import re
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat
from book_notebooks import cached_execution
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

ARCHIVE_NAME = "activation-functions-notebooks.zip"
ARCHIVE_FOLDER = "activation-functions-notebooks"
#: What running the chapters needs: the package's own dependencies come with it, these
#: add a kernel and a runner (open the notebooks with any Jupyter; see the archive's README).
RUNTIME_PACKAGES = ("ipykernel", "ipywidgets", "nbclient")
#: Files of the repository that chapters read, by paths relative to ``chapters/``
#: (``cost`` reads the committed benchmark table from ``../benchmarks/README.md``).
DATA_FILES = ("benchmarks/README.md",)
#: Metadata that only the build uses: the source map of the Markdown and Jupytext's pairing.
BUILD_METADATA = ("source_map", "jupytext")
#: Emitted with ``(docname, notebook)`` before a reader's notebook is written.
READER_NOTEBOOK_EVENT = "book-reader-notebook"

_README = """\
Activation functions: an interactive textbook, as notebooks
===========================================================

Every chapter of the book as an executed Jupyter notebook (chapters/), the book's
package actbook (code/), and the Python packages the book was built with
(requirements.txt).

To run the chapters, in this folder:

    python -m venv .venv
    . .venv/bin/activate            # on Windows: .venv\\Scripts\\activate
    pip install -r requirements.txt
    pip install jupyterlab          # or notebook, or open the folder in VS Code
    jupyter lab chapters

The notebooks already hold their outputs, and their explorers work once the notebook
is trusted or re-run. Some Markdown uses the book's cross-references ({ref}, {cite:p});
the built book at the site you downloaded this from shows them as links.
"""


def reader_notebook(app: Sphinx, docname: str) -> str | None:
    """The executed notebook of ``docname`` as a reader should get it, or None.

    Outputs and widget state come from myst-nb's execution cache; metadata that only the
    build uses is left out.
    """
    notebook = cached_execution(app.env, docname)
    if notebook is None:
        return None
    for key in BUILD_METADATA:
        notebook.metadata.pop(key, None)
    # Other extensions may add to it (launch_buttons.py: the install cell).
    app.emit(READER_NOTEBOOK_EVENT, docname, notebook)
    # The reader gives cells random ids on every build; numbered ids keep the file stable.
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"
    return nbformat.writes(notebook) + "\n"


def _offer_notebook(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if not context.get("page_source_suffix"):
        return
    notebook = reader_notebook(app, pagename)
    if notebook is None:
        return
    _written(app)[pagename] = notebook  # the archive reuses it
    target = Path(app.outdir, "_sources", f"{pagename}.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(notebook, encoding="utf-8")
    # The theme's download menu lists this file as ".ipynb" (sphinx-book-theme reads it).
    context["ipynb_source"] = f"{pagename}.ipynb"


def _written(app: Sphinx) -> dict[str, str]:
    """The notebooks this build has already offered for download, by page."""
    if not hasattr(app, "_book_notebooks"):
        app._book_notebooks = {}
    return app._book_notebooks


def archive_requirements(book_requirements: str) -> str:
    """Pinned requirements for running the chapters, from the book's own pins.

    The packages the chapters need at run time are the ``actbook`` package's dependencies,
    a kernel and a runner (:data:`RUNTIME_PACKAGES`). Each keeps its line from the book's
    ``requirements.txt``; one the book does not pin gets the version this build used. The
    package itself is installed from the archive's ``code/`` folder.
    """
    needed = {_normalise(name) for name in (*_package_dependencies(), *RUNTIME_PACKAGES)}
    pins = {}
    for line in book_requirements.splitlines():
        name = _requirement_name(line)
        if name and not line.startswith(("#", "-")) and _normalise(name) in needed:
            pins[_normalise(name)] = line.strip()
    for name in sorted(needed - set(pins)):
        pins[name] = f"{name}=={metadata.version(name)}"
    return (
        "# What running the book's chapters needs, pinned as the book was built.\n"
        + "".join(f"{pins[name]}\n" for name in sorted(pins))
        + "# The book's package, from this archive.\n./code\n"
    )


def _requirement_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _package_dependencies() -> list[str]:
    requirements = metadata.requires("actbook") or []
    return [_requirement_name(r) for r in requirements if "extra ==" not in r]


def _entries(app: Sphinx) -> dict[str, bytes]:
    """The archive's files: name inside the archive -> bytes."""
    root = Path(app.confdir)
    entries: dict[str, bytes] = {}
    if (
        not (root / "code" / "pyproject.toml").is_file()
        or not (root / "requirements.txt").is_file()
    ):
        return entries  # not this book (a fixture): nothing to run the notebooks with
    written = _written(app)
    for docname in sorted(app.env.found_docs):
        # Pages this build did not write (unchanged ones) are read from the cache here.
        notebook = written.get(docname) or reader_notebook(app, docname)
        if notebook is not None:
            entries[f"{docname}.ipynb"] = notebook.encode("utf-8")
    package = root / "code"
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if path.is_file() and _belongs_to_package(relative):
            entries[f"code/{relative.as_posix()}"] = path.read_bytes()
    for name in DATA_FILES:
        entries[name] = (root / name).read_bytes()
    entries["requirements.txt"] = archive_requirements(
        (root / "requirements.txt").read_text(encoding="utf-8")
    ).encode("utf-8")
    entries["README.txt"] = _README.encode("utf-8")
    return entries


def _belongs_to_package(relative: Path) -> bool:
    parts = relative.parts
    if parts in {("pyproject.toml",), ("README.md",)}:
        return True
    return (
        parts[0] == "src"
        and relative.suffix == ".py"
        and "__pycache__" not in parts
        and not any(part.endswith(".egg-info") for part in parts)
    )


def write_archive(entries: dict[str, bytes], target: Path) -> None:
    """Write ``entries`` to a zip file whose bytes depend only on them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{ARCHIVE_FOLDER}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    target.write_bytes(buffer.getvalue())


def _write_archive(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    entries = _entries(app)
    notebooks = sum(name.endswith(".ipynb") for name in entries)
    if notebooks == 0:
        return
    target = Path(app.outdir, ARCHIVE_NAME)
    write_archive(entries, target)
    size = target.stat().st_size / 1e6
    logger.info(f"notebook archive: {notebooks} notebooks, {size:.1f} MB in {ARCHIVE_NAME}")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks."""
    app.add_event(READER_NOTEBOOK_EVENT)
    # Before the theme builds its download menu (sphinx-book-theme connects at 501).
    app.connect("html-page-context", _offer_notebook, priority=500)
    app.connect("build-finished", _write_archive)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
