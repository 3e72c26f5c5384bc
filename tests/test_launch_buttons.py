"""Launch buttons: off with no repository, right URLs and an install cell with one.

The book's own configuration leaves ``repository: url:`` empty, so its pages must show no
launch button and its notebooks no install cell. The fixture book is built with a
repository (and a hub) set, and its explorer page must offer Binder, JupyterHub and Colab,
each pointing at the executed notebook on the repository's ``notebooks`` branch.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, BuildResult, build_book, built_pages
from IPython.core.interactiveshell import InteractiveShell
from launch_buttons import (
    INSTALL_TAGS,
    NOTEBOOKS_BRANCH,
    Launch,
    book_settings,
    install_cell,
    launch_settings,
)
from notebook_downloads import ARCHIVE_FOLDER, ARCHIVE_NAME
from sphinx.errors import ConfigError
from test_fixture_book import make_fixture_book

REPOSITORY = "https://github.com/example-org/activation-book"
HUB = "https://hub.example.org"
LAUNCH_SERVICES = ("mybinder.org", "colab.research.google.com", "git-pull")
SERVICES = {
    "binderhub_url": "https://mybinder.org",
    "colab_url": "https://colab.research.google.com",
}


def _book_settings(**changes: str) -> Launch | None:
    options = book_settings(yaml.safe_load((ROOT / "_config.yml").read_text()))
    return launch_settings({**options, **changes})


def test_the_book_sets_no_repository_so_launching_is_off() -> None:
    assert _book_settings() is None


def test_one_setting_turns_on_binder_and_colab_and_a_hub_adds_its_button() -> None:
    launch = _book_settings(repository_url=REPOSITORY + ".git")
    assert [b["text"] for b in launch.buttons("chapters/relu.ipynb")] == ["Binder", "Colab"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    with_hub = launch_settings(
        {
            "repository_url": REPOSITORY,
            "launch_buttons": {**config["launch_buttons"], "jupyterhub_url": HUB + "/"},
        }
    )
    urls = {b["text"]: b["url"] for b in with_hub.buttons("chapters/relu.ipynb")}
    assert urls == {
        "Binder": (
            "https://mybinder.org/v2/gh/example-org/activation-book/notebooks"
            "?urlpath=tree/chapters/relu.ipynb"
        ),
        "JupyterHub": (
            f"{HUB}/hub/user-redirect/git-pull?repo=https%3A//github.com/example-org/"
            "activation-book&branch=notebooks&urlpath=tree/activation-book/chapters/relu.ipynb"
        ),
        "Colab": (
            "https://colab.research.google.com/github/example-org/activation-book/blob/"
            "notebooks/chapters/relu.ipynb"
        ),
    }


def test_only_github_repositories_and_known_interfaces_are_accepted() -> None:
    with pytest.raises(ConfigError, match="GitHub"):
        launch_settings({"repository_url": "https://gitlab.com/org/book"})
    with pytest.raises(ConfigError, match="notebook_interface"):
        launch_settings(
            {"repository_url": REPOSITORY, "launch_buttons": {"notebook_interface": "lab"}}
        )


def _run_install_cell(shell: InteractiveShell, launch: Launch) -> list[str]:
    """Run the install cell in ``shell``; return what it asked ``%pip`` to do."""
    asked: list[str] = []
    shell.register_magic_function(asked.append, magic_kind="line", magic_name="pip")
    result = shell.run_cell(install_cell(launch).source)
    assert result.success, result.error_in_exec
    return asked


def test_the_install_cell_installs_only_where_actbook_is_missing(monkeypatch) -> None:
    launch = launch_settings({"repository_url": REPOSITORY})
    cell = install_cell(launch)
    assert cell.metadata["tags"] == INSTALL_TAGS
    shell = InteractiveShell.instance()
    try:
        # Here actbook is installed: the cell does nothing.
        assert _run_install_cell(shell, launch) == []
        # Where it is not (find_spec finds nothing), it installs the branch's package.
        import importlib.util

        real_find_spec = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "actbook" else real_find_spec(name, *a),
        )
        assert _run_install_cell(shell, launch) == [
            "install --quiet "
            '"git+https://github.com/example-org/activation-book.git@notebooks'
            '#subdirectory=code"'
        ]
    finally:
        InteractiveShell.clear_instance()


@pytest.mark.book
def test_the_book_shows_no_launch_button_and_no_install_cell(built_book: BuildResult) -> None:
    assert built_book.returncode == 0, built_book.log[-3000:]
    for page in built_pages(built_book.html):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.select(".dropdown-launch-buttons"), page.name
        assert not any(service in html for service in LAUNCH_SERVICES), page.name
    for path in (built_book.html / "_sources").rglob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert not any("install-actbook" in c.metadata.get("tags", []) for c in notebook.cells)


@pytest.fixture(scope="module")
def launching_book(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    book = make_fixture_book(tmp_path_factory.mktemp("launch") / "book")
    config = yaml.safe_load((book / "_config.yml").read_text())
    config["repository"] = {"url": REPOSITORY}
    config["launch_buttons"]["jupyterhub_url"] = HUB
    (book / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    build = build_book(book)
    assert build.returncode == 0, build.log[-3000:]
    return build


@pytest.mark.book
def test_with_a_repository_each_notebook_page_offers_three_launch_buttons(
    launching_book: BuildResult,
) -> None:
    page = BeautifulSoup((launching_book.html / "explorer.html").read_text("utf-8"), "html.parser")
    menu = page.select_one(".dropdown-launch-buttons")
    assert menu is not None
    links = {a.get_text(strip=True): a["href"] for a in menu.select("a")}
    # The URLs the settings give for this page's notebook (their form is tested above).
    expected = launch_settings(
        {"repository_url": REPOSITORY, "launch_buttons": {"jupyterhub_url": HUB, **SERVICES}}
    ).buttons("explorer.ipynb")
    assert links == {button["text"]: button["url"] for button in expected}
    assert list(links) == ["Binder", "JupyterHub", "Colab"]
    # The buttons' logos are served by the site.
    for image in menu.select("img"):
        assert (launching_book.html / Path(image["src"])).is_file(), image["src"]
    # A page without a notebook has nothing to launch.
    index = (launching_book.html / "index.html").read_text("utf-8")
    assert "dropdown-launch-buttons" not in index


@pytest.mark.book
def test_with_a_repository_the_notebooks_begin_with_the_install_cell(
    launching_book: BuildResult,
) -> None:
    notebook = nbformat.read(launching_book.html / "_sources" / "explorer.ipynb", as_version=4)
    nbformat.validate(notebook)
    first = notebook.cells[0]
    assert first.cell_type == "code" and first.metadata["tags"] == INSTALL_TAGS
    assert f"git+{REPOSITORY}.git@notebooks#subdirectory=code" in first.source
    # Still the reader's notebook, not myst-nb's copy: numbered ids, no build metadata.
    assert [c.id for c in notebook.cells] == [f"cell-{i}" for i in range(len(notebook.cells))]
    assert "source_map" not in notebook.metadata
    assert any(c.outputs for c in notebook.cells if c.cell_type == "code")
    # The page itself hides the cell.
    page = (launching_book.html / "explorer.html").read_text("utf-8")
    assert "find_spec" not in page


def test_the_workflow_publishes_the_notebook_archive_on_the_notebooks_branch() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    build, job = workflow["jobs"]["build"], workflow["jobs"]["notebooks"]
    uploads = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert [s["with"] for s in uploads] == [
        {"name": "notebooks", "path": f"_build/html/{ARCHIVE_NAME}"}
    ]
    assert job["needs"] == "build"
    # The only job that may write to the repository, and only its contents.
    assert job["permissions"] == {"contents": "write"}
    download, publish = job["steps"]
    assert download["uses"].startswith("actions/download-artifact@")
    assert download["with"] == {"name": "notebooks"}
    script = publish["run"]
    assert f"unzip -q {ARCHIVE_NAME}" in script and f"cd {ARCHIVE_FOLDER}" in script
    assert f"git init -q -b {NOTEBOOKS_BRANCH}" in script
    assert script.rstrip().endswith(f"{NOTEBOOKS_BRANCH}")
    assert "git push --force" in script
