"""A small Sphinx extension that keeps every built page free of requests to other hosts.

Before anything is read, it makes sure the site can serve its own third-party browser
code: MathJax and the ipywidgets HTML manager are installed from the pinned lock file into
``_vendor/`` by :mod:`book_assets` when they are missing or stale, and every local script
the configuration names (``mathjax_path``, ``nb_ipywidgets_js``) must then exist in an
``html_static_path`` folder. Otherwise the build stops with an error that says what is
missing and what to run: a plain ``jupyter-book build`` never succeeds with dead explorers.

Jupyter Book always loads sphinx-thebe, whose inline configuration names a CDN copy of
thebe (and, in Jupyter Book 1, is added twice, which is a JavaScript error). The book does
not offer live kernels, so the thebe scripts and stylesheet are removed from every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import book_assets
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _provide_assets(app: Sphinx, config: Config) -> None:
    try:
        book_assets.ensure(report=logger.info)
    except book_assets.AssetError as error:
        raise ExtensionError(str(error)) from None
    missing = _missing_local_scripts(app, config)
    if missing:
        raise ExtensionError(
            f"the pages would load {', '.join(missing)} from _static, but no "
            f"html_static_path folder ({', '.join(config.html_static_path)}) has it. "
            f"Restore the file; for a file of _vendor, run "
            f"{book_assets.fix_command()} --force"
        )


def _missing_local_scripts(app: Sphinx, config: Config) -> list[str]:
    """Scripts served from this site that no static folder provides."""
    scripts = [getattr(config, "mathjax_path", ""), *getattr(config, "nb_ipywidgets_js", {})]
    local = [s for s in scripts if s and "://" not in s and not s.startswith(("/", "data:"))]
    folders = [Path(app.confdir, entry) for entry in config.html_static_path]
    return [s for s in local if not any((folder / s).is_file() for folder in folders)]


def _is_thebe_script(script: Any) -> bool:
    body = getattr(script, "attributes", {}).get("body", "") or ""
    # Sphinx 7 passes _JavaScript objects, whose str() is their repr, not the file name.
    filename = str(getattr(script, "filename", script) or "")
    return "THEBE_JS_URL" in body or filename.endswith("sphinx-thebe.js")


def _is_thebe_stylesheet(stylesheet: Any) -> bool:
    return str(getattr(stylesheet, "filename", stylesheet) or "").endswith("sphinx-thebe.css")


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not _is_thebe_script(s)]
    # Its stylesheet styles only thebe's buttons and cells; in <head> it would hold up
    # the first paint for nothing.
    stylesheets = context.get("css_files")
    if stylesheets:
        context["css_files"] = [s for s in stylesheets if not _is_thebe_stylesheet(s)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks."""
    # Before Sphinx's own check of html_static_path (priority 800), which would drop a
    # missing _vendor with a mere warning.
    app.connect("config-inited", _provide_assets, priority=100)
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
