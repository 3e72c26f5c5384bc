"""Launch buttons: open a chapter as a running notebook on Binder, Colab or a JupyterHub.

One setting turns them on: ``repository: url:`` in ``_config.yml``, the book's GitHub
repository. Left empty, no page shows a launch button, so the offline site offers nothing
that cannot work. ``launch_buttons:`` names the services (mybinder.org and Colab by
default; a JupyterHub only when ``jupyterhub_url`` names one, since there is no public
hub to default to).

Every button opens the chapter's executed notebook on the repository's ``notebooks``
branch, which the publishing workflow fills with the notebook archive (chapters, the
``actbook`` package, pinned requirements; see notebook_downloads.py) at each publication:

- Binder builds that branch, installing its ``requirements.txt``, and opens the notebook;
- a JupyterHub pulls the branch with nbgitpuller and opens the notebook;
- Colab opens the notebook straight from GitHub (it opens ``.ipynb`` files only, which is
  why the theme's own Colab button, pointing at the chapter's ``.md``, cannot be used).

A hub or Colab does not have the package, so with the setting on, every downloaded or
published notebook begins with a hidden cell that installs ``actbook`` from the branch's
``code/`` folder when it cannot be imported, and does nothing where it is installed.

The extension reads both settings from ``_config.yml`` itself: Jupyter Book would hand
them to sphinx-book-theme inside ``html_theme_options``, but the book sets that option under
``sphinx: config:``, which replaces the whole dictionary. The theme must not build launch
buttons anyway (besides the Colab link, when its buttons are on it copies myst-nb's
notebook over the reader's one in ``_sources/``), so any service found in the theme's
options is switched off, and this extension builds the buttons in the theme's own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import nbformat
import yaml
from notebook_downloads import READER_NOTEBOOK_EVENT
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

#: The branch the publishing workflow writes the notebook archive to.
NOTEBOOKS_BRANCH = "notebooks"
#: The tags of the install cell: hidden on pages, recognisable by tools and tests.
INSTALL_TAGS = ["remove-cell", "install-actbook"]
SERVICES = ("binderhub_url", "colab_url", "jupyterhub_url")
#: Services the theme knows and this extension does not offer: they must stay off.
OTHER_SERVICES = ("deepnote_url", "jupyterlite_url")
INTERFACES = {"classic": "tree", "jupyterlab": "lab/tree"}
GITHUB = re.compile(r"https://github\.com/(?P<org>[\w.-]+)/(?P<repo>[\w.-]+?)(?:\.git)?/?")


@dataclass(frozen=True)
class Launch:
    """Where launch buttons send a reader: the repository and the services."""

    org: str
    repo: str
    binderhub_url: str
    colab_url: str
    jupyterhub_url: str
    interface: str

    @property
    def repository_url(self) -> str:
        """The repository's address on GitHub."""
        return f"https://github.com/{self.org}/{self.repo}"

    def buttons(self, notebook: str) -> list[dict[str, str]]:
        """The theme's button records for the notebook at path ``notebook`` of the branch."""
        ui = INTERFACES[self.interface]
        buttons = []
        if self.binderhub_url:
            url = (
                f"{self.binderhub_url}/v2/gh/{self.org}/{self.repo}/{NOTEBOOKS_BRANCH}"
                f"?urlpath={ui}/{notebook}"
            )
            buttons.append(_button("Binder", "_static/images/logo_binder.svg", url))
        if self.jupyterhub_url:
            query = urlencode(
                {
                    "repo": self.repository_url,
                    "branch": NOTEBOOKS_BRANCH,
                    "urlpath": f"{ui}/{self.repo}/{notebook}",
                },
                safe="/",
            )
            url = f"{self.jupyterhub_url}/hub/user-redirect/git-pull?{query}"
            buttons.append(_button("JupyterHub", "_static/images/logo_jupyterhub.svg", url))
        if self.colab_url:
            github_path = f"{self.org}/{self.repo}/blob/{NOTEBOOKS_BRANCH}/{notebook}"
            url = f"{self.colab_url}/github/{github_path}"
            buttons.append(_button("Colab", "_static/images/logo_colab.png", url))
        return buttons

    def install_source(self) -> str:
        """What ``pip install`` gets in the install cell: the branch's ``code/`` folder."""
        return f"git+{self.repository_url}.git@{NOTEBOOKS_BRANCH}#subdirectory=code"


