"""A small Sphinx extension that keeps every built page free of requests to other hosts.

Jupyter Book always loads sphinx-thebe, whose inline configuration names a CDN copy of
thebe (and, in Jupyter Book 1, is added twice, which is a JavaScript error). The book does
not offer live kernels, so the thebe scripts are removed from every page.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _is_thebe_script(script: Any) -> bool:
    body = getattr(script, "attributes", {}).get("body", "") or ""
    return "THEBE_JS_URL" in body or str(script).endswith("sphinx-thebe.js")


def _drop_thebe(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not _is_thebe_script(s)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page hook."""
    app.connect("html-page-context", _drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
