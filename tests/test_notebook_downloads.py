"""Readers can run every chapter: each page downloads as an executed notebook, and one
archive holds every notebook with the book's package and its requirements.

The round trip is tested as a reader would do it: unpack the archive, create a fresh
virtual environment, ``pip install -r requirements.txt`` (from the package registry) and
execute every notebook with nbclient.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
import time
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuildResult, has_explorers
from notebook_downloads import ARCHIVE_FOLDER, ARCHIVE_NAME

pytestmark = pytest.mark.book


def _chapters() -> list[str]:
    return sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))


@pytest.fixture(scope="module")
def site(built_book: BuildResult) -> Path:
    assert built_book.returncode == 0, built_book.log[-3000:]
    return built_book.html


@pytest.mark.parametrize("chapter", _chapters())
def test_every_chapter_downloads_as_an_executed_notebook(site: Path, chapter: str) -> None:
    page = BeautifulSoup((site / "chapters" / f"{chapter}.html").read_text("utf-8"), "html.parser")
    links = [a["href"] for a in page.select("a.btn") if a.get("href", "").endswith(".ipynb")]
    assert links == [f"../_sources/chapters/{chapter}.ipynb"], links
    path = site / "_sources" / "chapters" / f"{chapter}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert any(cell.outputs for cell in code), "the notebook has no outputs"
    assert not any(o.get("name") == "stderr" for cell in code for o in cell.outputs)
    # The build's own metadata stays out; the widgets' state comes along where there is one.
    assert set(notebook.metadata) <= {"kernelspec", "language_info", "widgets"}
    # Stable cell ids, so that two builds give the same file (the reader's are random).
    assert [cell.id for cell in notebook.cells] == [f"cell-{i}" for i in range(len(notebook.cells))]
    has_widgets = has_explorers(page.decode())
    assert ("widgets" in notebook.metadata) == has_widgets


def test_the_landing_page_links_the_archive(site: Path) -> None:
    page = BeautifulSoup((site / "intro.html").read_text("utf-8"), "html.parser")
    assert page.select(f'a[href="{ARCHIVE_NAME}"]')
    assert (site / ARCHIVE_NAME).is_file()


def test_the_archive_holds_every_chapter_the_package_and_pinned_requirements(
    site: Path,
) -> None:
    with zipfile.ZipFile(site / ARCHIVE_NAME) as archive:
        names = {name.removeprefix(f"{ARCHIVE_FOLDER}/") for name in archive.namelist()}
        requirements = archive.read(f"{ARCHIVE_FOLDER}/requirements.txt").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert {f"chapters/{c}.ipynb" for c in _chapters()} <= names
    assert {"code/pyproject.toml", "code/src/actbook/__init__.py", "README.txt"} <= names
    assert not any("__pycache__" in n or ".egg-info" in n or "/tests/" in n for n in names)
    pins = [line for line in requirements.splitlines() if line and not line.startswith("#")]
    assert pins[-1] == "./code"
    assert all("==" in line for line in pins[:-1]), pins
    book = (ROOT / "requirements.txt").read_text()
    assert all(line in book for line in pins if line.startswith(("numpy", "ipywidgets")))


_RUN_ALL = textwrap.dedent(
    """
    import json, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    import nbformat
    from nbclient import NotebookClient

    def run(path):
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        stderr = [o.get("text", "") for c in notebook.cells if c.cell_type == "code"
                  for o in c.outputs if o.get("name") == "stderr"]
        return path.stem, time.perf_counter() - start, stderr

    if __name__ == "__main__":
        paths = sorted(Path(sys.argv[1]).glob("*.ipynb"))
        with ProcessPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(run, paths))
        print(json.dumps(results))
    """
)


def test_the_archive_runs_every_chapter_in_a_fresh_environment(site: Path, tmp_path: Path) -> None:
    start = time.perf_counter()
    with zipfile.ZipFile(site / ARCHIVE_NAME) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / ARCHIVE_FOLDER
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "-r",
            "requirements.txt",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    (tmp_path / "run_all.py").write_text(_RUN_ALL)
    done = subprocess.run(
        [str(python), str(tmp_path / "run_all.py"), str(folder / "chapters")],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    results = json.loads(done.stdout)
    assert sorted(name for name, _, _ in results) == _chapters()
    assert [(name, err) for name, _, err in results if err] == []
    print(f"archive round trip: {time.perf_counter() - start:.0f} s for {len(results)} chapters")