def _button(service: str, icon: str, url: str) -> dict[str, str]:
    return {
        "type": "link",
        "text": service,
        "tooltip": f"Run this chapter on {service}",
        "icon": icon,
        "url": url,
        "label": f"launch-{service.lower()}-button",
    }


def launch_settings(options: dict[str, Any]) -> Launch | None:
    """The launch settings, or None when no repository is set.

    ``options`` holds ``repository_url`` and ``launch_buttons``, as :func:`book_settings`
    reads them from ``_config.yml`` (and as sphinx-book-theme names them).
    """
    url = (options.get("repository_url") or "").strip()
    settings = dict(options.get("launch_buttons") or {})
    if not url:
        return None
    match = GITHUB.fullmatch(url)
    if match is None:
        raise ConfigError(
            f"repository: url: must be a GitHub repository, https://github.com/<owner>/<name>; "
            f"got {url!r} (Binder, Colab and nbgitpuller links are built for GitHub)"
        )
    interface = settings.get("notebook_interface") or "classic"
    if interface not in INTERFACES:
        raise ConfigError(
            f"launch_buttons: notebook_interface: must be one of {sorted(INTERFACES)}, "
            f"got {interface!r}"
        )
    return Launch(
        org=match["org"],
        repo=match["repo"],
        interface=interface,
        **{key: (settings.get(key) or "").strip().rstrip("/") for key in SERVICES},
    )


def install_cell(launch: Launch) -> nbformat.NotebookNode:
    """The hidden first cell: install ``actbook`` where it cannot be imported."""
    source = (
        "# Where the book's package is missing (Colab, a JupyterHub), install it from the\n"
        "# book's repository; where it is installed, this does nothing.\n"
        "import importlib.util\n"
        "\n"
        'if importlib.util.find_spec("actbook") is None:\n'
        f'    %pip install --quiet "{launch.install_source()}"'
    )
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = list(INSTALL_TAGS)
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def book_settings(book_config: dict[str, Any]) -> dict[str, Any]:
    """The options :func:`launch_settings` reads, from a parsed ``_config.yml``."""
    launch = dict(book_config.get("launch_buttons") or {})
    for key in OTHER_SERVICES:
        if launch.get(key):
            raise ConfigError(f"launch_buttons: {key} is not offered by this book; leave it empty")
    repository = book_config.get("repository") or {}
    return {"repository_url": repository.get("url") or "", "launch_buttons": launch}


def _take_over(app: Sphinx, config: Config) -> None:
    book_config = Path(app.srcdir, "_config.yml")
    settings = {}
    if book_config.is_file():
        settings = book_settings(yaml.safe_load(book_config.read_text(encoding="utf-8")) or {})
    app._book_launch = launch_settings(settings)
    # The theme sees no service: it adds no button and leaves _sources alone.
    options = dict(config.html_theme_options)
    theme_launch = dict(options.get("launch_buttons") or {})
    services = (*SERVICES, *OTHER_SERVICES)
    options["launch_buttons"] = {**theme_launch, **dict.fromkeys(services, ""), "thebe": False}
    config.html_theme_options = options


def _launch(app: Sphinx) -> Launch | None:
    return getattr(app, "_book_launch", None)


def _add_install_cell(app: Sphinx, docname: str, notebook: nbformat.NotebookNode) -> None:
    launch = _launch(app)
    if launch is not None:
        notebook.cells.insert(0, install_cell(launch))


def _add_buttons(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    launch = _launch(app)
    # Only pages with an executed notebook (notebook_downloads offers it) can be launched.
    if launch is None or not context.get("ipynb_source"):
        return
    buttons = launch.buttons(f"{pagename}.ipynb")
    if buttons:
        context["header_buttons"].insert(
            0,
            {
                "type": "group",
                "tooltip": "Run this chapter",
                "icon": "fas fa-rocket",
                "buttons": buttons,
                "label": "launch-buttons",
            },
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks."""
    app.setup_extension("notebook_downloads")  # it defines the event the install cell needs
    app.connect("config-inited", _take_over)
    app.connect(READER_NOTEBOOK_EVENT, _add_install_cell)
    # After notebook_downloads (500) and the theme's header buttons (501).
    app.connect("html-page-context", _add_buttons, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
