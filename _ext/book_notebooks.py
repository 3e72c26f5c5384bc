"""Read a page as myst-nb reads it, and find its executed version in myst-nb's cache.

Shared by the book's Sphinx extensions that work with executed notebooks before or after
myst-nb: :mod:`parallel_execution` (which fills the cache) and :mod:`notebook_downloads`
(which offers the executed notebooks to readers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx.environment import BuildEnvironment


@dataclass
class SourceNotebook:
    """A page's notebook, read from its source exactly as myst-nb reads it."""

    docname: str
    path: Path
    notebook: Any
    read_fmt: dict | None


def read_source_notebook(env: BuildEnvironment, docname: str) -> SourceNotebook | None:
    """The notebook of ``docname``, or None for a page that is not a notebook.

    The same reader, configuration and kernel aliases as myst-nb's parser, so that the
    notebook hashes to the same entry of the execution cache.
    """
    from myst_nb.core.read import create_nb_reader

    nb_config = env.mystnb_config
    path = Path(env.doc2path(docname))
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    reader = create_nb_reader(str(path), env.myst_config, nb_config, text)
    if reader is None:
        return None  # plain Markdown
    notebook = reader.read(text)
    kernel = notebook.metadata.get("kernelspec", {}).get("name")
    for pattern, alias in (nb_config.kernel_rgx_aliases or {}).items():
        if kernel is not None and re.fullmatch(pattern, kernel):
            notebook.metadata["kernelspec"]["name"] = alias
            break
    return SourceNotebook(docname, path, notebook, reader.read_fmt)


def is_excluded(env: BuildEnvironment, path: Path) -> bool:
    """Whether the configuration excludes ``path`` from execution."""
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(pattern) for pattern in env.mystnb_config.execution_excludepatterns)


def execution_cache(env: BuildEnvironment):
    """myst-nb's jupyter-cache, opened as myst-nb opens it."""
    from jupyter_cache import get_cache

    return get_cache(env.mystnb_config.execution_cache_path or ".jupyter_cache")


def cached_execution(env: BuildEnvironment, docname: str) -> Any | None:
    """The executed notebook of ``docname`` from the cache, or None if it has none.

    myst-nb 1.4 writes the notebook it read, not the one it merged from the cache, to
    ``jupyter_execute/``, so on a cached build the files there have no outputs; the cache
    itself is the reliable source.
    """
    if getattr(env, "mystnb_config", None) is None or env.mystnb_config.execution_mode != "cache":
        return None
    source = read_source_notebook(env, docname)
    if source is None:
        return None
    try:
        _, executed = execution_cache(env).merge_match_into_notebook(source.notebook)
    except KeyError:
        return None
    return executed
