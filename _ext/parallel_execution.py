"""Execute the book's notebooks on every core before Sphinx reads them.

myst-nb's ``cache`` mode executes a notebook when Sphinx reads it, one after another, so a
clean build of the book takes the sum of its chapters' execution times however many cores
the machine has. Before Sphinx reads the changed documents, this extension reads each one
as myst-nb would (the same reader and configuration), looks it up in the same jupyter-cache
and executes the notebooks that have no cached outputs side by side, one kernel per worker,
caching each result exactly as myst-nb does. myst-nb then finds every notebook in the cache.

A notebook that fails here is not cached: myst-nb executes it again while reading and
reports the error in its usual way, so a failing chapter still fails the build with its
traceback. Nothing changes when execution is not ``cache`` or when there is nothing to run
side by side. ``book_execution_workers`` (``sphinx: config:``) sets the number of workers;
0, the default, means one per core.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from book_notebooks import SourceNotebook, execution_cache, is_excluded, read_source_notebook
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _pending_notebooks(env: BuildEnvironment, docnames: list[str], cache) -> list[SourceNotebook]:
    pending = []
    for docname in docnames:
        source = read_source_notebook(env, docname)
        if source is None or is_excluded(env, source.path):
            continue
        try:
            cache.match_cache_notebook(source.notebook)
        except KeyError:
            pending.append(source)
    return pending


def _workers(app: Sphinx) -> int:
    configured = int(app.config.book_execution_workers)
    return configured if configured > 0 else (os.cpu_count() or 1)


def _execute_in_parallel(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    nb_config = getattr(env, "mystnb_config", None)
    if nb_config is None or nb_config.execution_mode != "cache" or nb_config.execution_in_temp:
        return
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    cache = execution_cache(env)
    pending = _pending_notebooks(env, docnames, cache)
    workers = min(_workers(app), len(pending))
    if workers < 2:
        return  # nothing to gain: myst-nb executes it while reading

    def execute(item: SourceNotebook):
        return single_nb_execution(
            item.notebook,
            cwd=str(item.path.parent),
            allow_errors=nb_config.execution_allow_errors,
            timeout=nb_config.execution_timeout,
            meta_override=True,
        )

    logger.info(f"executing {len(pending)} notebooks with {workers} workers")
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(execute, pending))
    for item, result in zip(pending, results, strict=True):
        if result.err is not None:
            logger.info(f"{item.docname}: failed here; myst-nb runs it again to report why")
            continue
        # The cache database is written from this thread only.
        stage = cache.add_nb_to_project(str(item.path), read_data=item.read_fmt)
        cache.cache_notebook_bundle(
            CacheBundleIn(item.notebook, stage.uri, data={"execution_seconds": result.time}),
            check_validity=False,
            overwrite=True,
        )
        logger.info(f"{item.docname}: executed in {result.time:.1f} s")
    logger.info(f"executed {len(pending)} notebooks in {time.perf_counter() - start:.1f} s")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration value and the hook."""
    app.add_config_value("book_execution_workers", 0, "env", types=(int,))
    app.connect("env-before-read-docs", _execute_in_parallel)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
